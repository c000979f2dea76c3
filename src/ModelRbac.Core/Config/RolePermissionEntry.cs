using System.Collections.Generic;
using ModelRbac.Core.Matching;
using ModelRbac.Core.Routing;

namespace ModelRbac.Core.Config;

/// <summary>A <c>general_settings.role_permissions</c> entry (LiteLLM's <c>RoleBasedPermissions</c>).</summary>
public sealed class RolePermissionEntry
{
    internal RolePermissionEntry(
        int index,
        Resolved<string?> role,
        Resolved<IReadOnlyList<string>?> models,
        Resolved<IReadOnlyList<string>?> routes,
        ModelPatternList? compiledModels,
        RoutePatternList? compiledRoutes,
        SourceLocation location)
    {
        Index = index;
        Role = role;
        Models = models;
        Routes = routes;
        CompiledModels = compiledModels;
        CompiledRoutes = compiledRoutes;
        Location = location;
    }

    /// <summary>The entry's position in the list.</summary>
    public int Index { get; }

    /// <summary><c>role</c>: one of the three RBAC roles.</summary>
    public Resolved<string?> Role { get; }

    /// <summary><c>models</c>; null means unrestricted.</summary>
    public Resolved<IReadOnlyList<string>?> Models { get; }

    /// <summary><c>routes</c>; null means unrestricted.</summary>
    public Resolved<IReadOnlyList<string>?> Routes { get; }

    /// <summary>The models list compiled for Corrected matching (null when the list is null or unresolved).</summary>
    public ModelPatternList? CompiledModels { get; }

    /// <summary>The routes list compiled for both semantics (null when the list is null or unresolved).</summary>
    public RoutePatternList? CompiledRoutes { get; }

    /// <summary>Where the entry is.</summary>
    public SourceLocation Location { get; }

    /// <summary>Where each element of <c>models</c> is (empty when the list is null).</summary>
    public IReadOnlyList<SourceLocation> ModelLocations { get; internal init; } = new SourceLocation[0];

    /// <summary>Where each element of <c>routes</c> is (empty when the list is null).</summary>
    public IReadOnlyList<SourceLocation> RouteLocations { get; internal init; } = new SourceLocation[0];

    /// <summary>The location of models element <paramref name="index"/>, or the entry's when unknown.</summary>
    public SourceLocation ModelLocation(int index) => index >= 0 && index < ModelLocations.Count ? ModelLocations[index] : Location;

    /// <summary>The location of routes element <paramref name="index"/>, or the entry's when unknown.</summary>
    public SourceLocation RouteLocation(int index) => index >= 0 && index < RouteLocations.Count ? RouteLocations[index] : Location;

    /// <summary>Python's repr of the models list, as LiteLLM's denial prints it (made once).</summary>
    public string ModelsRepr => _modelsRepr ??= Text.PythonRepr.List(Models.Get() ?? new string[0]);

    private string? _modelsRepr;

    /// <summary>Python's repr of the routes list, as LiteLLM's route denial prints it (made once).</summary>
    public string RoutesRepr => _routesRepr ??= Text.PythonRepr.List(Routes.Get() ?? new string[0]);

    private string? _routesRepr;

    /// <summary>The YAML path of the entry.</summary>
    public string YamlPath => "general_settings.role_permissions[" + Index + "]";
}
