using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ModelRbac.Core.Access;
using ModelRbac.Core.Matching;

namespace ModelRbac.Benchmarks;

/// <summary>
/// One model decision for the 1,000-pattern role (internal_user) of the shared workload, beside a bare
/// HashSet.Contains on the same names and the one-Regex-per-pattern baseline. Each invocation decides a batch
/// of names cycled from models.txt; figures are per decision.
/// </summary>
[MemoryDiagnoser]
public class ModelGateBenchmarks
{
    private const int Batch = 4096;
    private string[] _names = Array.Empty<string>();
    private ModelPatternList _compiled = null!;
    private HashSet<string> _hashSet = null!;
    private NaiveRegexList _regexes = null!;
    private Workload _workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Load();
        _names = _workload.Models[..Batch];
        _compiled = _workload.Config.FindRoleEntry("internal_user")!.CompiledModels!;
        _hashSet = new HashSet<string>(_workload.Patterns, StringComparer.Ordinal);
        _regexes = new NaiveRegexList(_workload.Patterns);
        var groups = _workload.Config.AccessGroups;
        _exactOnly = new ModelPatternList(Array.FindAll(_workload.Patterns, p => !FnmatchPattern.HasWildcardSyntax(p)), groups);
        _prefixOnly = new ModelPatternList(Array.FindAll(_workload.Patterns, p => p.EndsWith('*') && !FnmatchPattern.HasWildcardSyntax(p[..^1])), groups);
        _globsOnly = new ModelPatternList(Array.FindAll(_workload.Patterns, p => FnmatchPattern.HasWildcardSyntax(p) && !(p.EndsWith('*') && !FnmatchPattern.HasWildcardSyntax(p[..^1]))), groups);
    }

    private ModelPatternList _exactOnly = null!;
    private ModelPatternList _prefixOnly = null!;
    private ModelPatternList _globsOnly = null!;

    /// <summary>Breakdown: the exact names alone.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int PartExact() => Run(_exactOnly);

    /// <summary>Breakdown: the literal* patterns alone (prefix trie).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int PartPrefix() => Run(_prefixOnly);

    /// <summary>Breakdown: the other globs alone.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int PartGlobs() => Run(_globsOnly);

    private int Run(ModelPatternList list)
    {
        var granted = 0;
        foreach (var name in _names)
        {
            granted += list.FindGrant(name).Index >= 0 ? 1 : 0;
        }

        return granted;
    }

    /// <summary>The compiled list alone (Corrected rules 1–4).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int CompiledList()
    {
        var granted = 0;
        foreach (var name in _names)
        {
            granted += _compiled.FindGrant(name).Index >= 0 ? 1 : 0;
        }

        return granted;
    }

    /// <summary>The whole gate as Test-ModelAccess calls it for a boolean answer.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int ModelGateIsAllowed()
    {
        var granted = 0;
        foreach (var name in _names)
        {
            granted += ModelGate.IsAllowed(_workload.Config, "internal_user", name, Semantics.Corrected) ? 1 : 0;
        }

        return granted;
    }

    /// <summary>The floor: exact membership only (what Upstream does).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int HashSetContains()
    {
        var granted = 0;
        foreach (var name in _names)
        {
            granted += _hashSet.Contains(name) ? 1 : 0;
        }

        return granted;
    }

    /// <summary>The naive port: one compiled Regex per pattern, tried in order.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int RegexPerPattern()
    {
        var granted = 0;
        foreach (var name in _names)
        {
            granted += _regexes.FirstMatch(name) >= 0 ? 1 : 0;
        }

        return granted;
    }
}
