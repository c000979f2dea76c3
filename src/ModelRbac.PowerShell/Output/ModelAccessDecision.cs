using CoreAccess = ModelRbac.Core.Access;

namespace ModelRbac;

/// <summary>A model-gate decision (Test-ModelAccess -Detailed): the chosen semantics' verdict and Upstream's beside it.</summary>
public sealed class ModelAccessDecision
{
    internal ModelAccessDecision(CoreAccess.ModelDecision decision)
    {
        Role = decision.Role;
        Model = decision.Model;
        Allowed = decision.Allowed;
        GrantSource = (GrantSource)(int)decision.GrantSource;
        MatchedPattern = decision.MatchedPattern;
        Semantics = (RbacSemantics)(int)decision.Semantics;
        StatusCode = decision.StatusCode;
        Message = decision.Message;
        UpstreamAllowed = decision.UpstreamAllowed;
        UpstreamMessage = decision.UpstreamMessage;
        Divergent = decision.Divergent;
    }

    /// <summary>The RBAC role decided for; null when the token has no role.</summary>
    public string? Role { get; }

    /// <summary>The requested model; null when the request names none.</summary>
    public string? Model { get; }

    /// <summary>The verdict under <see cref="Semantics"/>.</summary>
    public bool Allowed { get; }

    /// <summary>Why it was allowed, or Denied.</summary>
    public GrantSource GrantSource { get; }

    /// <summary>The role_permissions entry that granted; null for every other GrantSource.</summary>
    public string? MatchedPattern { get; }

    /// <summary>The semantics of <see cref="Allowed"/>.</summary>
    public RbacSemantics Semantics { get; }

    /// <summary>403 when denied, else null.</summary>
    public int? StatusCode { get; }

    /// <summary>LiteLLM's denial text; null when allowed.</summary>
    public string? Message { get; }

    /// <summary>What LiteLLM does today.</summary>
    public bool UpstreamAllowed { get; }

    /// <summary>LiteLLM's denial text today; null when Upstream allows.</summary>
    public string? UpstreamMessage { get; }

    /// <summary>Upstream and Corrected disagree.</summary>
    public bool Divergent { get; }
}
