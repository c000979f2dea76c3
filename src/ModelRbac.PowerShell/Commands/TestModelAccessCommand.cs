using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Completion;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Tests whether an RBAC role may call a model under LiteLLM's role_permissions.models gate.</para>
/// <para type="description">Test-ModelAccess answers, offline, what the LiteLLM proxy's JWT RBAC model gate decides. Under Corrected (the default) role_permissions.models entries are exact names, fnmatch wildcards (bedrock-claude-*), '*' or all-proxy-models, or access groups; under Upstream they are compared exactly, as LiteLLM does today. It writes one boolean per model, or with -Detailed a ModelAccessDecision carrying the granting entry, LiteLLM's 403 text and the Upstream verdict beside the chosen one. An empty role means the token has no role; an empty model means the request names none.</para>
/// </summary>
/// <example>
/// <code>Test-ModelAccess -Config ./examples/seed-repro.yaml -Role internal_user -Model bedrock-claude-draft-rep-sonnet</code>
/// <para>Returns True: bedrock-claude-* grants the model under Corrected semantics.</para>
/// </example>
/// <example>
/// <code>Test-ModelAccess -Config $config internal_user bedrock-claude-draft-rep-sonnet -Semantics Upstream -Detailed</code>
/// <para>Shows LiteLLM's denial today: Role=internal_user not allowed to call model=bedrock-claude-draft-rep-sonnet. Allowed models=['bedrock-claude-*'].</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "ModelAccess")]
[OutputType(typeof(bool))]
[OutputType(typeof(ModelAccessDecision))]
public sealed class TestModelAccessCommand : ConfigCmdlet
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
    /// <para type="description">The model names requested (the request body's model). An empty string means the request names no model.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string?[]? Model { get; set; }

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
    /// <para type="description">Write a ModelAccessDecision per model instead of a boolean.</para>
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

        foreach (var model in Model ?? new string?[] { null })
        {
            try
            {
                WriteTrace(() => ModelTrace.Explain(configuration, role, model));
                if (Detailed)
                {
                    WriteObject(new ModelAccessDecision(UpstreamFailure.Apply(ModelGate.Decide(configuration, role, model, semantics), UpstreamError)));
                }
                else
                {
                    WriteObject(UpstreamFailure.Allows(ModelGate.IsAllowed(configuration, role, model, semantics), semantics, UpstreamError));
                }
            }
            catch (RbacException ex)
            {
                WriteError(ErrorRecords.From(ex, model));
            }
        }
    }
}
