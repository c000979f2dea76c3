using System.Collections.Generic;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Identity;

/// <summary>The claim paths and role settings of <c>litellm_jwtauth</c>, parsed once per config.</summary>
internal sealed class ClaimFields
{
    public ClaimFields(JwtAuthSettings settings)
    {
        AdminScope = settings.AdminJwtScope;
        UserId = Path(settings.UserIdJwtField);
        Email = Path(settings.UserEmailJwtField);
        TeamId = Path(settings.TeamIdJwtField);
        TeamIds = Path(settings.TeamIdsJwtField);
        TeamIdDefault = settings.TeamIdDefault;
        OrgId = Path(settings.OrgIdJwtField);
        EndUserId = Path(settings.EndUserIdJwtField);
        ObjectId = Path(settings.ObjectIdJwtField);
        UserRoles = Path(settings.UserRolesJwtField);
        UserAllowedRoles = settings.UserAllowedRoles;
        Roles = Path(settings.RolesJwtField);
        RoleMappings = settings.RoleMappings;
    }

    public string AdminScope { get; }

    public ClaimPath? UserId { get; }

    public ClaimPath? Email { get; }

    public ClaimPath? TeamId { get; }

    public ClaimPath? TeamIds { get; }

    public string? TeamIdDefault { get; }

    public ClaimPath? OrgId { get; }

    public ClaimPath? EndUserId { get; }

    public ClaimPath? ObjectId { get; }

    public ClaimPath? UserRoles { get; }

    public IReadOnlyList<string>? UserAllowedRoles { get; }

    public ClaimPath? Roles { get; }

    public IReadOnlyList<RoleMapping>? RoleMappings { get; }

    private static ClaimPath? Path(string? text) => text is null ? null : ClaimPath.Parse(text);
}
