#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and benchmarks ModelRbac.
.DESCRIPTION
    Build  assembles the importable module under out/ModelRbac/<version>/ (the version comes from ModelRbac.psd1).
    Test   builds, runs the xunit suites, the bounded fuzzing stage and the Pester suite (in a child pwsh against the
           built module), and ends
           with one line "N passed, M failed"; exits non-zero on any failure.
    Fuzz   runs only the bounded fuzzing stage (tests/ModelRbac.Fuzz) and prints its counts.
    Demo   builds and runs examples/seed-repro.ps1 on examples/seed-repro.yaml.
    Package  builds and writes out/package/ModelRbac.<version>.nupkg, installable with PSResourceGet.
    Bench  runs the BenchmarkDotNet suite on the shared workload (../shared/bench/make_workload.py).
    Clean  removes out/ and the projects' bin/obj folders.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Fuzz', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Extra arguments for BenchmarkDotNet (Bench), e.g. '--filter=*Model*' (with '=': a bare '*Model*' is globbed).
    [string[]] $BenchArguments = @(),

    # Fuzzing (Test, Fuzz): seconds and executions per target, whichever ends first, and the mutation seed. With the
    # executions reached first a run is repeatable: the same seed takes the same path through the same code.
    [double] $FuzzSeconds = 50,
    [hashtable] $FuzzExecutions = @{ token = 250000; config = 100000 },
    [int] $FuzzSeed = 1
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$version = (Import-PowerShellDataFile (Join-Path $root 'ModelRbac.psd1')).ModuleVersion
$moduleDir = Join-Path $out "ModelRbac/$version"
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Copy-Exact {
    # Copies an explicit allow-list of files and fails when one is missing, so the module never ships by accident.
    param([string] $From, [string] $To, [string[]] $Names)
    New-Item -ItemType Directory -Force -Path $To | Out-Null
    foreach ($name in $Names) {
        $source = Join-Path $From $name
        if (-not (Test-Path -LiteralPath $source)) { throw "Build output is missing $source" }
        Copy-Item -LiteralPath $source -Destination $To
    }
}

function Invoke-Build {
    $publish = Join-Path $out "publish"
    $project = Join-Path $root 'src/ModelRbac.PowerShell/ModelRbac.PowerShell.csproj'
    foreach ($framework in 'net8.0', 'net472') {
        Invoke-Native dotnet @('publish', $project, '-f', $framework, '-c', $Configuration, "-p:Version=$version",
            '-o', (Join-Path $publish $framework), '--nologo', '-v', 'quiet')
    }

    if (Test-Path $moduleDir) { Remove-Item -Recurse -Force $moduleDir }
    New-Item -ItemType Directory -Force -Path $moduleDir | Out-Null
    Copy-Item (Join-Path $root 'ModelRbac.psd1'), (Join-Path $root 'module/ModelRbac.psm1'), (Join-Path $root 'module/ModelRbac.Pester.ps1'), (Join-Path $root 'module/PolicyCases.Tests.ps1'), (Join-Path $root 'module/ModelRbac.Format.ps1xml') $moduleDir
    Copy-Item -Recurse (Join-Path $root 'module/en-US') $moduleDir

    # pwsh: the cmdlet assembly alone in bin/net8.0; the core and its dependencies in dependencies/ (private load context).
    # IdentityModel and what it needs on net8.0; System.Formats.Asn1 10.x is newer than net8.0's, so it ships too.
    $dependencies = @('ModelRbac.Core.dll', 'YamlDotNet.dll',
        'Microsoft.IdentityModel.Tokens.dll', 'Microsoft.IdentityModel.Logging.dll',
        'Microsoft.IdentityModel.Abstractions.dll', 'Microsoft.Bcl.Cryptography.dll', 'System.Formats.Asn1.dll',
        'Microsoft.Extensions.Logging.Abstractions.dll', 'Microsoft.Extensions.DependencyInjection.Abstractions.dll')
    Copy-Exact (Join-Path $publish 'net8.0') (Join-Path $moduleDir 'bin/net8.0') @('ModelRbac.PowerShell.dll')
    Copy-Exact (Join-Path $publish 'net8.0') (Join-Path $moduleDir 'bin/net8.0/dependencies') $dependencies
    # Windows PowerShell 5.1: no load contexts; dependencies sit beside the cmdlet assembly (built, not run-tested here).
    $desktop = Get-ChildItem (Join-Path $publish 'net472') -Filter *.dll | Where-Object Name -NotLike 'System.Management.Automation*' | ForEach-Object Name
    Copy-Exact (Join-Path $publish 'net472') (Join-Path $moduleDir 'bin/net472') $desktop

    # MAML help from the XML doc comments, with each example run for its real output (fresh pwsh: the DLL locks).
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $root 'src/help/New-MamlHelp.ps1') `
        -ModuleManifest (Join-Path $moduleDir 'ModelRbac.psd1') -DocumentationXml (Join-Path $publish 'net8.0/ModelRbac.PowerShell.xml') `
        -OutputPath (Join-Path $moduleDir 'en-US/ModelRbac.PowerShell.dll-Help.xml') -RepositoryRoot $root -PesterManifest (Get-PesterManifest)
    if ($LASTEXITCODE -ne 0) { throw 'Help generation failed' }
    Write-Host "Built module: $moduleDir"
}

function Get-PesterManifest {
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 was not restored (expected $manifest)" }
    return $manifest
}

function Read-TrxCounts {
    param([string] $Path)
    [xml] $trx = Get-Content -Raw -LiteralPath $Path
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted }
}

function Invoke-Test {
    Invoke-Build
    # The JWT tests sign tokens with jose and serve keys from oidc-provider (tests/node, versions in package-lock.json).
    Invoke-Native npm @('ci', '--prefix', (Join-Path $root 'tests/node'), '--no-audit', '--no-fund', '--loglevel', 'error')
    $results = Join-Path $out 'TestResults'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    New-Item -ItemType Directory -Force -Path $results | Out-Null

    $passed = 0; $failed = 0
    $suites = @(
        @{ Name = 'core'; Project = 'tests/ModelRbac.Core.Tests/ModelRbac.Core.Tests.csproj' }
        @{ Name = 'cmdlets'; Project = 'tests/ModelRbac.PowerShell.Tests/ModelRbac.PowerShell.Tests.csproj' }
        @{ Name = 'properties'; Project = 'tests/ModelRbac.Fuzz.Tests/ModelRbac.Fuzz.Tests.csproj' }
    )
    foreach ($suite in $suites) {
        $trx = "$($suite.Name).trx"
        & dotnet test (Join-Path $root $suite.Project) -c $Configuration --nologo -v quiet `
            --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $results
        $trxPath = Join-Path $results $trx
        if (-not (Test-Path $trxPath)) { Write-Warning "xunit suite '$($suite.Name)' produced no results"; $failed++; continue }
        $counts = Read-TrxCounts $trxPath
        $passed += $counts.Passed; $failed += $counts.Failed
    }

    $fuzz = Invoke-Fuzz -Results $results
    $passed += $fuzz.Passed; $failed += $fuzz.Failed

    $pesterSummary = Join-Path $results 'pester-summary.json'
    $childPwsh = Join-Path $PSHOME 'pwsh'
    & $childPwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1') `
        -ModuleManifest (Join-Path $moduleDir 'ModelRbac.psd1') -PesterManifest (Get-PesterManifest) `
        -ResultDirectory $results -SummaryPath $pesterSummary
    if (Test-Path $pesterSummary) {
        $pester = Get-Content -Raw $pesterSummary | ConvertFrom-Json
        $passed += [int]$pester.Passed; $failed += [int]$pester.Failed
    }
    else {
        Write-Warning 'The Pester run produced no summary'; $failed++
    }

    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Fuzz {
    # Coverage-guided fuzzing of the token and config parsers, in process: SharpFuzz instruments ModelRbac.Core and
    # YamlDotNet in a copy of the harness's build output, and the harness mutates inputs that reach new edges.
    # Each target counts as one test: passed without findings, failed with them (kept in out/fuzz/findings/TARGET;
    # copy a .bin into tests/fixtures/fuzz/TARGET to make it a regression fixture once fixed).
    param([string] $Results = (Join-Path $out 'TestResults'))
    $fuzzRoot = Join-Path $out 'fuzz'
    $bin = Join-Path $fuzzRoot 'bin'
    if (Test-Path $fuzzRoot) { Remove-Item -Recurse -Force $fuzzRoot }
    New-Item -ItemType Directory -Force -Path $Results | Out-Null
    Invoke-Native dotnet @('build', (Join-Path $root 'tests/ModelRbac.Fuzz/ModelRbac.Fuzz.csproj'), '-c', $Configuration, '-o', $bin, '--nologo', '-v', 'quiet') | Out-Host
    $harness = Join-Path $bin 'ModelRbac.Fuzz.dll'
    Invoke-Native dotnet @($harness, 'instrument', $bin) | Out-Host

    $counts = [pscustomobject]@{ Passed = 0; Failed = 0 }
    foreach ($target in 'token', 'config') {
        $summary = Join-Path $Results "fuzz-$target.json"
        & dotnet $harness run --target $target --seconds $FuzzSeconds --iterations $FuzzExecutions[$target] --seed $FuzzSeed `
            --findings (Join-Path $fuzzRoot "findings/$target") --summary $summary | Out-Host
        if (-not (Test-Path $summary)) { Write-Warning "Fuzzing '$target' produced no summary"; $counts.Failed++; continue }
        $result = Get-Content -Raw $summary | ConvertFrom-Json
        if ($result.Findings.Count -eq 0) { $counts.Passed++ } else { $counts.Failed++ }
    }

    return $counts
}

function Invoke-Demo {
    Invoke-Build
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $root 'examples/seed-repro.ps1') -ModuleManifest (Join-Path $moduleDir 'ModelRbac.psd1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Bench {
    $workload = Join-Path $out 'bench-workload'
    if (-not (Test-Path (Join-Path $workload 'config.yaml'))) {
        $generator = Join-Path $root '../shared/bench/make_workload.py'
        if (-not (Test-Path $generator)) { throw "The shared workload generator is missing: $generator" }
        Invoke-Native python3 @($generator, $workload)
    }

    $env:MODELRBAC_WORKLOAD = $workload
    # '--filter=*', not '--filter', '*': pwsh on Unix globs a bare '*' passed to a native command into file names.
    $filter = if ($BenchArguments -like '--filter*') { @() } else { @('--filter=*') }
    Invoke-Native dotnet (@('run', '--project', (Join-Path $root 'tests/ModelRbac.Benchmarks'), '-c', 'Release', '--') + $filter + $BenchArguments)

    # The same decisions in one Test-ModelAccess call inside pwsh, and LiteLLM's proposed Python loop on the same files.
    Invoke-Build
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $root 'tests/ModelRbac.Benchmarks/Measure-TestModelAccess.ps1') `
        -ModuleManifest (Join-Path $moduleDir 'ModelRbac.psd1') -Workload $workload
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $root 'tests/ModelRbac.Benchmarks/Measure-ImportTime.ps1') `
        -ModuleManifest (Join-Path $moduleDir 'ModelRbac.psd1') -ConfigPath (Join-Path $root 'examples/seed-repro.yaml')
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $root 'tests/ModelRbac.Benchmarks/Measure-Audit.ps1') `
        -ModuleManifest (Join-Path $moduleDir 'ModelRbac.psd1') -Workload $workload
    if (Get-Command python3 -ErrorAction SilentlyContinue) {
        Invoke-Native python3 @((Join-Path $root 'tests/ModelRbac.Benchmarks/fnmatch_loop.py'), $workload)
    }
}

function Invoke-Package {
    Invoke-Build
    $destination = Join-Path $out 'package'
    if (Test-Path $destination) { Remove-Item -Recurse -Force $destination }
    New-Item -ItemType Directory -Force -Path $destination | Out-Null
    Import-Module Microsoft.PowerShell.PSResourceGet
    Compress-PSResource -Path $moduleDir -DestinationPath $destination
    $package = Join-Path $destination "ModelRbac.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Compress-PSResource did not write $package" }
    Write-Host "Package: $package"
}

function Invoke-Clean {
    if (Test-Path $out) { Remove-Item -Recurse -Force $out }
    Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests') -Directory -Recurse -Include bin, obj |
        Where-Object { $_.FullName -notmatch 'node_modules' } | Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Fuzz' {
        $fuzz = Invoke-Fuzz
        Write-Host "$($fuzz.Passed) passed, $($fuzz.Failed) failed"
        if ($fuzz.Failed -gt 0) { exit 1 }
    }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
