<#
.SYNOPSIS
    Import cost: a fresh pwsh that imports ModelRbac and makes a first decision on the example config, against a
    bare `pwsh -c 1`; the median of -Runs process starts each (build.ps1 -Task Bench).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $ConfigPath,
    [int] $Runs = 10
)

$ErrorActionPreference = 'Stop'
$pwsh = Join-Path $PSHOME 'pwsh'

function Measure-Median([string[]] $Arguments) {
    $times = foreach ($i in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & $pwsh @Arguments | Out-Null
        $watch.Stop()
        if ($LASTEXITCODE -ne 0) { throw "pwsh $Arguments failed" }
        $watch.Elapsed.TotalMilliseconds
    }
    ($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
}

$null = Measure-Median @('-NoProfile', '-c', '1')   # warm the file cache
$bare = Measure-Median @('-NoProfile', '-c', '1')
$decision = "Import-Module '$ModuleManifest'; if (-not (Test-ModelAccess -Config '$ConfigPath' -Role internal_user -Model bedrock-claude-haiku)) { exit 1 }"
$withModule = Measure-Median @('-NoProfile', '-c', $decision)
"bare pwsh -c 1: {0:N0} ms; import + first decision: {1:N0} ms; cost above bare: {2:N0} ms (median of {3})" -f $bare, $withModule, ($withModule - $bare), $Runs
