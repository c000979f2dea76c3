using System.Collections.Generic;
using ModelRbac.Core.Access;

namespace ModelRbac.Core.Config;

/// <summary>A loaded, validated LiteLLM config: what ModelRbac reads of it, compiled for decisions. Immutable.</summary>
public sealed class RbacConfiguration
{
    internal RbacConfiguration(
        string? path,
        JwtAuthSettings jwtAuth,
        IReadOnlyList<RolePermissionEntry>? rolePermissions,
        IReadOnlyList<Deployment> deployments,
        AccessGroupIndex accessGroups,
        bool enableJwtAuth,
        Resolved<bool?> topLevelEnforceRbac,
        IReadOnlyList<ConfigWarning> warnings)
    {
        Path = path;
        JwtAuth = jwtAuth;
        RolePermissions = rolePermissions;
        Deployments = deployments;
        AccessGroups = accessGroups;
        EnableJwtAuth = enableJwtAuth;
        TopLevelEnforceRbac = topLevelEnforceRbac;
        Warnings = warnings;
    }

    /// <summary>The file it was read from; null for inline YAML.</summary>
    public string? Path { get; }

    /// <summary><c>general_settings.litellm_jwtauth</c>.</summary>
    public JwtAuthSettings JwtAuth { get; }

    /// <summary><c>general_settings.role_permissions</c>; null when absent or null (no restrictions).</summary>
    public IReadOnlyList<RolePermissionEntry>? RolePermissions { get; }

    /// <summary><c>model_list</c>.</summary>
    public IReadOnlyList<Deployment> Deployments { get; }

    /// <summary>The access groups the deployments declare.</summary>
    public AccessGroupIndex AccessGroups { get; }

    /// <summary><c>general_settings.enable_jwt_auth</c>.</summary>
    public bool EnableJwtAuth { get; }

    /// <summary>The top-level <c>general_settings.enforce_rbac</c> (read by LiteLLM only in <c>validate_object_id</c>).</summary>
    public Resolved<bool?> TopLevelEnforceRbac { get; }

    /// <summary>Warnings raised while loading.</summary>
    public IReadOnlyList<ConfigWarning> Warnings { get; }

    /// <summary>The config's own <c>environment_variables</c> section (LiteLLM exports it at start-up), as text.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentSection { get; internal init; } = new Dictionary<string, string>();

    /// <summary>Where the <c>role_permissions</c> key is (or the general_settings section when it is absent).</summary>
    public SourceLocation RolePermissionsLocation { get; internal init; } = new(null, "general_settings.role_permissions", 0, 0);

    /// <summary>
    /// What would make LiteLLM refuse to start, recorded by a lenient (lint) load instead of thrown; always empty
    /// for a strict load, which throws ConfigInvalid on the first one.
    /// </summary>
    public IReadOnlyList<ConfigWarning> StartupRefusals { get; internal init; } = new ConfigWarning[0];

    /// <summary>
    /// LiteLLM's <c>_get_role_based_permissions</c>: the first entry whose role equals <paramref name="role"/>,
    /// or null. An entry before it whose role comes from an unset variable makes the lookup fail.
    /// </summary>
    public RolePermissionEntry? FindRoleEntry(string role)
    {
        if (RolePermissions is null)
        {
            return null;
        }

        // Indexed, not foreach: an interface enumerator would allocate on every decision.
        for (var i = 0; i < RolePermissions.Count; i++)
        {
            var entry = RolePermissions[i];
            if (entry.Role.Get() == role)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The deployed model names in config order, without duplicates.</summary>
    public IReadOnlyList<string> DeployedModelNames()
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var deployment in Deployments)
        {
            if (deployment.ModelName.Get() is { } name && seen.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The RBAC role names, highest privilege first.</summary>
    public static IReadOnlyList<string> RoleNames => RbacRoles.All;
}
