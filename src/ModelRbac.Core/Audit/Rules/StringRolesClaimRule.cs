using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>
/// MR014: a sample token carries the roles claim (roles_jwt_field or user_roles_jwt_field) as a string. LiteLLM
/// today iterates a string character by character, so role_mappings and user_allowed_roles compare single letters.
/// </summary>
public sealed class StringRolesClaimRule : LintRule
{
    private static readonly string[] s_fields = { "roles_jwt_field", "user_roles_jwt_field" };

    /// <inheritdoc/>
    public override string Id => "MR014";

    /// <inheritdoc/>
    public override string Name => "StringRolesClaim";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A sample token carries the roles claim as a string, which LiteLLM today iterates character by character.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var jwt = context.Config.JwtAuth;
        foreach (var field in s_fields)
        {
            if (jwt.GetWrittenForDisplay(field) is not string pathText || pathText.StartsWith(Config.EnvironmentResolver.Prefix, System.StringComparison.Ordinal))
            {
                continue;
            }

            var path = ClaimPath.Parse(pathText);
            for (var i = 0; i < context.ClaimSamples.Count; i++)
            {
                if (context.ClaimSamples[i].TryGet(path, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    // The claim value is not quoted: samples may come from real tokens.
                    yield return Finding(
                        $"claims sample {i + 1} carries '{pathText}' ({field}) as a string, not a list; LiteLLM today iterates it character by character, "
                        + "so no role_mappings or user_allowed_roles entry longer than one character matches (Corrected reads it as one role).",
                        jwt.LocationOf(field));
                }
            }
        }
    }
}
