namespace ModelRbac.Core.Access;

/// <summary>A route-gate decision under the chosen semantics, with the other semantics' verdict beside it.</summary>
public sealed record RouteDecision(
    string? Role,
    string? Route,
    bool Allowed,
    string? MatchedEntry,
    string? MatchedTemplate,
    Semantics Semantics,
    int? StatusCode,
    string? Message,
    bool UpstreamAllowed,
    string? UpstreamMessage,
    bool CorrectedAllowed)
{
    /// <summary>The two semantics disagree.</summary>
    public bool Divergent => UpstreamAllowed != CorrectedAllowed;
}
