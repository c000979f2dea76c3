using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Identity;

/// <summary>
/// LiteLLM's <c>get_rbac_role</c> today (reference §3), bugs A, B and C included: admin scope, then any team id
/// (team_id_default too), then user id or an allowed user role (always internal_user), then the first matching
/// role_mappings entry in config order.
/// </summary>
internal static class UpstreamRoleResolver
{
    public static RoleResolution Resolve(ClaimFields fields, JwtClaims claims)
    {
        try
        {
            var scopes = UpstreamClaimReader.Scopes(claims);
            if (scopes.Contains(fields.AdminScope))
            {
                return new RoleResolution(RbacRoles.ProxyAdmin, ResolvedBy.AdminScope);
            }

            var (team, fromDefault) = UpstreamClaimReader.TeamId(fields, claims);
            if (team is not null)
            {
                return new RoleResolution(RbacRoles.Team, fromDefault ? ResolvedBy.TeamIdDefault : ResolvedBy.TeamClaim);
            }

            if (UpstreamClaimReader.HasUserId(fields, claims))
            {
                return new RoleResolution(RbacRoles.InternalUser, ResolvedBy.UserId);
            }

            // Iterated only here, after the user id short-circuit, so a bad roles claim only fails without a user id.
            var userRoles = UpstreamClaimReader.IteratedRoles(fields.UserRoles, claims);
            if (userRoles is not null && UpstreamClaimReader.IsAllowedUserRole(fields, userRoles))
            {
                return new RoleResolution(RbacRoles.InternalUser, ResolvedBy.AllowedUserRole);
            }

            var mapped = UpstreamClaimReader.MappedRole(fields, claims);
            return mapped is null ? RoleResolution.NoRole : new RoleResolution(mapped, ResolvedBy.RoleMapping);
        }
        catch (PythonError error)
        {
            return RoleResolution.Failed(error.Message);
        }
    }
}
