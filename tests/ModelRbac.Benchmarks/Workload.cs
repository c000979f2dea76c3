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
        Variant = ConfigLoader.LoadText(MakeVariant(File.ReadAllText(Path.Combine(folder, "config.yaml"))), "variant.yaml");
        Models = File.ReadAllLines(Path.Combine(folder, "models.txt")).Where(line => line.Length > 0).ToArray();
        Patterns = File.ReadAllLines(Path.Combine(folder, "patterns.txt")).Where(line => line.Length > 0).ToArray();
    }

    public RbacConfiguration Config { get; }

    /// <summary>The same config after a typical pull request (<see cref="MakeVariant"/>), for the diff.</summary>
    public RbacConfiguration Variant { get; }

    /// <summary>
    /// A pull request on the workload config: internal_user loses every tenth models entry, team trades
    /// "bedrock-claude-*", "azure/*" for "bedrock-*", "vertex_ai/*". Measure-Audit.ps1 makes the same change.
    /// </summary>
    public static string MakeVariant(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i] == "    - role: \"internal_user\"")
            {
                const string head = "      models: [";
                var items = lines[i + 1].Substring(head.Length, lines[i + 1].Length - head.Length - 1).Split(", ");
                lines[i + 1] = head + string.Join(", ", items.Where((_, index) => index % 10 != 0)) + "]";
            }
            else if (lines[i] == "    - role: \"team\"")
            {
                lines[i + 1] = lines[i + 1].Replace("\"bedrock-claude-*\", \"azure/*\"", "\"bedrock-*\", \"vertex_ai/*\"");
            }
        }

        return string.Join("\n", lines);
    }

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
