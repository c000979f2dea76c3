using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Access;

/// <summary>LiteLLM's three RBAC roles (<c>RBAC_ROLES</c>); names are ordinal and case-sensitive.</summary>
public static class RbacRoles
{
    /// <summary>The proxy admin role.</summary>
    public const string ProxyAdmin = "proxy_admin";

    /// <summary>The team role.</summary>
    public const string Team = "team";

    /// <summary>The internal user role.</summary>
    public const string InternalUser = "internal_user";

    /// <summary>The roles, highest privilege first.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { ProxyAdmin, Team, InternalUser };

    /// <summary>True for exactly the three role names.</summary>
    public static bool IsRole(string? name) => name is ProxyAdmin or Team or InternalUser;

    /// <summary>Higher is more privileged; -1 for a non-role.</summary>
    public static int Privilege(string? name) => name switch
    {
        ProxyAdmin => 3,
        Team => 2,
        InternalUser => 1,
        _ => -1,
    };

    /// <summary>"'proxy_admin', 'team', 'internal_user'" for messages.</summary>
    public static string ListForMessage() => string.Join(", ", Array.ConvertAll(new[] { ProxyAdmin, Team, InternalUser }, r => "'" + r + "'"));
}
