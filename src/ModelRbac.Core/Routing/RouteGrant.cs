namespace ModelRbac.Core.Routing;

/// <summary>The first routes entry that grants a route, and the group template that matched.</summary>
public readonly struct RouteGrant
{
    internal RouteGrant(int index, RouteTemplate? template)
    {
        Index = index;
        Template = template;
    }

    /// <summary>The granting entry's index in the list, or -1 when none grants.</summary>
    public int Index { get; }

    /// <summary>The group template that matched; null for literal and prefix entries, and when denied.</summary>
    public RouteTemplate? Template { get; }

    /// <summary>True when some entry grants.</summary>
    public bool Granted => Index >= 0;

    internal static RouteGrant None => new(-1, null);
}
