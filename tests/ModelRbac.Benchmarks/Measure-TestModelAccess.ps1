<#
.SYNOPSIS
    Times Test-ModelAccess deciding all of the workload's model names in one call, inside pwsh (build.ps1 -Task Bench).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Workload,
    [int] $Repeat = 5
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$config = Import-RbacConfig -LiteralPath (Join-Path $Workload 'config.yaml')
$names = [IO.File]::ReadAllLines((Join-Path $Workload 'models.txt')) | Where-Object { $_ }

# Warm up once (JIT), then take the median of the timed runs.
$null = Test-ModelAccess -Config $config -Role internal_user -Model $names
$times = foreach ($i in 1..$Repeat) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $answers = Test-ModelAccess -Config $config -Role internal_user -Model $names
    $watch.Stop()
    $watch.Elapsed.TotalMilliseconds
}

$median = ($times | Sort-Object)[[int][math]::Floor($Repeat / 2)]
$allowed = @($answers | Where-Object { $_ }).Count
"pwsh $($PSVersionTable.PSVersion) Test-ModelAccess -Model <{0:N0} names>: median {1:N0} ms over {2} runs ({3:N0} ns per decision), {4:N0} allowed" -f $names.Count, $median, $Repeat, ($median * 1e6 / $names.Count), $allowed
