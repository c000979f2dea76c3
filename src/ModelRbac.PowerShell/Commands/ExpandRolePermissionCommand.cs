using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Completion;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the deployed models each RBAC role may call, and the role_permissions entry that grants each.</para>
/// <para type="description">Expand-RolePermission tests every model_list model_name against each role's role_permissions.models and writes a RoleModelGrant for each allowed one. A role without an entry, or with models: null, gets every deployed model (Unrestricted). It warns about entries that grant no deployed model (typos, retired models, or wildcards Upstream reads literally).</para>
/// </summary>
/// <example>
/// <code>Expand-RolePermission -Config ./examples/seed-repro.yaml -Role internal_user</code>
/// <para>Lists the bedrock-claude-* deployments the internal_user role may call.</para>
/// </example>
/// <example>
/// <code>Expand-RolePermission -Config $config -Semantics Upstream | Group-Object Role</code>
/// <para>Counts, per role, the deployed models LiteLLM lets it call today.</para>
/// </example>
[Cmdlet(VerbsData.Expand, "RolePermission")]
[OutputType(typeof(RoleModelGrant))]
public sealed class ExpandRolePermissionCommand : ConfigCmdlet
{
    /// <summary>
    /// <para type="description">The RBAC roles to expand; all three when omitted.</para>
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("RbacRole")]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string[]? Role { get; set; }

    /// <summary>
    /// <para type="description">Corrected (default): what the config means. Upstream: what LiteLLM does today.</para>
    /// </summary>
    [Parameter]
    public RbacSemantics Semantics { get; set; } = RbacSemantics.Corrected;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var configuration = ResolvedConfig.Configuration;
        var semantics = ToCore(Semantics);
        foreach (var role in Role ?? new[] { RbacRoles.ProxyAdmin, RbacRoles.Team, RbacRoles.InternalUser })
        {
            try
            {
                if (RoleArgument.Normalize(role) is not { } valid)
                {
                    throw new RbacException(ErrorIds.RoleInvalid, RbacErrorKind.InvalidArgument, $"An empty role has no permissions to expand. Valid roles: {RbacRoles.ListForMessage()}.");
                }

                WriteTrace(() => new[] { ModelTrace.ExplainRole(configuration, valid) });
                foreach (var grant in RolePermissionExpander.Expand(configuration, valid, semantics))
                {
                    WriteObject(new RoleModelGrant(grant.Role, grant.Model, grant.Pattern, (GrantSource)(int)grant.GrantSource));
                }

                foreach (var dead in RolePermissionExpander.FindDeadEntries(configuration, valid, semantics))
                {
                    WriteWarning($"{dead.Location.Describe()}: models[{dead.PatternIndex}] '{dead.Pattern}' of role {dead.Role} matches no deployed model under {Semantics}.");
                }
            }
            catch (RbacException ex)
            {
                WriteError(ErrorRecords.From(ex, role));
            }
        }
    }
}
