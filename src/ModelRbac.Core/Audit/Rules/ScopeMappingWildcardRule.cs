using System.Collections.Generic;
using ModelRbac.Core.Matching;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR011: a scope_mappings models entry with wildcard syntax; LiteLLM tests scope models by exact membership.</summary>
public sealed class ScopeMappingWildcardRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR011";

    /// <inheritdoc/>
    public override string Name => "ScopeMappingWildcard";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A litellm_jwtauth.scope_mappings models entry contains a wildcard, which LiteLLM compares exact-string.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        if (context.Config.JwtAuth.GetWrittenForDisplay("scope_mappings") is not IReadOnlyList<Config.ScopeMapping> mappings)
        {
            yield break;
        }

        foreach (var mapping in mappings)
        {
            var models = mapping.Models ?? new string[0];
            for (var i = 0; i < models.Count; i++)
            {
                if (models[i] == "*" || FnmatchPattern.HasWildcardSyntax(models[i]))
                {
                    var location = i < mapping.ModelLocations.Count ? mapping.ModelLocations[i] : mapping.Location;
                    yield return Finding(
                        $"scope '{mapping.Scope}' maps to '{models[i]}', but LiteLLM tests scope_mappings models by exact membership, so it grants only a model literally named '{models[i]}'.",
                        location);
                }
            }
        }
    }
}
