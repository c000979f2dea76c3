using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Access;

/// <summary>Checks a caller-supplied role: one of the three RBAC roles, or null/empty for "no role".</summary>
public static class RoleArgument
{
    /// <summary>Null for "no role"; the role otherwise; RoleInvalid for anything else.</summary>
    public static string? Normalize(string? role)
    {
        if (string.IsNullOrEmpty(role))
        {
            return null;
        }

        if (!RbacRoles.IsRole(role))
        {
            throw new RbacException(
                ErrorIds.RoleInvalid,
                RbacErrorKind.InvalidArgument,
                $"'{role}' is not an RBAC role. Valid roles: {RbacRoles.ListForMessage()} (or empty for a token with no role).")
            {
                Target = role,
            };
        }

        return role;
    }
}
