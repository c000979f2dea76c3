using System;
using System.IO;
using System.Management.Automation;
using Xunit;

namespace ModelRbac.PowerShell.Tests;

/// <summary>Invoke-RbacPolicyTest in-process: what fails before any case runs (the full runs are in the Pester suite).</summary>
public sealed class PolicyTestCmdletTests : IDisposable
{
    private readonly PowerShellHost _host = new();
    private readonly string _config = Path.Combine(AppContext.BaseDirectory, "examples", "seed-repro.yaml");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "modelrbac-policy-" + Guid.NewGuid().ToString("N"));

    public PolicyTestCmdletTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void AMalformedCaseFileIsATerminatingErrorNamingTheCaseAndLine()
    {
        var cases = Path.Combine(_directory, "cases.yaml");
        File.WriteAllText(cases, "cases:\n  - name: fine\n    role: team\n    model: m\n    expect: allow\n  - name: typo\n    role: team\n    model: m\n    expect: alow\n");
        var (output, errors, _) = _host.Run($"Invoke-RbacPolicyTest -Config '{_config}' -Path '{cases}'");
        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.Equal("PolicyCasesInvalid,ModelRbac.PowerShell.Commands.InvokeRbacPolicyTestCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal($"{cases}:9:13 (cases[1].expect): cases[1] 'typo': expect must be 'allow' or 'deny', not 'alow'", error.Exception.Message);
    }

    [Fact]
    public void AMissingCaseFileIsPolicyCasesInvalid()
    {
        var (_, errors, _) = _host.Run($"Invoke-RbacPolicyTest -Config '{_config}' -Path '{Path.Combine(_directory, "none.yaml")}'");
        var error = Assert.Single(errors);
        Assert.StartsWith("PolicyCasesInvalid,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("no such case file", error.Exception.Message);
    }

    [Fact]
    public void AnUnusableConfigStopsBeforeTheCases()
    {
        var (_, errors, _) = _host.Run($"Invoke-RbacPolicyTest -Config '{Path.Combine(_directory, "missing.yaml")}' -Path '{Path.Combine(_directory, "none.yaml")}'");
        Assert.StartsWith("ConfigNotFound,", Assert.Single(errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void TheThresholdIsAPercentage()
    {
        var (_, errors, _) = _host.Run($"Invoke-RbacPolicyTest -Config '{_config}' -Path x.yaml -CoverageThreshold 101");
        Assert.Equal("ParameterArgumentValidationError,ModelRbac.PowerShell.Commands.InvokeRbacPolicyTestCommand", Assert.Single(errors).FullyQualifiedErrorId);
    }
}
