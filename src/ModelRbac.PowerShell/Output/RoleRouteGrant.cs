namespace ModelRbac;

/// <summary>A route template a role may call (Expand-RoleRoute), and the routes entry it comes from.</summary>
public sealed class RoleRouteGrant
{
    internal RoleRouteGrant(string role, string? entry, string? template, string kind)
    {
        Role = role;
        Entry = entry;
        Template = template;
        Kind = kind;
    }

    /// <summary>The RBAC role.</summary>
    public string Role { get; }

    /// <summary>The routes entry as written; null when the role is unrestricted.</summary>
    public string? Entry { get; }

    /// <summary>A template of the entry's route group, or the entry itself for a path or prefix entry; null when unrestricted.</summary>
    public string? Template { get; }

    /// <summary>Group, Prefix, Literal, Template (Corrected placeholders), AllRoutes (Corrected '*'), Unrestricted or RbacNotEnforced.</summary>
    public string Kind { get; }
}
