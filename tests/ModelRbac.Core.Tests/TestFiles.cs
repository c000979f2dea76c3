using System;
using System.IO;

namespace ModelRbac.Core.Tests;

/// <summary>Paths of files copied beside the tests, and of the shared folder beside the repository.</summary>
internal static class TestFiles
{
    public static string Fixture(params string[] parts) => Path.Combine(AppContext.BaseDirectory, "fixtures", Path.Combine(parts));

    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    /// <summary>The shared folder (../shared beside the checkout), found by walking up from the test binaries.</summary>
    public static string Shared(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures")))
            {
                return Path.Combine(candidate, Path.Combine(parts));
            }
        }

        throw new DirectoryNotFoundException("the shared folder (../shared) was not found above " + AppContext.BaseDirectory);
    }
}
