namespace ModelRbac.Core.Access;

/// <summary>A model-gate decision under the chosen semantics, with the other semantics' verdict beside it.</summary>
public sealed record ModelDecision(
    string? Role,
    string? Model,
    bool Allowed,
    GrantSource GrantSource,
    string? MatchedPattern,
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
