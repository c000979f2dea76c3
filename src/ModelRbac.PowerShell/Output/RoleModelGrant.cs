namespace ModelRbac;

/// <summary>A deployed model a role may call (Expand-RolePermission), and through which entry.</summary>
public sealed class RoleModelGrant
{
    internal RoleModelGrant(string role, string model, string? pattern, GrantSource grantSource)
    {
        Role = role;
        Model = model;
        Pattern = pattern;
        GrantSource = grantSource;
    }

    /// <summary>The RBAC role.</summary>
    public string Role { get; }

    /// <summary>The deployed <c>model_name</c>.</summary>
    public string Model { get; }

    /// <summary>The granting entry; null when the grant has no entry (Unrestricted, RbacNotEnforced).</summary>
    public string? Pattern { get; }

    /// <summary>Why the role may call it.</summary>
    public GrantSource GrantSource { get; }
}
