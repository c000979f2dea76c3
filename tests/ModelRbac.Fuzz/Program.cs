using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ModelRbac.Fuzz;

/// <summary>
/// ModelRbac.Fuzz instrument DIR   instruments ModelRbac.Core.dll and YamlDotNet.dll in DIR (SharpFuzz, in place)
/// ModelRbac.Fuzz run --target token|config [--seconds S] [--iterations N] [--seed K] [--findings DIR] [--summary FILE]
/// ModelRbac.Fuzz replay --target token|config FILE...
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "instrument")
        {
            return Instrumentation.Run(args[1], Console.Out);
        }

        if (args.Length >= 1 && (args[0] == "run" || args[0] == "replay"))
        {
            return args[0] == "run" ? RunFuzzer(Options.Parse(args)) : Replay(Options.Parse(args));
        }

        Console.Error.WriteLine("usage: ModelRbac.Fuzz instrument DIR | run --target token|config [--seconds S] [--iterations N] [--seed K] [--findings DIR] [--summary FILE] | replay --target T FILE...");
        return 2;
    }

    // Kept out of Main so the 'instrument' command never loads ModelRbac.Core before rewriting it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunFuzzer(Options options)
    {
        // The map first: instrumented code writes to it from the first call (the targets' constructors load files).
        using var coverage = new EdgeCoverage();
        var target = Targets.Create(options.Target);
        var settings = new FuzzSettings(options.Seed, options.Iterations, options.Seconds, options.Findings);
        var result = FuzzLoop.Run(target, settings, coverage, Console.Out);
        Console.WriteLine($"[{result.Target}] {result.Executions:N0} executions in {result.Seconds:F1} s, {result.Edges:N0} edges, corpus {result.Corpus:N0}, {result.Findings.Count} finding(s)");
        if (options.Summary is not null)
        {
            File.WriteAllText(options.Summary, JsonSerializer.Serialize(result));
        }

        return result.Findings.Count == 0 ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Replay(Options options)
    {
        using var coverage = new EdgeCoverage();
        var target = Targets.Create(options.Target);
        var failed = 0;
        foreach (var file in options.Files)
        {
            var outcome = FuzzLoop.Replay(target, File.ReadAllBytes(file));
            Console.WriteLine($"{file}: {outcome ?? "ok"}");
            failed += outcome is null ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    private sealed record Options(string Target, double Seconds, long Iterations, int Seed, string Findings, string? Summary, List<string> Files)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options("token", 30, long.MaxValue, 1, Path.Combine(Path.GetTempPath(), "modelrbac-fuzz"), null, new List<string>());
            for (var i = 1; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value for " + args[i]);
                options = args[i] switch
                {
                    "--target" => options with { Target = Value() },
                    "--seconds" => options with { Seconds = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                    "--iterations" => options with { Iterations = long.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                    "--seed" => options with { Seed = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                    "--findings" => options with { Findings = Value() },
                    "--summary" => options with { Summary = Value() },
                    _ => Add(options, args[i]),
                };
            }

            return options;
        }

        private static Options Add(Options options, string file)
        {
            options.Files.Add(file);
            return options;
        }
    }
}

/// <summary>The fuzz targets by name; their seeds come from the examples copied beside the binaries.</summary>
public static class Targets
{
    public static string Examples => Path.Combine(AppContext.BaseDirectory, "examples");

    public static IFuzzTarget Create(string name) => name switch
    {
        "token" => new TokenTarget(Examples),
        "config" => new ConfigTarget(Examples),
        _ => throw new ArgumentException("unknown target '" + name + "' (token, config)"),
    };
}
