using System.Collections.Generic;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>
/// MR010: role_mappings that LiteLLM's get_rbac_role reaches last: a team id (team_id_default: always), a user id
/// or an allowed user role decide the role first, so the mappings never apply to those tokens (Upstream).
/// </summary>
public sealed class RoleMappingsShadowedRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR010";

    /// <inheritdoc/>
    public override string Name => "RoleMappingsShadowed";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "role_mappings are shadowed under Upstream by team_id_default, team_id_jwt_field, user_id_jwt_field or user_allowed_roles.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var jwt = context.Config.JwtAuth;
        if (jwt.GetWrittenForDisplay("role_mappings") is not IReadOnlyList<Config.RoleMapping> { Count: > 0 })
        {
            yield break;
        }

        var shadows = new List<string>();
        if (IsSet(jwt, "team_id_default"))
        {
            shadows.Add("team_id_default (every token becomes team, so no mapping ever applies)");
        }

        if (IsSet(jwt, "team_id_jwt_field"))
        {
            shadows.Add("team_id_jwt_field (a token with a team claim becomes team)");
        }

        if (IsSet(jwt, "user_id_jwt_field"))
        {
            shadows.Add("user_id_jwt_field (a token with a user id becomes internal_user)");
        }

        if (IsSet(jwt, "user_roles_jwt_field") && IsSet(jwt, "user_allowed_roles"))
        {
            shadows.Add("user_roles_jwt_field/user_allowed_roles (an allowed user role makes internal_user)");
        }

        if (shadows.Count > 0)
        {
            yield return Finding(
                "LiteLLM today resolves the role before reading role_mappings from " + string.Join("; ", shadows)
                + ", so those tokens never get a mapped role (Corrected applies role_mappings first).",
                jwt.LocationOf("role_mappings"));
        }
    }

    // A value behind an unset variable is set at run time, so it counts (GetWrittenForDisplay never throws).
    private static bool IsSet(Config.JwtAuthSettings jwt, string key) => jwt.GetWrittenForDisplay(key) is not null;
}
