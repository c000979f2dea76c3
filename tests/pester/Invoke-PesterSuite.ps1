<#
.SYNOPSIS
    Runs the Pester suite against the built module (called by build.ps1 in a fresh child pwsh).
.DESCRIPTION
    Writes NUnit XML to the result directory and a JSON summary {Passed, Failed} that build.ps1 adds to the xunit counts.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultDirectory,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -RequiredVersion 5.7.1
# The test files import the built module from here; nothing installed elsewhere may shadow it.
$env:MODELRBAC_MODULE = (Resolve-Path $ModuleManifest).Path
# The NuGet packages folder (Pester sits at <packages>/pester/5.7.1/tools): Isolation.Tests.ps1 takes older
# YamlDotNet and IdentityModel copies from there.
$env:MODELRBAC_NUGET_PACKAGES = Split-Path (Split-Path (Split-Path (Split-Path (Resolve-Path $PesterManifest).Path)))

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultDirectory 'pester.xml'

$result = Invoke-Pester -Configuration $configuration
if ($null -eq $result) {
    # Pester itself failed (a plugin step, such as writing the report): that is a failure, never "0 failed".
    [pscustomobject]@{ Passed = 0; Failed = 1 } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
    Write-Host 'Pester: the run returned no result'
    exit 1
}

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
Write-Host "Pester: $($result.PassedCount) passed, $failed failed"
