using System.Collections.Generic;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Access;

/// <summary>A route template a role may call, and the routes entry it comes from.</summary>
/// <param name="Role">The RBAC role.</param>
/// <param name="Entry">The routes entry as written; null when the role is unrestricted.</param>
/// <param name="Template">A template of the entry's group, or the entry itself for a literal or prefix entry; null when unrestricted.</param>
/// <param name="Kind">How the entry grants: Group, Prefix, Literal, Template (Corrected placeholders), AllRoutes (Corrected '*'), Unrestricted, RbacNotEnforced.</param>
public sealed record RoleRouteGrantInfo(string Role, string? Entry, string? Template, string Kind);

/// <summary>Lists each role's route surface: the concrete templates its routes entries grant (Expand-RoleRoute).</summary>
public static class RoleRouteExpander
{
    /// <summary>
    /// The templates <paramref name="role"/> may call, entry by entry in list order (group entries expanded to every
    /// template of the group, duplicates kept as LiteLLM has them). One row with a null entry when the role is
    /// unrestricted (no entry, routes null, or enforce_rbac off); nothing for routes: [].
    /// </summary>
    public static IReadOnlyList<RoleRouteGrantInfo> Expand(RbacConfiguration config, string role, Semantics semantics)
    {
        var rows = new List<RoleRouteGrantInfo>();
        if (!config.JwtAuth.EnforceRbac)
        {
            rows.Add(new RoleRouteGrantInfo(role, null, null, "RbacNotEnforced"));
            return rows;
        }

        var entry = config.FindRoleEntry(role);
        var routes = entry?.Routes.Get();
        if (entry is null || routes is null)
        {
            rows.Add(new RoleRouteGrantInfo(role, null, null, "Unrestricted"));
            return rows;
        }

        for (var i = 0; i < routes.Count; i++)
        {
            var text = routes[i];
            if (entry.CompiledRoutes!.GroupAt(i) is { } group)
            {
                foreach (var template in group.Templates)
                {
                    rows.Add(new RoleRouteGrantInfo(role, text, template.Text, nameof(Routing.RouteEntryKind.Group)));
                }

                continue;
            }

            rows.Add(new RoleRouteGrantInfo(role, text, text, entry.CompiledRoutes.KindAt(i, semantics).ToString()));
        }

        return rows;
    }
}
