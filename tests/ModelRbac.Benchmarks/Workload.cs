using System;
using System.IO;
using System.Linq;
using ModelRbac.Core.Config;

namespace ModelRbac.Benchmarks;

/// <summary>The shared workload (../shared/bench/make_workload.py output), located by MODELRBAC_WORKLOAD.</summary>
internal sealed class Workload
{
    private Workload(string folder)
    {
        Config = ConfigLoader.LoadFile(Path.Combine(folder, "config.yaml"));
        Models = File.ReadAllLines(Path.Combine(folder, "models.txt")).Where(line => line.Length > 0).ToArray();
        Patterns = File.ReadAllLines(Path.Combine(folder, "patterns.txt")).Where(line => line.Length > 0).ToArray();
    }

    public RbacConfiguration Config { get; }

    /// <summary>The 100,000 model names to decide, about half deployed.</summary>
    public string[] Models { get; }

    /// <summary>The widest role's (internal_user) 1,000 patterns.</summary>
    public string[] Patterns { get; }

    public static Workload Load()
    {
        var folder = Environment.GetEnvironmentVariable("MODELRBAC_WORKLOAD")
            ?? throw new InvalidOperationException("Set MODELRBAC_WORKLOAD to a folder made by make_workload.py (build.ps1 -Task Bench does).");
        return new Workload(folder);
    }
}
