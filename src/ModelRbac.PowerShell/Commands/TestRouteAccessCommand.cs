using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Completion;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Tests whether an RBAC role may call a route under LiteLLM's role_permissions.routes gate.</para>
/// <para type="description">Test-RouteAccess answers, offline, what the LiteLLM proxy's JWT RBAC route gate decides. A routes entry is a LiteLLMRoutes group name (openai_routes, llm_api_routes, management_routes, ...; case-sensitive) whose path templates are matched as starlette does ({name} is one path segment, {name:path} anything), a /prefix/* grant for the paths below the prefix, or a path compared exactly. Corrected (the default) also reads {name} placeholders in a path entry as a template and '*' alone as every route; Upstream does not, as LiteLLM does not today. The query string (?...) of each route is stripped first, as LiteLLM compares the path only.</para>
/// <para type="description">It writes one boolean per route, or with -Detailed a RouteAccessDecision carrying the granting entry (MatchedEntry), the group template that matched (MatchedTemplate), LiteLLM's 403 text and the Upstream verdict beside the chosen one. An empty role means the token has no role, which enforce_rbac denies.</para>
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
public sealed class TestRouteAccessCommand : ConfigCmdlet
{
    /// <summary>
    /// <para type="description">The RBAC role: proxy_admin, team or internal_user; empty or null for a token with no role. Binds from the RbacRole property of Get-JwtRbacRole's output.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("RbacRole")]
    [ArgumentCompleter(typeof(RoleCompleter))]
    [AllowNull]
    [AllowEmptyString]
    public string? Role { get; set; }

    /// <summary>
    /// <para type="description">The request paths (/v1/chat/completions). A query string is stripped before matching. An empty string means the request has no route, which LiteLLM allows.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string?[]? Route { get; set; }

    /// <summary>
    /// <para type="description">LiteLLM's error for a token it would reject while reading its role (Get-JwtRbacRole's UpstreamError, bound from the pipeline). The Upstream verdict is then LiteLLM's 401, never "allowed".</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? UpstreamError { get; set; }

    /// <summary>
    /// <para type="description">Corrected (default): what the config means. Upstream: what LiteLLM does today.</para>
    /// </summary>
    [Parameter]
    public RbacSemantics Semantics { get; set; } = RbacSemantics.Corrected;

    /// <summary>
    /// <para type="description">Write a RouteAccessDecision per route instead of a boolean.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var configuration = ResolvedConfig.Configuration;
        var semantics = ToCore(Semantics);
        string? role;
        try
        {
            role = RoleArgument.Normalize(Role);
        }
        catch (RbacException ex)
        {
            WriteError(ErrorRecords.From(ex, Role));
            return;
        }

        foreach (var raw in Route ?? new string?[] { null })
        {
            // PowerShell binds $null to a string parameter as '', so both mean "no route"; '?x' strips to '' and is judged.
            var route = string.IsNullOrEmpty(raw) ? null : RouteGate.StripQuery(raw!);
            try
            {
                WriteTrace(() => RouteTrace.Explain(configuration, role, route));
                if (Detailed)
                {
                    WriteObject(new RouteAccessDecision(UpstreamFailure.Apply(RouteGate.Decide(configuration, role, route, semantics), UpstreamError)));
                }
                else
                {
                    WriteObject(UpstreamFailure.Allows(RouteGate.IsAllowed(configuration, role, route, semantics), semantics, UpstreamError));
                }
            }
            catch (RbacException ex)
            {
                WriteError(ErrorRecords.From(ex, raw));
            }
        }
    }
}
