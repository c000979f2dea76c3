using System.Collections.Generic;
using System.Linq;
using System.Collections.Specialized;
using CoreConfig = ModelRbac.Core.Config;

namespace ModelRbac;

/// <summary>A loaded and validated LiteLLM config (Import-RbacConfig), reused by the other cmdlets.</summary>
public sealed class RbacConfig
{
    internal RbacConfig(CoreConfig.RbacConfiguration configuration)
    {
        Configuration = configuration;
        Path = configuration.Path;
        EnforceRbac = configuration.JwtAuth.EnforceRbacOrNull();
        var roles = new List<RbacRolePermission>();
        foreach (var entry in configuration.RolePermissions ?? new CoreConfig.RolePermissionEntry[0])
        {
            roles.Add(new RbacRolePermission(entry));
        }

        Roles = roles;
        var deployments = new List<RbacDeployment>();
        foreach (var deployment in configuration.Deployments)
        {
            deployments.Add(new RbacDeployment(deployment));
        }

        Deployments = deployments;
        var groups = new List<RbacAccessGroup>();
        foreach (var group in configuration.AccessGroups.GroupNames)
        {
            var members = new List<string>();
            foreach (var deployment in deployments)
            {
                if (deployment.AccessGroups.Contains(group) && deployment.ModelName is { } name && !members.Contains(name))
                {
                    members.Add(name);
                }
            }

            groups.Add(new RbacAccessGroup(group, members));
        }

        AccessGroups = groups;
        JwtAuth = JwtAuthView.Build(configuration.JwtAuth);
        var warnings = new List<string>();
        foreach (var warning in configuration.Warnings)
        {
            warnings.Add(warning.ToString());
        }

        Warnings = warnings;
    }

    /// <summary>The file it was read from; null for inline YAML.</summary>
    public string? Path { get; }

    /// <summary><c>litellm_jwtauth.enforce_rbac</c>; null when it comes from an unset environment variable.</summary>
    public bool? EnforceRbac { get; }

    /// <summary>The <c>role_permissions</c> entries in config order.</summary>
    public IReadOnlyList<RbacRolePermission> Roles { get; }

    /// <summary>The <c>model_list</c> deployments.</summary>
    public IReadOnlyList<RbacDeployment> Deployments { get; }

    /// <summary>The access groups and the deployed model names in each.</summary>
    public IReadOnlyList<RbacAccessGroup> AccessGroups { get; }

    /// <summary>The <c>litellm_jwtauth</c> settings written in the config, in order.</summary>
    public OrderedDictionary JwtAuth { get; }

    /// <summary>Warnings raised while loading.</summary>
    public IReadOnlyList<string> Warnings { get; }

    internal CoreConfig.RbacConfiguration Configuration { get; }

    /// <summary>The path, or "&lt;yaml&gt;".</summary>
    public override string ToString() => Path ?? "<yaml>";
}

/// <summary>A <c>role_permissions</c> entry.</summary>
public sealed class RbacRolePermission
{
    internal RbacRolePermission(CoreConfig.RolePermissionEntry entry)
    {
        Role = entry.Role.GetOr(null);
        Models = entry.Models.GetOr(null);
        Routes = entry.Routes.GetOr(null);
        YamlPath = entry.YamlPath;
        Line = entry.Location.Line;
        ModelLines = LinesOf(entry.ModelLocations);
        RouteLines = LinesOf(entry.RouteLocations);
    }

    /// <summary>The RBAC role.</summary>
    public string? Role { get; }

    /// <summary>The models list; null means unrestricted.</summary>
    public IReadOnlyList<string>? Models { get; }

    /// <summary>The routes list; null means unrestricted.</summary>
    public IReadOnlyList<string>? Routes { get; }

    /// <summary>Where the entry is.</summary>
    public string YamlPath { get; }

    /// <summary>The entry's line in the file.</summary>
    public int Line { get; }

    /// <summary>The line of each models item, in list order (empty when the list is not written item by item).</summary>
    public IReadOnlyList<int> ModelLines { get; }

    /// <summary>The line of each routes item, in list order.</summary>
    public IReadOnlyList<int> RouteLines { get; }

    private static IReadOnlyList<int> LinesOf(IReadOnlyList<CoreConfig.SourceLocation> locations)
    {
        var lines = new int[locations.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = locations[i].Line;
        }

        return lines;
    }
}

/// <summary>A <c>model_list</c> deployment.</summary>
public sealed class RbacDeployment
{
    internal RbacDeployment(CoreConfig.Deployment deployment)
    {
        ModelName = deployment.ModelName.GetOr(null);
        LitellmModel = deployment.LitellmModel.GetOr(null);
        AccessGroups = deployment.AccessGroups.GetOr(null) ?? new string[0];
        Id = deployment.Id.GetOr(null);
        Line = deployment.Location.Line;
    }

    /// <summary><c>model_name</c>.</summary>
    public string? ModelName { get; }

    /// <summary><c>litellm_params.model</c>.</summary>
    public string? LitellmModel { get; }

    /// <summary><c>model_info.access_groups</c>.</summary>
    public IReadOnlyList<string> AccessGroups { get; }

    /// <summary><c>model_info.id</c>.</summary>
    public string? Id { get; }

    /// <summary>The entry's line in the file.</summary>
    public int Line { get; }
}

/// <summary>An access group and the deployed model names in it.</summary>
public sealed class RbacAccessGroup
{
    internal RbacAccessGroup(string name, IReadOnlyList<string> models)
    {
        Name = name;
        Models = models;
    }

    /// <summary>The group name.</summary>
    public string Name { get; }

    /// <summary>The deployed model names in the group.</summary>
    public IReadOnlyList<string> Models { get; }
}
