using System;
using System.IO;
using SharpFuzz;

namespace ModelRbac.Fuzz;

/// <summary>Rewrites the parsers' assemblies with SharpFuzz so every branch records its edge in the coverage map.</summary>
public static class Instrumentation
{
    private static readonly (string File, string Namespace)[] s_assemblies =
    {
        ("ModelRbac.Core.dll", "ModelRbac.Core"),
        // The YAML scanner and parser: new token shapes there are what reach new paths in the config reader.
        ("YamlDotNet.dll", "YamlDotNet.Core"),
    };

    public static int Run(string directory, TextWriter log)
    {
        foreach (var (file, ns) in s_assemblies)
        {
            var path = Path.Combine(directory, file);
            try
            {
                Fuzzer.Instrument(path, type => type.StartsWith(ns, StringComparison.Ordinal), Options.Value);
                log.WriteLine("Instrumented " + path);
            }
            catch (InstrumentationException ex)
            {
                // Already instrumented (an incremental build kept the rewritten copy): nothing to do.
                log.WriteLine($"Not instrumented again: {path} ({ex.Message})");
            }
        }

        return 0;
    }
}
