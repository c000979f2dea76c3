using CoreAccess = ModelRbac.Core.Access;

namespace ModelRbac;

/// <summary>A route-gate decision (Test-RouteAccess -Detailed): the chosen semantics' verdict and Upstream's beside it.</summary>
public sealed class RouteAccessDecision
{
    internal RouteAccessDecision(CoreAccess.RouteDecision decision)
    {
        Role = decision.Role;
        Route = decision.Route;
        Allowed = decision.Allowed;
        MatchedEntry = decision.MatchedEntry;
        MatchedTemplate = decision.MatchedTemplate;
        Semantics = (RbacSemantics)(int)decision.Semantics;
        StatusCode = decision.StatusCode;
        Message = decision.Message;
        UpstreamAllowed = decision.UpstreamAllowed;
        UpstreamMessage = decision.UpstreamMessage;
        Divergent = decision.Divergent;
    }

    /// <summary>The RBAC role decided for; null when the token has no role.</summary>
    public string? Role { get; }

    /// <summary>The request path, without its query string; null when no route was given.</summary>
    public string? Route { get; }

    /// <summary>The verdict under <see cref="Semantics"/>.</summary>
    public bool Allowed { get; }

    /// <summary>The routes entry that granted (a group name, a <c>/prefix/*</c> or a path); null otherwise.</summary>
    public string? MatchedEntry { get; }

    /// <summary>The group template that matched when <see cref="MatchedEntry"/> is a route group; null otherwise.</summary>
    public string? MatchedTemplate { get; }

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
