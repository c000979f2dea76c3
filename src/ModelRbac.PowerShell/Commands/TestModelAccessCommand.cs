using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
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
public sealed class TestModelAccessCommand : GateTestCmdlet
{
    /// <summary>
    /// <para type="description">The model names requested (the request body's model). An empty string means the request names no model.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string?[]? Model { get; set; }

    private protected override string?[]? Requests => Model;

    private protected override IReadOnlyList<string> Explain(RbacConfiguration configuration, string? role, string? request) =>
        ModelTrace.Explain(configuration, role, request);

    private protected override bool IsAllowed(RbacConfiguration configuration, string? role, string? request, Semantics semantics) =>
        ModelGate.IsAllowed(configuration, role, request, semantics);

    private protected override object Decide(RbacConfiguration configuration, string? role, string? upstreamRole, string? request, Semantics semantics, string? upstreamError) =>
        new ModelAccessDecision(UpstreamFailure.Apply(ModelGate.Decide(configuration, role, upstreamRole, request, semantics), upstreamError));
}
