using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.PowerShell.Completion;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>
/// Base of Test-ModelAccess and Test-RouteAccess: one role, many requests, a boolean or a detailed decision each.
/// The gates differ only in what a request is and which core gate decides it.
/// </summary>
public abstract class GateTestCmdlet : ConfigCmdlet
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
    /// <para type="description">The role today's LiteLLM gives the identity, when it differs from -Role (Get-JwtRbacRole's UpstreamRbacRole, bound from the pipeline). The Upstream verdict is decided with it; without it, with -Role.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UpstreamRbacRole")]
    [ArgumentCompleter(typeof(RoleCompleter))]
    [AllowNull]
    [AllowEmptyString]
    public string? UpstreamRole { get; set; }

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
    /// <para type="description">Write a detailed decision per request (the granting entry, LiteLLM's 403 text and the Upstream verdict beside the chosen one) instead of a boolean.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>The requests as bound (model names or route paths); null means one request with none.</summary>
    private protected abstract string?[]? Requests { get; }

    /// <summary>The request the gate sees for a bound value (routes lose their query string).</summary>
    private protected virtual string? Normalize(string? request) => request;

    /// <summary>The decision trace for -Verbose.</summary>
    private protected abstract IReadOnlyList<string> Explain(RbacConfiguration configuration, string? role, string? request);

    /// <summary>The boolean verdict, before LiteLLM's 401 for a token it rejects is applied.</summary>
    private protected abstract bool IsAllowed(RbacConfiguration configuration, string? role, string? request, Core.Access.Semantics semantics);

    /// <summary>The detailed decision as the output type users see (Corrected with role, Upstream with upstreamRole), with LiteLLM's 401 applied.</summary>
    private protected abstract object Decide(RbacConfiguration configuration, string? role, string? upstreamRole, string? request, Core.Access.Semantics semantics, string? upstreamError);

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var configuration = ResolvedConfig.Configuration;
        var semantics = ToCore(Semantics);
        string? role;
        string? upstreamRole;
        try
        {
            role = RoleArgument.Normalize(Role);
            upstreamRole = MyInvocation.BoundParameters.ContainsKey(nameof(UpstreamRole)) ? RoleArgument.Normalize(UpstreamRole) : role;
        }
        catch (RbacException ex)
        {
            WriteError(ErrorRecords.From(ex, Role));
            return;
        }

        var chosenRole = semantics == Core.Access.Semantics.Upstream ? upstreamRole : role;

        foreach (var bound in Requests ?? new string?[] { null })
        {
            try
            {
                var request = Normalize(bound);
                WriteTrace(() => Explain(configuration, chosenRole, request));
                WriteObject(Detailed
                    ? Decide(configuration, role, upstreamRole, request, semantics, UpstreamError)
                    : UpstreamFailure.Allows(IsAllowed(configuration, chosenRole, request, semantics), semantics, UpstreamError));
            }
            catch (RbacException ex)
            {
                WriteError(ErrorRecords.From(ex, bound));
            }
        }
    }
}
