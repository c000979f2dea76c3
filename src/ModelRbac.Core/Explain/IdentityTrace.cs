using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Identity;

namespace ModelRbac.Core.Explain;

/// <summary>How a token's claims became an RBAC role, in words, for -Verbose: each configured claim path and its value, and the rule that fired.</summary>
public static class IdentityTrace
{
    /// <summary>Trace lines for <paramref name="identity"/> resolved from <paramref name="claims"/>.</summary>
    public static IReadOnlyList<string> Explain(JwtAuthSettings settings, JwtClaims claims, JwtIdentity identity)
    {
        var fields = new ClaimFields(settings);
        var lines = new List<string>();
        Add(lines, claims, "user_id_jwt_field", fields.UserId);
        Add(lines, claims, "user_email_jwt_field", fields.Email);
        Add(lines, claims, "team_id_jwt_field", fields.TeamId);
        Add(lines, claims, "team_ids_jwt_field", fields.TeamIds);
        Add(lines, claims, "user_roles_jwt_field", fields.UserRoles);
        Add(lines, claims, "roles_jwt_field", fields.Roles);
        Add(lines, claims, "org_id_jwt_field", fields.OrgId);
        Add(lines, claims, "end_user_id_jwt_field", fields.EndUserId);
        if (fields.TeamIdDefault is { } teamDefault)
        {
            lines.Add($"team_id_default is '{teamDefault}'.");
        }

        lines.Add($"scopes: [{string.Join(", ", identity.Scopes)}]; admin_jwt_scope '{fields.AdminScope}' {(identity.IsAdmin ? "is" : "is not")} among them.");
        lines.Add("Corrected: " + Describe(identity.Corrected));
        lines.Add("Upstream: " + Describe(identity.Upstream));
        return lines;
    }

    private static void Add(List<string> lines, JwtClaims claims, string field, ClaimPath? path)
    {
        if (path is null)
        {
            return;
        }

        lines.Add(claims.TryGet(path, out var value)
            ? $"{field} '{path.Text}' resolves to {Show(value)}."
            : $"{field} '{path.Text}' is absent from the claims.");
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
    }

    private static string Describe(RoleResolution resolution) => resolution.ResolvedBy switch
    {
        ResolvedBy.AdminScope => "the admin scope gives proxy_admin (AdminScope).",
        ResolvedBy.RoleMapping => $"role_mappings maps a claimed role to {resolution.Role} (RoleMapping).",
        ResolvedBy.AllowedUserRole => $"a claimed role is in user_allowed_roles, giving {resolution.Role} (AllowedUserRole).",
        ResolvedBy.TeamClaim => "the team claim is present, giving team (TeamClaim).",
        ResolvedBy.UserId => "the user id claim is present, giving internal_user (UserId).",
        ResolvedBy.TeamIdDefault => "team_id_default is configured, giving team (TeamIdDefault).",
        ResolvedBy.Error => $"LiteLLM fails the request: {resolution.Error}",
        _ => "no rule gives a role (None).",
    };
}
