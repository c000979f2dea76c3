using System.Collections.Generic;

namespace ModelRbac.Core.Routing;

/// <summary>A <c>LiteLLMRoutes</c> member: its name and its fully expanded, indexed templates.</summary>
public sealed class RouteGroup
{
    internal RouteGroup(string name, IReadOnlyList<string> includes, RouteTemplateSet templates)
    {
        Name = name;
        Includes = includes;
        Set = templates;
    }

    /// <summary>The enum member name (what role_permissions routes entries name, case-sensitively).</summary>
    public string Name { get; }

    /// <summary>The member groups it concatenates, in order (empty for a plain list).</summary>
    public IReadOnlyList<string> Includes { get; }

    /// <summary>The expanded templates (own templates, then each include's, in order; duplicates kept).</summary>
    public IReadOnlyList<RouteTemplate> Templates => Set.Templates;

    /// <summary>The templates indexed for matching.</summary>
    public RouteTemplateSet Set { get; }
}
