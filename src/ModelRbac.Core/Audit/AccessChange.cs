using ModelRbac.Core.Access;

namespace ModelRbac.Core.Audit;

/// <summary>What a change is about: a model (the model gate) or a route template (the route gate).</summary>
public enum AccessSubjectKind
{
    /// <summary>A model name.</summary>
    Model = 0,

    /// <summary>A route template (decided on a concrete path that it matches).</summary>
    Route = 1,
}

/// <summary>Which way the verdict moved from the reference to the difference.</summary>
public enum AccessChangeKind
{
    /// <summary>Denied in the reference, allowed in the difference.</summary>
    Granted = 0,

    /// <summary>Allowed in the reference, denied in the difference.</summary>
    Revoked = 1,
}

/// <summary>One side of a change: the verdict, the semantics it was decided under, and what decided it.</summary>
/// <param name="Allowed">The verdict.</param>
/// <param name="Semantics">The semantics of the side.</param>
/// <param name="Source">For a model, the GrantSource name; for a route, the RouteVerdictReason name.</param>
/// <param name="Explanation">The entry responsible and its place.</param>
public sealed record AccessChangeSide(bool Allowed, Semantics Semantics, string Source, GrantExplanation Explanation);

/// <summary>A (role, model) or (role, route template) whose verdict differs between the two sides.</summary>
/// <param name="Kind">Model or Route.</param>
/// <param name="Role">The RBAC role.</param>
/// <param name="Name">The model name, or the route template.</param>
/// <param name="Path">For a route, the concrete path decided (the template's witness); for a model, the model name.</param>
/// <param name="Change">Granted or Revoked.</param>
/// <param name="Reference">The reference side.</param>
/// <param name="Difference">The difference side.</param>
public sealed record AccessChange(
    AccessSubjectKind Kind,
    string Role,
    string Name,
    string Path,
    AccessChangeKind Change,
    AccessChangeSide Reference,
    AccessChangeSide Difference);
