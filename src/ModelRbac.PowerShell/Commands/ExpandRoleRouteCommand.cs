using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the route templates each RBAC role may call, expanding LiteLLM route groups.</para>
/// <para type="description">Expand-RoleRoute reads each role's role_permissions.routes and writes a RoleRouteGrant per concrete template: every template of a route group entry (llm_api_routes expands through its member groups, duplicates kept as LiteLLM has them), and the entry itself for a path or /prefix/* entry. Kind says how the entry grants: Group, Prefix, Literal, or under Corrected Template (a path with {name} placeholders) and AllRoutes ('*'). A role without an entry, or with routes: null, yields one Unrestricted row; with enforce_rbac off, one RbacNotEnforced row. routes: [] yields nothing. It warns about entries that grant no request path: a misspelt or wrongly cased group name, a group of host patterns (openai_route_names), and under Upstream a path with a {placeholder}, '*' alone, or a trailing '*' without '/'.</para>
/// </summary>
/// <example>
/// <code>Expand-RoleRoute -Config ./examples/route-gate.yaml -Role team | Select-Object -First 6</code>
/// <para>Lists the path templates the team role may call, starting with openai_routes' chat and completion routes.</para>
/// </example>
/// <example>
/// <code>Expand-RoleRoute -Config ./examples/route-gate.yaml -Role internal_user -Semantics Upstream</code>
/// <para>Shows the path entries LiteLLM compares exactly today, e.g. a '/v1/threads/{thread_id}' that matches no real path.</para>
/// </example>
[Cmdlet(VerbsData.Expand, "RoleRoute")]
[OutputType(typeof(RoleRouteGrant))]
public sealed class ExpandRoleRouteCommand : RoleExpansionCmdlet
{
    private protected override string ExpandedNoun => "routes";

    private protected override string ExplainRole(RbacConfiguration configuration, string role) =>
        RouteTrace.ExplainRole(configuration, role);

    private protected override IEnumerable<object> Expand(RbacConfiguration configuration, string role, Semantics semantics)
    {
        foreach (var grant in RoleRouteExpander.Expand(configuration, role, semantics))
        {
            yield return new RoleRouteGrant(grant.Role, grant.Entry, grant.Template, grant.Kind);
        }
    }

    private protected override IEnumerable<string> DeadEntryWarnings(RbacConfiguration configuration, string role, Semantics semantics)
    {
        foreach (var dead in DeadRouteFinder.Find(configuration, role, semantics))
        {
            yield return $"{dead.Location.Describe()}: '{dead.Route}' ({dead.Role}) {dead.Reason} under {Semantics}.";
        }
    }
}
