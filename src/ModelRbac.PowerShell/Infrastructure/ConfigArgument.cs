using System.IO;
using System.Management.Automation;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>Resolves a config parameter (an RbacConfig, a path or a FileInfo) strictly; an unusable one is terminating.</summary>
internal static class ConfigArgument
{
    public static RbacConfig Resolve(PSCmdlet cmdlet, object value, string parameterName)
    {
        var candidate = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (candidate)
        {
            case RbacConfig config:
                return config;
            case string path:
                return Load(cmdlet, path);
            case FileInfo file:
                return Load(cmdlet, file.FullName);
            default:
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    ErrorIds.ConfigInvalid,
                    ErrorCategory.InvalidArgument,
                    $"{parameterName} takes an RbacConfig (from Import-RbacConfig) or the path of a config.yaml, not {candidate?.GetType().Name ?? "null"}.",
                    candidate));
                return null!;
        }
    }

    /// <summary>The file-system path of a PowerShell path (relative to the current location).</summary>
    public static string FullPath(PSCmdlet cmdlet, string path) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    private static RbacConfig Load(PSCmdlet cmdlet, string path)
    {
        var fullPath = FullPath(cmdlet, path);
        try
        {
            var configuration = ConfigLoader.LoadFile(fullPath);
            foreach (var warning in configuration.Warnings)
            {
                cmdlet.WriteWarning(warning.ToString());
            }

            return new RbacConfig(configuration);
        }
        catch (RbacException ex)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, fullPath));
            return null!;
        }
    }
}
