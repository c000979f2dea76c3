using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;

namespace ModelRbac.Fuzz;

/// <summary>How long and from where one fuzzing run goes.</summary>
public sealed record FuzzSettings(int Seed, long MaxIterations, double MaxSeconds, string FindingsDirectory, int SlowMilliseconds = 2000);

/// <summary>What one run did and found.</summary>
public sealed record FuzzResult(string Target, long Executions, int Corpus, int Edges, double Seconds, IReadOnlyList<string> Findings);

/// <summary>
/// The coverage-guided loop: run the seeds, then mutate corpus entries and keep every child that reaches a new edge
/// bucket. Each distinct failure (by exception type and first frame, or by the invariant's message) is written once
/// to the findings folder; copied into tests/fixtures/fuzz/TARGET it becomes a regression fixture.
/// </summary>
public static class FuzzLoop
{
    public static FuzzResult Run(IFuzzTarget target, FuzzSettings settings, EdgeCoverage coverage, TextWriter log)
    {
        var mutator = new Mutator(settings.Seed, target.Dictionary, target.MaxInputLength);
        var corpus = new List<byte[]>();
        var findings = new List<string>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long executions = 0;

        void Execute(byte[] input, bool keepAnyway)
        {
            executions++;
            var failure = RunOne(target, input, coverage, settings.SlowMilliseconds);
            if (failure is not null)
            {
                if (signatures.Add(failure.Value.Signature) && findings.Count < 50)
                {
                    findings.Add(Save(target, input, failure.Value.Description, settings.FindingsDirectory, log));
                }

                return;
            }

            if (coverage.Collect() || keepAnyway)
            {
                corpus.Add(input);
            }
        }

        foreach (var seed in target.Seeds())
        {
            Execute(seed, keepAnyway: true);
        }

        if (coverage.Edges == 0)
        {
            throw new InvalidOperationException("no edge was hit: ModelRbac.Core in this folder is not instrumented (run the 'instrument' command first)");
        }

        for (long i = 0; i < settings.MaxIterations && clock.Elapsed.TotalSeconds < settings.MaxSeconds; i++)
        {
            Execute(mutator.Mutate(corpus[mutator.Next(corpus.Count)], corpus), keepAnyway: false);
        }

        return new FuzzResult(target.Name, executions, corpus.Count, coverage.Edges, clock.Elapsed.TotalSeconds, findings);
    }

    /// <summary>Runs one input outside the loop (fixture replay); null when every invariant held.</summary>
    public static string? Replay(IFuzzTarget target, byte[] input)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (Exception ex)
        {
            return Describe(ex);
        }
    }

    private static (string Signature, string Description)? RunOne(IFuzzTarget target, byte[] input, EdgeCoverage coverage, int slowMilliseconds)
    {
        coverage.Reset();
        var timer = Stopwatch.StartNew();
        try
        {
            target.Run(input);
        }
        catch (Exception ex)
        {
            return (Signature(ex), Describe(ex));
        }

        if (timer.ElapsedMilliseconds <= slowMilliseconds)
        {
            return null;
        }

        // Slow once may be the machine; slow twice is the input.
        timer.Restart();
        coverage.Reset();
        target.Run(input);
        return timer.ElapsedMilliseconds > slowMilliseconds ? ("slow", $"slow input: {timer.ElapsedMilliseconds} ms (limit {slowMilliseconds} ms)") : null;
    }

    private static string Signature(Exception ex)
    {
        if (ex is FuzzFinding)
        {
            var colon = ex.Message.IndexOf(':');
            return "finding:" + (colon > 0 ? ex.Message.Substring(0, colon) : ex.Message);
        }

        var frame = new StackTrace(ex).GetFrame(0)?.GetMethod();
        return ex.GetType().FullName + "@" + frame?.DeclaringType?.FullName + "." + frame?.Name;
    }

    private static string Describe(Exception ex) => ex is FuzzFinding ? ex.Message : ex.ToString();

    private static string Save(IFuzzTarget target, byte[] input, string description, string directory, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        var name = "crash-" + Convert.ToHexString(SHA1.HashData(input)).ToLowerInvariant().Substring(0, 16);
        var path = Path.Combine(directory, name + ".bin");
        File.WriteAllBytes(path, input);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), description);
        log.WriteLine($"[{target.Name}] FINDING {path}: {FirstLine(description)}");
        return path;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text.Substring(0, end);
    }
}
