using System.Management.Automation;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>Whether a cmdlet's verbose stream is on, so decision traces are only built when someone reads them.</summary>
internal static class VerboseTrace
{
    /// <summary>True when -Verbose is given, or when $VerbosePreference is anything but SilentlyContinue.</summary>
    public static bool IsEnabled(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose)
            ? ((SwitchParameter)verbose).IsPresent
            : cmdlet.GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
}
