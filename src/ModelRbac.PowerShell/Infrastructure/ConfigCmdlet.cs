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

    /// <summary>Whether -Verbose or $VerbosePreference asks for decision traces (so traces cost nothing otherwise).</summary>
    internal bool TraceEnabled { get; private set; }

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        TraceEnabled = VerboseTrace.IsEnabled(this);
        ResolvedConfig = ConfigArgument.Resolve(this, Config, "-Config");
    }

    /// <summary>Writes decision-trace lines to the verbose stream when it is on.</summary>
    internal void WriteTrace(System.Func<System.Collections.Generic.IReadOnlyList<string>> lines)
    {
        if (!TraceEnabled)
        {
            return;
        }

        foreach (var line in lines())
        {
            WriteVerbose(line);
        }
    }

    /// <summary>The contract's <see cref="Core.Access.Semantics"/> for a parameter value.</summary>
    internal static Core.Access.Semantics ToCore(RbacSemantics semantics) => (Core.Access.Semantics)(int)semantics;
}
