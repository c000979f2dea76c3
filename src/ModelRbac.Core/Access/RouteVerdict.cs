namespace ModelRbac.Core.Access;

/// <summary>Why a route verdict came out as it did.</summary>
public enum RouteVerdictReason
{
    /// <summary>No routes entry grants the path (or the token has no role).</summary>
    Denied = 0,

    /// <summary>A routes entry grants the path.</summary>
    Entry,

    /// <summary>No entry for the role, or its routes list is null.</summary>
    Unrestricted,

    /// <summary><c>enforce_rbac</c> is off.</summary>
    RbacNotEnforced,
}

/// <summary>A route-gate verdict under one semantics with the entry and list position that decided it.</summary>
public readonly struct RouteVerdict
{
    internal RouteVerdict(bool allowed, RouteVerdictReason reason, int entryIndex, int routeIndex, string? template)
    {
        Allowed = allowed;
        Reason = reason;
        EntryIndex = entryIndex;
        RouteIndex = routeIndex;
        Template = template;
    }

    /// <summary>True when the gate lets the call through.</summary>
    public bool Allowed { get; }

    /// <summary>Why.</summary>
    public RouteVerdictReason Reason { get; }

    /// <summary>The role_permissions index of the role's entry; -1 when there is none.</summary>
    public int EntryIndex { get; }

    /// <summary>The index in the entry's routes list that granted; -1 when no list element decided.</summary>
    public int RouteIndex { get; }

    /// <summary>The route group's template that matched, when a group entry granted.</summary>
    public string? Template { get; }
}
