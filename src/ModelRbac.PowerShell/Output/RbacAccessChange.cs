using CoreAudit = ModelRbac.Core.Audit;

namespace ModelRbac;

/// <summary>What a Compare-RbacConfig row is about.</summary>
public enum RbacAccessSubject
{
    /// <summary>A model name (role_permissions.models).</summary>
    Model = 0,

    /// <summary>A route template (role_permissions.routes).</summary>
    Route = 1,
}

/// <summary>Which way access moved from the reference to the difference.</summary>
public enum RbacAccessChangeKind
{
    /// <summary>Denied in the reference, allowed in the difference.</summary>
    Granted = 0,

    /// <summary>Allowed in the reference, denied in the difference.</summary>
    Revoked = 1,
}

/// <summary>
/// A (role, model) or (role, route template) whose verdict changes (Compare-RbacConfig), with the entry responsible
/// on each side. Flat, so Export-Csv works.
/// </summary>
public sealed class RbacAccessChange
{
    internal RbacAccessChange(CoreAudit.AccessChange change)
    {
        Kind = (RbacAccessSubject)(int)change.Kind;
        Role = change.Role;
        Name = change.Name;
        Path = change.Path;
        Change = (RbacAccessChangeKind)(int)change.Change;
        ReferenceAllowed = change.Reference.Allowed;
        DifferenceAllowed = change.Difference.Allowed;
        ReferenceSemantics = (RbacSemantics)(int)change.Reference.Semantics;
        DifferenceSemantics = (RbacSemantics)(int)change.Difference.Semantics;
        ReferenceSource = change.Reference.Source;
        DifferenceSource = change.Difference.Source;
        ReferenceEntry = change.Reference.Explanation.Entry;
        DifferenceEntry = change.Difference.Explanation.Entry;
        ReferenceExplanation = change.Reference.Explanation.Text;
        DifferenceExplanation = change.Difference.Explanation.Text;
        ReferenceYamlPath = change.Reference.Explanation.Location?.YamlPath;
        DifferenceYamlPath = change.Difference.Explanation.Location?.YamlPath;
        ReferenceLine = change.Reference.Explanation.Location is { Line: > 0 } before ? before.Line : null;
        DifferenceLine = change.Difference.Explanation.Location is { Line: > 0 } after ? after.Line : null;
    }

    /// <summary>Model or Route.</summary>
    public RbacAccessSubject Kind { get; }

    /// <summary>The RBAC role.</summary>
    public string Role { get; }

    /// <summary>The model name, or the route template.</summary>
    public string Name { get; }

    /// <summary>The concrete path decided for a route template (each {name} as "sample"); the model name for a model.</summary>
    public string Path { get; }

    /// <summary>Granted or Revoked.</summary>
    public RbacAccessChangeKind Change { get; }

    /// <summary>The verdict in the reference.</summary>
    public bool ReferenceAllowed { get; }

    /// <summary>The verdict in the difference.</summary>
    public bool DifferenceAllowed { get; }

    /// <summary>The semantics the reference was decided under.</summary>
    public RbacSemantics ReferenceSemantics { get; }

    /// <summary>The semantics the difference was decided under.</summary>
    public RbacSemantics DifferenceSemantics { get; }

    /// <summary>Why, in the reference: a GrantSource name for a model, Entry/Denied/Unrestricted/RbacNotEnforced for a route.</summary>
    public string ReferenceSource { get; }

    /// <summary>Why, in the difference.</summary>
    public string DifferenceSource { get; }

    /// <summary>The granting entry in the reference; null when none granted.</summary>
    public string? ReferenceEntry { get; }

    /// <summary>The granting entry in the difference; null when none granted.</summary>
    public string? DifferenceEntry { get; }

    /// <summary>The entry responsible in the reference, in words.</summary>
    public string ReferenceExplanation { get; }

    /// <summary>The entry responsible in the difference, in words.</summary>
    public string DifferenceExplanation { get; }

    /// <summary>The YAML path responsible in the reference; null when nothing in the config decided.</summary>
    public string? ReferenceYamlPath { get; }

    /// <summary>The YAML path responsible in the difference.</summary>
    public string? DifferenceYamlPath { get; }

    /// <summary>Its line in the reference file.</summary>
    public int? ReferenceLine { get; }

    /// <summary>Its line in the difference file.</summary>
    public int? DifferenceLine { get; }
}
