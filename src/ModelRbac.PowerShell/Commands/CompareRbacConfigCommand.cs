using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Access;
using ModelRbac.Core.Audit;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Completion;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists who gains or loses access between two LiteLLM configs, or what breaks on today's LiteLLM, model by model and route by route.</para>
/// <para type="description">Compare-RbacConfig decides every (role, model) and (role, route template) in both configs and writes an RbacAccessChange for each whose verdict changes: Granted (denied in -ReferenceConfig, allowed in -DifferenceConfig) or Revoked, with the entry responsible on each side, its YAML path and line. Models are the deployed model_name values of both configs plus -Model names; routes are every template of LiteLLM's route groups plus every path or /prefix/* entry either config writes, each decided on concrete paths it matches ({name} as "sample"; a /prefix/* or {p:path} also on a path several segments deep, which a one-segment template does not cover). With -AcrossSemantics it compares one config with itself, Corrected (reference: what the config means) against Upstream (difference: what LiteLLM does today), so every Revoked row is access the config intends that LiteLLM denies today.</para>
/// </summary>
/// <example>
/// <code>Compare-RbacConfig -Config ./examples/seed-repro.yaml -AcrossSemantics | Format-Table Kind, Role, Name, Change, ReferenceEntry, ReferenceLine</code>
/// <para>What breaks on today's LiteLLM: internal_user loses the bedrock-claude-* models and proxy_admin loses everything granted by '*'.</para>
/// </example>
/// <example>
/// <code>Compare-RbacConfig -ReferenceConfig ./examples/seed-repro.yaml -DifferenceConfig ./examples/route-gate.yaml -Role internal_user | Group-Object Kind, Change | Select-Object Name, Count</code>
/// <para>Counts, for internal_user, the models and route templates gained and lost between two configs.</para>
/// </example>
[Cmdlet(VerbsData.Compare, "RbacConfig", DefaultParameterSetName = ConfigsSet)]
[OutputType(typeof(RbacAccessChange))]
public sealed class CompareRbacConfigCommand : PSCmdlet
{
    private const string ConfigsSet = "Configs";
    private const string SemanticsSet = "AcrossSemantics";

    /// <summary>
    /// <para type="description">The config before the change: an RbacConfig from Import-RbacConfig, or the path of a config.yaml.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ConfigsSet)]
    [ValidateNotNull]
    public object ReferenceConfig { get; set; } = null!;

    /// <summary>
    /// <para type="description">The config after the change: an RbacConfig from Import-RbacConfig, or the path of a config.yaml.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ConfigsSet)]
    [ValidateNotNull]
    public object DifferenceConfig { get; set; } = null!;

    /// <summary>
    /// <para type="description">With -AcrossSemantics: the one config to compare with itself under Corrected and Upstream.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SemanticsSet)]
    [ValidateNotNull]
    public object Config { get; set; } = null!;

    /// <summary>
    /// <para type="description">Compare -Config under Corrected (reference) with the same config under Upstream (difference): what LiteLLM today does differently from what the config means.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = SemanticsSet)]
    public SwitchParameter AcrossSemantics { get; set; }

    /// <summary>
    /// <para type="description">The semantics both configs are decided under: Corrected (default) or Upstream.</para>
    /// </summary>
    [Parameter(ParameterSetName = ConfigsSet)]
    public RbacSemantics Semantics { get; set; } = RbacSemantics.Corrected;

    /// <summary>
    /// <para type="description">The RBAC roles to compare; all three when omitted.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string[]? Role { get; set; }

    /// <summary>
    /// <para type="description">Extra model names to compare besides the deployed ones.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string[]? Model { get; set; }

    /// <summary>
    /// <para type="description">Extra request paths or templates to compare besides LiteLLM's route groups and the configs' own entries.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string[]? Route { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        Core.Config.RbacConfiguration reference;
        Core.Config.RbacConfiguration difference;
        Semantics referenceSemantics;
        Semantics differenceSemantics;
        if (ParameterSetName == SemanticsSet)
        {
            reference = difference = ConfigArgument.Resolve(this, Config, "-Config").Configuration;
            referenceSemantics = Core.Access.Semantics.Corrected;
            differenceSemantics = Core.Access.Semantics.Upstream;
        }
        else
        {
            reference = ConfigArgument.Resolve(this, ReferenceConfig, "-ReferenceConfig").Configuration;
            difference = ConfigArgument.Resolve(this, DifferenceConfig, "-DifferenceConfig").Configuration;
            referenceSemantics = differenceSemantics = (Semantics)(int)Semantics;
        }

        var roles = RoleSelection.Resolve(this, Role, "An empty role cannot be compared.");
        if (roles.Count == 0)
        {
            return;
        }

        IReadOnlyList<AccessChange> changes;
        try
        {
            changes = ConfigComparer.Compare(reference, referenceSemantics, difference, differenceSemantics, roles, Model, Route);
        }
        catch (RbacException ex)
        {
            // A value a decision needs is unset: no partial diff (it would hide changes), so stop.
            ThrowTerminatingError(ErrorRecords.From(ex));
            return;
        }

        if (VerboseTrace.IsEnabled(this))
        {
            foreach (var line in ComparisonTrace.Explain(reference, referenceSemantics, difference, differenceSemantics, roles, changes.Count))
            {
                WriteVerbose(line);
            }
        }

        foreach (var change in changes)
        {
            WriteObject(new RbacAccessChange(change));
        }
    }
}
