using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Errors;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>The -Role list of the audit cmdlets: the three RBAC roles when omitted; each invalid name is its own error.</summary>
internal static class RoleSelection
{
    /// <summary>
    /// The valid roles of <paramref name="requested"/>, writing a RoleInvalid error for each other one
    /// (an empty name gets <paramref name="emptyRoleReason"/>).
    /// </summary>
    public static List<string> Resolve(Cmdlet cmdlet, IEnumerable<string>? requested, string emptyRoleReason)
    {
        var roles = new List<string>();
        foreach (var role in requested ?? new[] { RbacRoles.ProxyAdmin, RbacRoles.Team, RbacRoles.InternalUser })
        {
            try
            {
                roles.Add(RoleArgument.Normalize(role) ?? throw new RbacException(
                    ErrorIds.RoleInvalid,
                    RbacErrorKind.InvalidArgument,
                    $"{emptyRoleReason} Valid roles: {RbacRoles.ListForMessage()}."));
            }
            catch (RbacException ex)
            {
                cmdlet.WriteError(ErrorRecords.From(ex, role));
            }
        }

        return roles;
    }
}
