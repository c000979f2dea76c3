using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Explain;
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
public sealed class ExpandRolePermissionCommand : RoleExpansionCmdlet
{
    private protected override string ExpandedNoun => "permissions";

    private protected override string ExplainRole(RbacConfiguration configuration, string role) =>
        ModelTrace.ExplainRole(configuration, role);

    private protected override IEnumerable<object> Expand(RbacConfiguration configuration, string role, Semantics semantics)
    {
        foreach (var grant in RolePermissionExpander.Expand(configuration, role, semantics))
        {
            yield return new RoleModelGrant(grant.Role, grant.Model, grant.Pattern, (GrantSource)(int)grant.GrantSource);
        }
    }

    private protected override IEnumerable<string> DeadEntryWarnings(RbacConfiguration configuration, string role, Semantics semantics)
    {
        foreach (var dead in RolePermissionExpander.FindDeadEntries(configuration, role, semantics))
        {
            yield return $"{dead.Location.Describe()}: '{dead.Pattern}' of role {dead.Role} matches no deployed model under {Semantics}.";
        }
    }
}
