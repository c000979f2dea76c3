using System;
using System.Diagnostics;
using System.IO;

namespace ModelRbac.Core.Tests.Node;

/// <summary>Runs the independent signer and OpenID provider in tests/node (jose, oidc-provider).</summary>
internal static class NodeTools
{
    /// <summary>The checkout's tests/node folder, found by walking up from the test binaries.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>Runs <c>node script args…</c> to completion and returns its stdout; throws on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var start = Start(script, arguments, redirectInput: false);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }

    public static ProcessStartInfo Start(string script, string[] arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "node");
            if (File.Exists(Path.Combine(candidate, "make-fixtures.mjs")))
            {
                if (!Directory.Exists(Path.Combine(candidate, "node_modules")))
                {
                    throw new InvalidOperationException($"{candidate}/node_modules is missing: run 'npm ci --prefix tests/node' (build.ps1 -Task Test does).");
                }

                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/node was not found above " + AppContext.BaseDirectory);
    }
}
