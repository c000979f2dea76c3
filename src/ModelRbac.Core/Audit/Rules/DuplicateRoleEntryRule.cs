using System.Collections.Generic;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR008: a second role_permissions entry for a role; LiteLLM reads only the first.</summary>
public sealed class DuplicateRoleEntryRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR008";

    /// <inheritdoc/>
    public override string Name => "DuplicateRoleEntry";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A role has more than one role_permissions entry; only the first counts.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var first = new Dictionary<string, RolePermissionEntry>(System.StringComparer.Ordinal);
        foreach (var entry in context.ResolvedEntries())
        {
            if (entry.Role.Get() is not { } role)
            {
                continue;
            }

            if (first.TryGetValue(role, out var earlier))
            {
                yield return Finding(
                    $"role '{role}' already has {earlier.YamlPath} (line {earlier.Location.Line}); LiteLLM reads only the first entry, so this one is ignored.",
                    entry.Location);
                continue;
            }

            first[role] = entry;
        }
    }
}
