<#
.SYNOPSIS
    Runs a policy case file against a LiteLLM config in CI: Pester's JUnit XML, a coverage threshold, an exit code.
.DESCRIPTION
    Imports Pester 5 (already loaded, installed, or the 5.7.1 that `dotnet restore` puts in the NuGet cache) and
    ModelRbac (the built module under out/ unless -ModuleManifest says otherwise), then runs Invoke-RbacPolicyTest.
    Exit codes: 0 every case passed and coverage is at or above the threshold; 1 a case failed or coverage is below
    the threshold; 2 the run could not start (module, Pester, config or case file unusable).
.EXAMPLE
    dotnet pwsh -NoProfile -File ./examples/Invoke-PolicyTests.ps1 -Config ./examples/seed-repro.yaml -Cases ./examples/seed-repro.cases.yaml -OutputPath ./out/policy-tests.xml -CoverageThreshold 80
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Config,
    [Parameter(Mandatory)] [string] $Cases,
    [string] $OutputPath = './out/policy-tests.xml',
    [ValidateSet('JUnitXml', 'NUnitXml', 'NUnit2.5', 'NUnit3')] [string] $OutputFormat = 'JUnitXml',
    [ValidateRange(0, 100)] [double] $CoverageThreshold = 0,
    [ValidateSet('Corrected', 'Upstream')] [string] $Semantics,
    [string] $ModuleManifest,
    [string] $PesterManifest
)

$ErrorActionPreference = 'Stop'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }

try {
    if (-not $PesterManifest -and -not (Get-Module Pester | Where-Object { $_.Version.Major -ge 5 })) {
        $installed = Get-Module Pester -ListAvailable | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
        if ($installed) {
            $PesterManifest = $installed.Path
        }
        else {
            # The NuGet cache: build.ps1's restore downloads Pester 5.7.1 there.
            $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
            $PesterManifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
        }
    }
    if ($PesterManifest) { Import-Module $PesterManifest }

    if (-not $ModuleManifest) {
        $ModuleManifest = Get-ChildItem (Join-Path $PSScriptRoot '../out/ModelRbac/*/ModelRbac.psd1') | Sort-Object FullName | Select-Object -Last 1 -ExpandProperty FullName
        if (-not $ModuleManifest) { throw 'The module is not built: run ./build.ps1 -Task Build first, or pass -ModuleManifest.' }
    }
    Import-Module $ModuleManifest
}
catch {
    Write-Host "Policy tests could not start: $($_.Exception.Message)"
    exit 2
}

$parameters = @{ Config = $Config; Path = $Cases; OutputFormat = $OutputFormat; OutputPath = $OutputPath; CoverageThreshold = $CoverageThreshold }
if ($Semantics) { $parameters.Semantics = $Semantics }
try {
    $result = Invoke-RbacPolicyTest @parameters
}
catch {
    $result = $_.TargetObject
    Write-Host "$($_.FullyQualifiedErrorId -replace ',.*$'): $($_.Exception.Message)"
    if ($result -isnot [ModelRbac.RbacPolicyTestResult]) { exit 2 }
}

$result | Format-List | Out-String -Width 160 | Write-Host
$result.Coverage | Format-Table -AutoSize | Out-String -Width 160 | Write-Host
if ($result.Succeeded) { exit 0 } else { exit 1 }
