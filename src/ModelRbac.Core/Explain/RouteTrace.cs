using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Explain;

/// <summary>The steps of a route-gate decision in words, for -Verbose.</summary>
public static class RouteTrace
{
    /// <summary>Which role_permissions entry governs <paramref name="role"/>'s routes, for listings (Expand-RoleRoute, the matrix).</summary>
    public static string ExplainRole(RbacConfiguration config, string role)
    {
        if (!config.JwtAuth.EnforceRbac)
        {
            return $"role {role}: litellm_jwtauth.enforce_rbac is off, so the route gate does not run (RbacNotEnforced).";
        }

        var entry = config.FindRoleEntry(role);
        var routes = entry?.Routes.Get();
        return entry is null ? $"role {role}: no role_permissions entry, so its routes are unrestricted (Unrestricted)."
            : routes is null ? $"role {role}: {entry.YamlPath} has routes: null, so its routes are unrestricted (Unrestricted)."
            : $"role {role}: {entry.Location.Describe()} applies; routes = {entry.RoutesRepr}.";
    }

    /// <summary>Trace lines for <paramref name="role"/> calling <paramref name="route"/> (query already stripped), under both semantics.</summary>
    public static IReadOnlyList<string> Explain(RbacConfiguration config, string? role, string? route)
    {
        var lines = new List<string>();
        var subject = $"route '{route}' for role {role ?? "(none)"}";
        if (!config.JwtAuth.EnforceRbac)
        {
            lines.Add($"{subject}: litellm_jwtauth.enforce_rbac is off, so the RBAC route gate does not run.");
            return lines;
        }

        if (string.IsNullOrEmpty(role))
        {
            lines.Add($"{subject}: the token has no RBAC role and enforce_rbac is on, so LiteLLM answers 403 Unmatched token.");
            return lines;
        }

        var entry = config.FindRoleEntry(role!);
        var routes = entry?.Routes.Get();
        if (entry is null || routes is null)
        {
            lines.Add($"{subject}: {(entry is null ? "no role_permissions entry for " + role : entry.YamlPath + " has routes: null")}, so its routes are unrestricted.");
            return lines;
        }

        lines.Add($"{subject}: {entry.Location.Describe()} applies; routes = {Text.PythonRepr.List(routes)}.");
        foreach (var semantics in new[] { Semantics.Corrected, Semantics.Upstream })
        {
            var decision = RouteGate.Decide(config, role, route, semantics);
            lines.Add(decision.Allowed
                ? $"{semantics}: '{decision.MatchedEntry}' is the first entry that grants it" + (decision.MatchedTemplate is null ? "." : $", through the group template '{decision.MatchedTemplate}'.")
                : $"{semantics}: no entry grants it (no group template, /prefix/* grant or exact path matches{(semantics == Semantics.Upstream ? "; {placeholders} in literal entries are text" : string.Empty)}).");
        }

        return lines;
    }
}
