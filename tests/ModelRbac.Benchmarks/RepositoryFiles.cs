using System;
using System.IO;

namespace ModelRbac.Benchmarks;

/// <summary>Files of the repository (examples), found by walking up from the benchmark binaries.</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ModelRbac.psd1")))
            {
                return System.IO.Path.Combine(dir.FullName, System.IO.Path.Combine(parts));
            }
        }

        throw new DirectoryNotFoundException("the repository root (ModelRbac.psd1) was not found above " + AppContext.BaseDirectory);
    }
}
