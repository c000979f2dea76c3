namespace ModelRbac.Core.Access;

/// <summary>
/// A token LiteLLM itself would reject while resolving its role (e.g. <c>"scope": null</c>) never reaches the
/// gates: LiteLLM answers 401 whatever role_permissions say. Applied to decisions made for such a token, so a
/// missing role cannot read as "allowed" where enforce_rbac is off.
/// </summary>
public static class UpstreamFailure
{
    /// <summary>The status LiteLLM returns for authentication errors.</summary>
    public const int Unauthorized = 401;

    /// <summary>LiteLLM's 401 text for a failure <paramref name="error"/> raised while reading the token.</summary>
    public static string Message(string error) => "Authentication Error, " + error;

    /// <summary>The decision with Upstream's verdict replaced by LiteLLM's 401 (and the chosen one too under Upstream).</summary>
    public static ModelDecision Apply(ModelDecision decision, string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return decision;
        }

        var denied = decision with { UpstreamAllowed = false, UpstreamMessage = Message(error!) };
        return decision.Semantics != Semantics.Upstream ? denied : denied with
        {
            Allowed = false,
            GrantSource = GrantSource.Denied,
            MatchedPattern = null,
            StatusCode = Unauthorized,
            Message = Message(error!),
        };
    }

    /// <summary>The same for a route decision.</summary>
    public static RouteDecision Apply(RouteDecision decision, string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return decision;
        }

        var denied = decision with { UpstreamAllowed = false, UpstreamMessage = Message(error!) };
        return decision.Semantics != Semantics.Upstream ? denied : denied with
        {
            Allowed = false,
            MatchedEntry = null,
            MatchedTemplate = null,
            StatusCode = Unauthorized,
            Message = Message(error!),
        };
    }

    /// <summary>A boolean answer under <paramref name="semantics"/>: false under Upstream when LiteLLM would fail the token.</summary>
    public static bool Allows(bool allowed, Semantics semantics, string? error) =>
        allowed && (semantics != Semantics.Upstream || string.IsNullOrEmpty(error));
}
