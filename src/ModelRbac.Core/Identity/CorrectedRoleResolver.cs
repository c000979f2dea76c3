using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Identity;

/// <summary>
/// Role resolution under Corrected (SEMANTICS §3): explicit configuration (admin scope, role_mappings, the
/// user_allowed_roles gate) before generic identity (team claim, user id), team_id_default last.
/// </summary>
internal static class CorrectedRoleResolver
{
    public static RoleResolution Resolve(ClaimFields fields, JwtClaims claims)
    {
        if (CorrectedClaimReader.Scopes(claims).Contains(fields.AdminScope))
        {
            return new RoleResolution(RbacRoles.ProxyAdmin, ResolvedBy.AdminScope);
        }

        if (FromRoleMappings(fields, claims) is { } mapped)
        {
            return new RoleResolution(mapped, ResolvedBy.RoleMapping);
        }

        var userRoles = CorrectedClaimReader.Roles(fields.UserRoles, claims);
        if (userRoles is not null)
        {
            // The allow-list is a gate: a present claim with no allowed value ends resolution with no role.
            var allowed = FromAllowedUserRoles(fields, userRoles);
            return allowed is null ? RoleResolution.NoRole : new RoleResolution(allowed, ResolvedBy.AllowedUserRole);
        }

        if (CorrectedClaimReader.TeamClaim(fields, claims) is not null)
        {
            return new RoleResolution(RbacRoles.Team, ResolvedBy.TeamClaim);
        }

        if (CorrectedClaimReader.HasUserId(fields, claims))
        {
            return new RoleResolution(RbacRoles.InternalUser, ResolvedBy.UserId);
        }

        return fields.TeamIdDefault is not null ? new RoleResolution(RbacRoles.Team, ResolvedBy.TeamIdDefault) : RoleResolution.NoRole;
    }

    /// <summary>Every claimed role a mapping names; the most privileged internal role wins (not config order).</summary>
    private static string? FromRoleMappings(ClaimFields fields, JwtClaims claims)
    {
        var claimed = fields.RoleMappings is null ? null : CorrectedClaimReader.Roles(fields.Roles, claims);
        if (claimed is null)
        {
            return null;
        }

        var set = new HashSet<string>(claimed, System.StringComparer.Ordinal);
        string? best = null;
        foreach (var mapping in fields.RoleMappings!)
        {
            if (set.Contains(mapping.Role) && RbacRoles.Privilege(mapping.InternalRole) > RbacRoles.Privilege(best))
            {
                best = mapping.InternalRole;
            }
        }

        return best;
    }

    /// <summary>The highest allowed value that is itself an RBAC role; internal_user for other allowed values; null for none.</summary>
    private static string? FromAllowedUserRoles(ClaimFields fields, List<string> roles)
    {
        if (fields.UserAllowedRoles is null)
        {
            return null;
        }

        var allowedList = new HashSet<string>(fields.UserAllowedRoles, System.StringComparer.Ordinal);
        string? best = null;
        var anyAllowed = false;
        foreach (var role in roles)
        {
            if (!allowedList.Contains(role))
            {
                continue;
            }

            anyAllowed = true;
            if (RbacRoles.IsRole(role) && RbacRoles.Privilege(role) > RbacRoles.Privilege(best))
            {
                best = role;
            }
        }

        return best ?? (anyAllowed ? RbacRoles.InternalUser : null);
    }
}
