namespace ModelRbac.Core.Access;

/// <summary>
/// A model-gate verdict under one semantics with what decided it, as indexes (no strings are built):
/// the role_permissions entry consulted and the granting position in its models list.
/// </summary>
public readonly struct ModelVerdict
{
    internal ModelVerdict(bool allowed, GrantSource source, int entryIndex, int patternIndex)
    {
        Allowed = allowed;
        Source = source;
        EntryIndex = entryIndex;
        PatternIndex = patternIndex;
    }

    /// <summary>True when the gate lets the call through.</summary>
    public bool Allowed { get; }

    /// <summary>Why (Denied when it does not).</summary>
    public GrantSource Source { get; }

    /// <summary>The role_permissions index of the role's entry; -1 when there is none (or enforce_rbac is off).</summary>
    public int EntryIndex { get; }

    /// <summary>The index in the entry's models list that granted; -1 when no list element decided.</summary>
    public int PatternIndex { get; }
}
