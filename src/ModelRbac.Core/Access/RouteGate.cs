using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Access;

/// <summary>The <c>role_permissions[].routes</c> gate (SEMANTICS §5), under both semantics at once.</summary>
public static class RouteGate
{
    /// <summary>
    /// Decides whether <paramref name="role"/> (null or empty: the token has no role) may call <paramref name="route"/>
    /// (a request path without its query string; null: no route, which LiteLLM allows). An empty path is not
    /// "no route": it is matched like any other (and granted by nothing but a literal "" entry), so it fails closed.
    /// </summary>
    /// <exception cref="RbacException">RoleInvalid for a name outside the RBAC roles; ConfigEnvironmentMissing.</exception>
    public static RouteDecision Decide(RbacConfiguration config, string? role, string? route, Semantics semantics) =>
        Decide(config, role, role, route, semantics);

    /// <summary>
    /// The decision when the two semantics give the identity different roles (a token through Get-JwtRbacRole):
    /// <paramref name="role"/> is decided under Corrected, <paramref name="upstreamRole"/> under Upstream, and the
    /// decision's Role is the chosen semantics' one.
    /// </summary>
    /// <exception cref="RbacException">RoleInvalid; ConfigEnvironmentMissing when a needed value is unset.</exception>
    public static RouteDecision Decide(RbacConfiguration config, string? role, string? upstreamRole, string? route, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        upstreamRole = RoleArgument.Normalize(upstreamRole);
        var upstream = DecideOne(config, upstreamRole, route, Semantics.Upstream);
        var corrected = role == upstreamRole && AgreesAcrossSemantics(config, role) ? upstream : DecideOne(config, role, route, Semantics.Corrected);
        var chosen = semantics == Semantics.Upstream ? upstream : corrected;
        return new RouteDecision(
            semantics == Semantics.Upstream ? upstreamRole : role,
            route,
            chosen.Allowed,
            chosen.Entry,
            chosen.Template,
            semantics,
            chosen.Allowed ? null : LiteLLMMessages.Forbidden,
            chosen.Message,
            upstream.Allowed,
            upstream.Message,
            corrected.Allowed);
    }

    /// <summary>The verdict alone, without messages: allocation-free, for boolean answers over many routes.</summary>
    public static bool IsAllowed(RbacConfiguration config, string? role, string? route, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        return DecideOne(config, role, route, semantics, withMessage: false).Allowed;
    }

    /// <summary>
    /// The verdict with the entry and list position that decided it, without messages: allocation-free, for diffs
    /// that need "which entry" for every (role, route).
    /// </summary>
    /// <exception cref="RbacException">RoleInvalid for a name outside the RBAC roles; ConfigEnvironmentMissing.</exception>
    public static RouteVerdict Explain(RbacConfiguration config, string? role, string? route, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        if (!config.JwtAuth.EnforceRbac)
        {
            return new RouteVerdict(true, RouteVerdictReason.RbacNotEnforced, -1, -1, null);
        }

        if (role is null)
        {
            return new RouteVerdict(false, RouteVerdictReason.Denied, -1, -1, null);
        }

        var entry = config.FindRoleEntry(role);
        if (entry is null || entry.Routes.Get() is null || route is null)
        {
            return new RouteVerdict(true, RouteVerdictReason.Unrestricted, entry?.Index ?? -1, -1, null);
        }

        var grant = entry.CompiledRoutes?.FindGrant(route, semantics) ?? Routing.RouteGrant.None;
        return grant.Granted
            ? new RouteVerdict(true, RouteVerdictReason.Entry, entry.Index, grant.Index, grant.Template?.Text)
            : new RouteVerdict(false, RouteVerdictReason.Denied, entry.Index, -1, null);
    }

    /// <summary>The request path LiteLLM compares: everything before the first '?' (the query string is not part of it).</summary>
    public static string StripQuery(string route)
    {
        var query = route.IndexOf('?');
        return query < 0 ? route : route.Substring(0, query);
    }

    // Most lists read the same under both semantics; one search then serves both (the gate's hot path).
    private static bool AgreesAcrossSemantics(RbacConfiguration config, string? role) =>
        role is not null && config.JwtAuth.EnforceRbac && config.FindRoleEntry(role)?.CompiledRoutes is { SemanticsAgree: true };

    private static Verdict DecideOne(RbacConfiguration config, string? role, string? route, Semantics semantics, bool withMessage = true)
    {
        if (!config.JwtAuth.EnforceRbac)
        {
            return Verdict.Allow();
        }

        if (role is null)
        {
            return Verdict.Deny(LiteLLMMessages.UnmatchedToken);
        }

        var entry = config.FindRoleEntry(role);
        var allowed = entry?.Routes.Get();
        if (entry is null || allowed is null || route is null)
        {
            return Verdict.Allow();
        }

        // CompiledRoutes exists whenever Routes resolved to a list; a missing one would be a loader bug, so deny.
        var grant = entry.CompiledRoutes?.FindGrant(route, semantics) ?? Routing.RouteGrant.None;
        return grant.Granted
            ? Verdict.Allow(allowed[grant.Index], grant.Template?.Text)
            : Verdict.Deny(withMessage ? LiteLLMMessages.RouteDenied(role, route, entry.RoutesRepr) : null);
    }

    private readonly struct Verdict
    {
        private Verdict(bool allowed, string? entry, string? template, string? message)
        {
            Allowed = allowed;
            Entry = entry;
            Template = template;
            Message = message;
        }

        public bool Allowed { get; }

        public string? Entry { get; }

        public string? Template { get; }

        public string? Message { get; }

        public static Verdict Allow(string? entry = null, string? template = null) => new(true, entry, template, null);

        public static Verdict Deny(string? message) => new(false, null, null, message);
    }
}
