using System.Management.Automation;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>Base of the evaluating cmdlets: the shared <c>-Config</c> parameter, resolved once in BeginProcessing.</summary>
public abstract class ConfigCmdlet : PSCmdlet
{
    /// <summary>
    /// <para type="description">The config: an RbacConfig from Import-RbacConfig, or the path of a LiteLLM config.yaml (loaded as Import-RbacConfig would).</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public object Config { get; set; } = null!;

    /// <summary>The resolved config; set in BeginProcessing.</summary>
    internal RbacConfig ResolvedConfig { get; private set; } = null!;

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        ResolvedConfig = ConfigArgument.Resolve(this, Config, "-Config");
    }

    /// <summary>The contract's <see cref="Core.Access.Semantics"/> for a parameter value.</summary>
    internal static Core.Access.Semantics ToCore(RbacSemantics semantics) => (Core.Access.Semantics)(int)semantics;
}
