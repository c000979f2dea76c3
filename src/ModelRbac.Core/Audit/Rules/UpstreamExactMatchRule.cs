using System.Collections.Generic;
using ModelRbac.Core.Matching;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>
/// MR006: a role_permissions models entry that is a wildcard, <c>*</c>/<c>all-proxy-models</c> or an access-group
/// name. LiteLLM compares the list exact-string today (issue #27536), so it grants only a model of that literal name.
/// </summary>
public sealed class UpstreamExactMatchRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR006";

    /// <inheritdoc/>
    public override string Name => "UpstreamExactMatch";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A role_permissions models entry is a wildcard or access-group name, which LiteLLM today compares exact-string.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var config = context.Config;
        foreach (var entry in context.ResolvedEntries())
        {
            if (entry.Models.Missing is not null || entry.Models.Get() is not { } patterns)
            {
                continue;
            }

            for (var i = 0; i < patterns.Count; i++)
            {
                var pattern = patterns[i];
                var what = pattern is "*" or ModelPatternList.AllProxyModels ? "means every model"
                    : FnmatchPattern.HasWildcardSyntax(pattern) ? "is a wildcard"
                    : config.AccessGroups.IsGroup(pattern) ? "names an access group"
                    : null;
                if (what is null)
                {
                    continue;
                }

                yield return Finding(
                    $"'{pattern}' ({entry.Role.Get()}) {what}, but LiteLLM today compares role_permissions models exact-string, so it grants only a model literally named '{pattern}' (Corrected reads it as intended).",
                    entry.ModelLocation(i));
            }
        }
    }
}
