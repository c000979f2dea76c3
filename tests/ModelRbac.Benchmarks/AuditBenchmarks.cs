using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ModelRbac.Core.Access;
using ModelRbac.Core.Audit;

namespace ModelRbac.Benchmarks;

/// <summary>
/// The audit cmdlets' core on the shared workload (5,000 deployments × 3 roles): the access matrix (both
/// semantics per cell), the semantic diff against a pull-request variant and across semantics, the lint, and the
/// HTML page. Each figure is one whole operation.
/// </summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private Workload _workload = null!;
    private AccessMatrix _matrix = null!;
    private IReadOnlyList<LintFinding> _findings = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Load();
        _matrix = AccessMatrix.Build(_workload.Config);
        _findings = ConfigLinter.Lint(_workload.Config);
    }

    /// <summary>Get-RbacAccessMatrix's core: 5,000 models × 3 roles × 2 semantics.</summary>
    [Benchmark]
    public AccessMatrix Matrix() => AccessMatrix.Build(_workload.Config);

    /// <summary>Compare-RbacConfig's core: the workload against its variant (models and route templates, 3 roles).</summary>
    [Benchmark]
    public int DiffTwoConfigs() => ConfigComparer.Compare(_workload.Config, Semantics.Corrected, _workload.Variant, Semantics.Corrected).Count;

    /// <summary>Compare-RbacConfig -AcrossSemantics's core: Corrected against Upstream on the workload.</summary>
    [Benchmark]
    public int DiffAcrossSemantics() => ConfigComparer.Compare(_workload.Config, Semantics.Corrected, _workload.Config, Semantics.Upstream).Count;

    /// <summary>Test-RbacConfig's core on a loaded config (every rule).</summary>
    [Benchmark]
    public int Lint() => ConfigLinter.Lint(_workload.Config).Count;

    /// <summary>-AsHtml: the page for the whole matrix and the findings (about 15,000 cells).</summary>
    [Benchmark]
    public int Html() => AccessMatrixHtml.Render(_matrix, Semantics.Corrected, _findings).Length;
}
