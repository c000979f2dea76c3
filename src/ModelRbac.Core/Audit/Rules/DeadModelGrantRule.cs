using System.Collections.Generic;
using ModelRbac.Core.Access;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR007: a models entry of a role's (first) entry that grants no deployed model even under Corrected.</summary>
public sealed class DeadModelGrantRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR007";

    /// <inheritdoc/>
    public override string Name => "DeadModelGrant";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A role_permissions models entry matches no deployed model (a typo, a retired model, an empty group).";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var entry in context.EffectiveEntries())
        {
            if (entry.Models.Missing is not null)
            {
                continue;
            }

            foreach (var dead in RolePermissionExpander.FindDeadEntries(context.Config, entry.Role.Get()!, Semantics.Corrected))
            {
                yield return Finding(
                    $"'{dead.Pattern}' ({dead.Role}) matches no deployed model_name, even read as a wildcard or access group.",
                    entry.ModelLocation(dead.PatternIndex));
            }
        }
    }
}
