using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.Core.PolicyTests;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Runs a declarative policy case file against a LiteLLM config as a Pester run, and reports which role_permissions grants no case exercised.</para>
/// <para type="description">Invoke-RbacPolicyTest reads a YAML case file (semantics, and cases of an identity - role, claims or a token file with its JWKS - times models or routes, each with expect: allow or deny and optionally grantSource, matchedPattern, matchedEntry, rbacRole or resolvedBy), validates every case first (PolicyCasesInvalid names the case, YAML path and line), then runs one Pester test per case and model or route, so -OutputFormat JUnitXml -OutputPath or a -PesterConfiguration give Pester's own JUnit or NUnit XML. It writes an RbacPolicyTestResult: counts, each case's decision and the coverage of the config's grants (every models and routes pattern, and every empty list). Failing cases end the run with the terminating error PolicyTestFailed, and coverage below -CoverageThreshold with PolicyCoverageBelowThreshold; the error's TargetObject is the result. Token files and keys are relative to the case file; tokens are never printed. Pester 5 must be loaded or importable.</para>
/// </summary>
/// <example>
/// <code>Invoke-RbacPolicyTest -Config ./examples/seed-repro.yaml -Path ./examples/seed-repro.cases.yaml -Output None |
///     Format-List CasePath, Semantics, PassedCount, FailedCount, CoveragePercent</code>
/// <para>Runs the example cases for the seed config under Corrected semantics: every case passes and every grant is exercised.</para>
/// </example>
/// <example>
/// <code>try { $null = Invoke-RbacPolicyTest -Config $config -Path ./examples/seed-repro.cases.yaml -Semantics Upstream -Output None -WarningAction SilentlyContinue }
/// catch { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)"; $_.TargetObject.Cases | Where-Object Passed -eq $false | Format-Table Target, Role, Allowed -AutoSize }</code>
/// <para>Runs the same cases under Upstream (LiteLLM today): the run fails with PolicyTestFailed, and the error's TargetObject (the result) shows the cases LiteLLM decides differently: wildcards and '*' grant nothing, and tokens with a user id become internal_user.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "RbacPolicyTest")]
[OutputType(typeof(RbacPolicyTestResult))]
public sealed class InvokeRbacPolicyTestCommand : ConfigCmdlet
{
    // Runs inside the caller's runspace: the module's PolicyCases.Tests.ps1 is the container; its tests call back into the runner.
    private const string PesterScript = @"
param($ContainerPath, $Runner, $Tests, $Title, $UserConfiguration, $Verbosity, $OutputFormat, $OutputPath)
$container = New-PesterContainer -Path $ContainerPath -Data @{ Runner = $Runner; Tests = $Tests; Title = $Title }
$configuration = if ($null -ne $UserConfiguration) { [PesterConfiguration]::Merge([PesterConfiguration]::Default, [PesterConfiguration]$UserConfiguration) } else { New-PesterConfiguration }
$configuration.Run.Path = [string[]]@()
$configuration.Run.Container = $container
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Run.Throw = $false
if ($Verbosity) { $configuration.Output.Verbosity = $Verbosity }
if ($OutputPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = $OutputPath
    $configuration.TestResult.OutputFormat = $OutputFormat
}
Invoke-Pester -Configuration $configuration
";

    private const string PesterImportScript = @"
$pester = Get-Module Pester | Where-Object { $_.Version.Major -ge 5 } | Select-Object -First 1
if (-not $pester) { $pester = Import-Module Pester -MinimumVersion 5.0 -Global -PassThru -ErrorAction SilentlyContinue | Select-Object -First 1 }
$pester
";

    /// <summary>
    /// <para type="description">The policy case file (YAML). Token, JWKS and key files named in it are relative to it.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">Corrected or Upstream; overrides the case file's semantics (which defaults to Corrected).</para>
    /// </summary>
    [Parameter]
    public RbacSemantics? Semantics { get; set; }

    /// <summary>
    /// <para type="description">The least coverage accepted, in percent of the config's grants (models and routes patterns, empty lists); below it the run fails with PolicyCoverageBelowThreshold.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0.0, 100.0)]
    public double? CoverageThreshold { get; set; }

    /// <summary>
    /// <para type="description">The format of the test result file written to -OutputPath: JUnitXml (default), NUnitXml, NUnit2.5 or NUnit3.</para>
    /// </summary>
    [Parameter]
    [ValidateSet("JUnitXml", "NUnitXml", "NUnit2.5", "NUnit3")]
    public string OutputFormat { get; set; } = "JUnitXml";

    /// <summary>
    /// <para type="description">Where Pester writes the test result file (TestResult.OutputPath); without it, no file is written unless -PesterConfiguration asks for one.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    /// <summary>
    /// <para type="description">Pester's console output: None, Normal (default), Detailed or Diagnostic (Output.Verbosity).</para>
    /// </summary>
    [Parameter]
    [ValidateSet("None", "Normal", "Detailed", "Diagnostic")]
    public string? Output { get; set; }

    /// <summary>
    /// <para type="description">A Pester configuration (New-PesterConfiguration, or a hashtable of its sections) for everything else: result files, filters, CI settings. Its Run.Path, Run.Container, Run.PassThru, Run.Exit and Run.Throw are set by this cmdlet.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object? PesterConfiguration { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var casePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        PolicyCaseFile file;
        try
        {
            file = PolicyCaseReader.ReadFile(casePath);
        }
        catch (RbacException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, casePath));
            return;
        }

        var semantics = Semantics ?? (file.Semantics is { } fileSemantics ? (RbacSemantics)(int)fileSemantics : RbacSemantics.Corrected);
        EnsurePester();
        var configuration = ResolvedConfig.Configuration;
        var runner = new RbacPolicyCaseRunner(file, new PolicyCaseEvaluator(configuration, ToCore(semantics)));
        var title = $"Policy cases {System.IO.Path.GetFileName(casePath)} on {System.IO.Path.GetFileName(configuration.Path ?? "<yaml>")} ({semantics})";
        var outputPath = OutputPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        var run = InvokeCommand.InvokeScript(false, ScriptBlock.Create(PesterScript), null, ContainerPath(), runner, Tests(file, casePath), title, PesterConfiguration, Output, OutputFormat, outputPath);
        var pester = run.Count > 0 ? run[run.Count - 1] : null;

        WriteTrace(() => PolicyTrace.Explain(runner.Outcomes));
        var coverage = PolicyCoverage.Measure(configuration, runner.Outcomes);
        var result = new RbacPolicyTestResult(
            casePath,
            configuration.Path,
            semantics,
            runner.Outcomes.Select(o => new RbacPolicyCaseResult(o)).ToList(),
            coverage.Items.Select(i => new RbacPolicyCoverage(i)).ToList(),
            coverage.Percent,
            CoverageThreshold,
            Count(pester, "PassedCount"),
            FailedCount(pester),
            pester?.BaseObject);

        if (result.Unexercised.Count > 0)
        {
            WriteWarning($"{result.Unexercised.Count} of {result.Coverage.Count} role_permissions grants are not exercised by any case ({result.CoveragePercent}% covered): " +
                string.Join(", ", result.Unexercised.Select(i => $"{i.YamlPath} {(i.Pattern is null ? "[]" : "'" + i.Pattern + "'")} ({i.Role})")));
        }

        WriteObject(result);
        if (result.FailedCount > 0)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"{result.FailedCount} of {result.FailedCount + result.PassedCount} policy tests failed ({System.IO.Path.GetFileName(casePath)}, {semantics})."),
                ErrorIds.PolicyTestFailed,
                ErrorCategory.InvalidResult,
                result));
        }

        if (CoverageThreshold is { } threshold && result.CoveragePercent < threshold)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"Policy coverage is {result.CoveragePercent}%, below the threshold of {threshold}%: {result.Unexercised.Count} of {result.Coverage.Count} role_permissions grants are not exercised."),
                ErrorIds.PolicyCoverageBelowThreshold,
                ErrorCategory.InvalidResult,
                result));
        }
    }

    private string ContainerPath()
    {
        var moduleBase = MyInvocation.MyCommand.Module?.ModuleBase;
        var path = moduleBase is null ? null : System.IO.Path.Combine(moduleBase, "PolicyCases.Tests.ps1");
        // The cmdlet DLL sits in bin/<tfm>/ below the module root, where the container script is.
        var candidates = new[] { path, moduleBase is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(moduleBase, "..", "..", "PolicyCases.Tests.ps1")) };
        foreach (var candidate in candidates)
        {
            if (candidate is not null && File.Exists(candidate))
            {
                return candidate;
            }
        }

        ThrowTerminatingError(ErrorRecords.Create(
            ErrorIds.PesterNotAvailable,
            ErrorCategory.ObjectNotFound,
            "The module's Pester container PolicyCases.Tests.ps1 is missing; reinstall ModelRbac.",
            moduleBase));
        return null!;
    }

    private void EnsurePester()
    {
        var found = InvokeCommand.InvokeScript(PesterImportScript);
        if (found.Count == 0 || found[0] is null)
        {
            ThrowTerminatingError(ErrorRecords.Create(
                ErrorIds.PesterNotAvailable,
                ErrorCategory.NotInstalled,
                "Invoke-RbacPolicyTest runs the cases with Pester 5, which is neither loaded nor installed. Import Pester 5 first (Import-Module <path>/Pester.psd1), or install it.",
                null));
        }
    }

    /// <summary>One Pester test per case and target: names, indexes and where the case is.</summary>
    private static object[] Tests(PolicyCaseFile file, string casePath)
    {
        var tests = new List<object>();
        foreach (var policyCase in file.Cases)
        {
            for (var i = 0; i < policyCase.Targets.Count; i++)
            {
                var target = policyCase.Targets[i];
                var name = policyCase.Targets.Count == 1 ? policyCase.Name : $"{policyCase.Name} [{(target.Length == 0 ? "no model" : target)}]";
                tests.Add(new Hashtable
                {
                    ["Name"] = name,
                    ["CaseIndex"] = policyCase.Index,
                    ["TargetIndex"] = i,
                    ["File"] = casePath,
                    ["Line"] = policyCase.Location.Line,
                    ["LineText"] = "name: " + policyCase.Name,
                });
            }
        }

        return tests.ToArray();
    }

    private static int FailedCount(PSObject? pester) =>
        pester is null ? 1 : Count(pester, "FailedCount") + Count(pester, "FailedBlocksCount") + Count(pester, "FailedContainersCount");

    private static int Count(PSObject? pester, string property) =>
        pester?.Properties[property]?.Value is { } value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
