using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Completion;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Tests whether an RBAC role may call a route under LiteLLM's role_permissions.routes gate.</para>
/// <para type="description">Test-RouteAccess answers, offline, what the LiteLLM proxy's JWT RBAC route gate decides. A routes entry is a LiteLLMRoutes group name (openai_routes, llm_api_routes, management_routes, ...; case-sensitive) whose path templates are matched as starlette does ({name} is one path segment, {name:path} anything), a /prefix/* grant for the paths below the prefix, or a path compared exactly. Corrected (the default) also reads {name} placeholders in a path entry as a template and '*' alone as every route; Upstream does not, as LiteLLM does not today. The query string (?...) of each route is stripped first, as LiteLLM compares the path only.</para>
/// <para type="description">It writes one boolean per route, or with -Detailed a RouteAccessDecision carrying the granting entry (MatchedEntry), the group template that matched (MatchedTemplate), LiteLLM's 403 text and the Upstream verdict beside the chosen one. An empty role means the token has no role, which enforce_rbac denies. A route is compared as given, after its query string is dropped: pass the decoded path LiteLLM sees (request.url.path, where %2F is already '/'), since percent-escapes are not decoded here. Only role_permissions routes are judged; LiteLLM's separate admin_allowed_routes and team_allowed_routes checks for admin-scope and team tokens are not applied.</para>
/// </summary>
/// <example>
/// <code>Test-RouteAccess -Config ./examples/route-gate.yaml -Role team -Route /v1/threads/thread_abc -Detailed | Format-List</code>
/// <para>With routes: [openai_routes] for team, returns an allowed decision with MatchedEntry openai_routes and MatchedTemplate /v1/threads/{thread_id}.</para>
/// </example>
/// <example>
/// <code>'/v1/models?limit=5', '/v1/threads/thread_abc' | Test-RouteAccess -Config ./examples/route-gate.yaml -Role internal_user -Semantics Upstream</code>
/// <para>Writes one boolean per route, as LiteLLM decides today: the query string is ignored, and the literal '/v1/threads/{thread_id}' entry grants no real thread (Corrected would).</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "RouteAccess")]
[OutputType(typeof(bool))]
[OutputType(typeof(RouteAccessDecision))]
public sealed class TestRouteAccessCommand : GateTestCmdlet
{
    /// <summary>
    /// <para type="description">The request paths (/v1/chat/completions). A query string is stripped before matching. An empty string means the request has no route, which LiteLLM allows.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string?[]? Route { get; set; }

    private protected override string?[]? Requests => Route;

    // PowerShell binds $null to a string parameter as '', so both mean "no route"; '?x' strips to '' and is judged.
    private protected override string? Normalize(string? request) =>
        string.IsNullOrEmpty(request) ? null : RouteGate.StripQuery(request!);

    private protected override IReadOnlyList<string> Explain(RbacConfiguration configuration, string? role, string? request) =>
        RouteTrace.Explain(configuration, role, request);

    private protected override bool IsAllowed(RbacConfiguration configuration, string? role, string? request, Semantics semantics) =>
        RouteGate.IsAllowed(configuration, role, request, semantics);

    private protected override object Decide(RbacConfiguration configuration, string? role, string? upstreamRole, string? request, Semantics semantics, string? upstreamError) =>
        new RouteAccessDecision(UpstreamFailure.Apply(RouteGate.Decide(configuration, role, upstreamRole, request, semantics), upstreamError));
}
