using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.PowerShell.Completion;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>
/// Base of Expand-RolePermission and Expand-RoleRoute: for each role, its grants as objects and its dead entries as
/// warnings. The two differ only in which half of role_permissions they read.
/// </summary>
public abstract class RoleExpansionCmdlet : ConfigCmdlet
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

    /// <summary>What an empty role has none of, for its error ("permissions", "routes").</summary>
    private protected abstract string ExpandedNoun { get; }

    /// <summary>The -Verbose line naming the entry that governs the role.</summary>
    private protected abstract string ExplainRole(RbacConfiguration configuration, string role);

    /// <summary>The role's grants, as the output objects users see.</summary>
    private protected abstract IEnumerable<object> Expand(RbacConfiguration configuration, string role, Core.Access.Semantics semantics);

    /// <summary>One warning text per entry of the role that grants nothing.</summary>
    private protected abstract IEnumerable<string> DeadEntryWarnings(RbacConfiguration configuration, string role, Core.Access.Semantics semantics);

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
                    throw new RbacException(ErrorIds.RoleInvalid, RbacErrorKind.InvalidArgument, $"An empty role has no {ExpandedNoun} to expand. Valid roles: {RbacRoles.ListForMessage()}.");
                }

                WriteTrace(() => new[] { ExplainRole(configuration, valid) });
                foreach (var grant in Expand(configuration, valid, semantics))
                {
                    WriteObject(grant);
                }

                foreach (var warning in DeadEntryWarnings(configuration, valid, semantics))
                {
                    WriteWarning(warning);
                }
            }
            catch (RbacException ex)
            {
                WriteError(ErrorRecords.From(ex, role));
            }
        }
    }
}
