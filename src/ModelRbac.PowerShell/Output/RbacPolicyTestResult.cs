using System.Collections.Generic;

namespace ModelRbac;

/// <summary>The outcome of Invoke-RbacPolicyTest: case counts from the Pester run, each case's result and the coverage of the config's grants.</summary>
public sealed class RbacPolicyTestResult
{
    internal RbacPolicyTestResult(
        string casePath,
        string? configPath,
        RbacSemantics semantics,
        IReadOnlyList<RbacPolicyCaseResult> cases,
        IReadOnlyList<RbacPolicyCoverage> coverage,
        double coveragePercent,
        double? coverageThreshold,
        int passedCount,
        int failedCount,
        object? pesterResult)
    {
        CasePath = casePath;
        ConfigPath = configPath;
        Semantics = semantics;
        Cases = cases;
        Coverage = coverage;
        CoveragePercent = coveragePercent;
        CoverageThreshold = coverageThreshold;
        PassedCount = passedCount;
        FailedCount = failedCount;
        PesterResult = pesterResult;
        var unexercised = new List<RbacPolicyCoverage>();
        foreach (var item in coverage)
        {
            if (!item.Exercised)
            {
                unexercised.Add(item);
            }
        }

        Unexercised = unexercised;
    }

    /// <summary>The case file.</summary>
    public string CasePath { get; }

    /// <summary>The config file (null for inline YAML).</summary>
    public string? ConfigPath { get; }

    /// <summary>The semantics the cases ran under.</summary>
    public RbacSemantics Semantics { get; }

    /// <summary>Tests that passed, as Pester counted them.</summary>
    public int PassedCount { get; }

    /// <summary>Tests, blocks and containers that failed, as Pester counted them.</summary>
    public int FailedCount { get; }

    /// <summary>No test failed and coverage is at or above the threshold.</summary>
    public bool Succeeded => FailedCount == 0 && (CoverageThreshold is null || CoveragePercent >= CoverageThreshold);

    /// <summary>Each case × model or route that ran.</summary>
    public IReadOnlyList<RbacPolicyCaseResult> Cases { get; }

    /// <summary>Every role_permissions grant and whether a case exercised it.</summary>
    public IReadOnlyList<RbacPolicyCoverage> Coverage { get; }

    /// <summary>The grants no case exercised.</summary>
    public IReadOnlyList<RbacPolicyCoverage> Unexercised { get; }

    /// <summary>Exercised grants in percent (100 when the config has none).</summary>
    public double CoveragePercent { get; }

    /// <summary>The -CoverageThreshold asked for, if any.</summary>
    public double? CoverageThreshold { get; }

    /// <summary>Pester's run object (Invoke-Pester -PassThru), for everything else Pester knows.</summary>
    public object? PesterResult { get; }
}
