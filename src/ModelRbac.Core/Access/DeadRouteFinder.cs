using System;
using System.Collections.Generic;
using ModelRbac.Core.Config;
using ModelRbac.Core.Routing;

namespace ModelRbac.Core.Access;

/// <summary>
/// Finds routes entries that grant no request path under a semantics: a misspelt group name, a group of host
/// patterns, and, under Upstream, the literals LiteLLM compares as text ('{thread_id}', '*', '/v1*').
/// </summary>
public static class DeadRouteFinder
{
    /// <summary>The role's dead routes entries, in list order (none when the role is unrestricted).</summary>
    public static IReadOnlyList<DeadRouteEntry> Find(RbacConfiguration config, string role, Semantics semantics)
    {
        var dead = new List<DeadRouteEntry>();
        var entry = config.FindRoleEntry(role);
        var routes = entry?.Routes.Get();
        if (entry is null || routes is null)
        {
            return dead;
        }

        for (var i = 0; i < routes.Count; i++)
        {
            if (Reason(entry, i, routes[i], semantics) is { } reason)
            {
                dead.Add(new DeadRouteEntry(role, entry.Index, i, routes[i], reason, entry.RouteLocation(i)));
            }
        }

        return dead;
    }

    private static string? Reason(RolePermissionEntry entry, int index, string text, Semantics semantics)
    {
        var kind = entry.CompiledRoutes!.KindAt(index, semantics);
        if (kind == RouteEntryKind.Group)
        {
            var group = entry.CompiledRoutes.GroupAt(index)!;
            foreach (var template in group.Templates)
            {
                if (!template.IsHost)
                {
                    return null;
                }
            }

            return $"route group '{text}' holds names without a leading '/' (starlette host patterns), so it grants no request path";
        }

        if (kind is RouteEntryKind.Prefix or RouteEntryKind.AllRoutes or RouteEntryKind.Template)
        {
            return null;
        }

        if (!text.StartsWith("/", StringComparison.Ordinal) && text != "*")
        {
            var closest = ClosestGroup(text);
            return closest is null
                ? "is neither a LiteLLMRoutes group name nor a path (request paths start with '/'), so it grants nothing"
                : $"is not a LiteLLMRoutes group name (group names are case-sensitive; did you mean '{closest}'?), so it grants nothing";
        }

        if (text == "*")
        {
            return "'*' is compared as text by LiteLLM, so it grants no route (Corrected reads it as every route)";
        }

        if (RouteTemplate.HasParameterSyntax(text))
        {
            return semantics == Semantics.Upstream
                ? "has a {placeholder}, which LiteLLM compares as text, so it grants no real path (Corrected reads it as a template)"
                : "has a placeholder with a converter starlette does not accept here, so it is compared as text";
        }

        return text.EndsWith("*", StringComparison.Ordinal)
            ? "ends in '*' without '/': only a trailing '/*' is a prefix grant, so this is compared as text"
            : null;
    }

    private static string? ClosestGroup(string text)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in RouteGroupCatalog.Names)
        {
            var distance = JwtAuthKeyCatalog.EditDistance(text.ToLowerInvariant(), name);
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, text.Length / 4) ? best : null;
    }
}
