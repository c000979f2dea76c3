using System;
using System.Collections;
using System.Collections.Concurrent;
using System.IO;
using System.Management.Automation;
using ModelRbac.Core.Config;

namespace ModelRbac.PowerShell.Completion;

/// <summary>
/// The config a command line names in -Config, for completers: an RbacConfig variable's value, or a path (loaded
/// once per file version). Completion must never throw, so any failure gives null.
/// </summary>
internal static class CompletionConfig
{
    private static readonly ConcurrentDictionary<string, (DateTime Written, RbacConfiguration Config)> s_byPath = new(StringComparer.Ordinal);

    public static RbacConfiguration? From(IDictionary fakeBoundParameters)
    {
        try
        {
            // Compare-RbacConfig names its configs -ReferenceConfig and -DifferenceConfig; the reference stands in.
            var value = fakeBoundParameters["Config"] ?? fakeBoundParameters["ReferenceConfig"] ?? fakeBoundParameters["DifferenceConfig"];
            var candidate = value is PSObject wrapped ? wrapped.BaseObject : value;
            return candidate switch
            {
                RbacConfig config => config.Configuration,
                string path => Load(path),
                FileInfo file => Load(file.FullName),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Relative paths are relative to the PowerShell location, not the process directory.</summary>
    private static string CurrentLocation()
    {
        // The runspace is busy completing; a nested pipeline on it is the supported way to ask it anything.
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        foreach (var result in shell.AddCommand("Get-Location").AddParameter("PSProvider", "FileSystem").Invoke())
        {
            if (result.BaseObject is PathInfo location)
            {
                return location.ProviderPath;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static RbacConfiguration? Load(string path)
    {
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(CurrentLocation(), path));
        if (!File.Exists(full))
        {
            return null;
        }

        var written = File.GetLastWriteTimeUtc(full);
        if (s_byPath.TryGetValue(full, out var cached) && cached.Written == written)
        {
            return cached.Config;
        }

        var config = ConfigLoader.LoadFile(full);
        s_byPath[full] = (written, config);
        return config;
    }
}
