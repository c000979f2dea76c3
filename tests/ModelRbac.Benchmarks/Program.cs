using BenchmarkDotNet.Running;

namespace ModelRbac.Benchmarks;

/// <summary>Runs the benchmarks (build.ps1 -Task Bench).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
