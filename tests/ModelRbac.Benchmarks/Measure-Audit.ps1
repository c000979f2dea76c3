<#
.SYNOPSIS
    Times the audit cmdlets on the shared workload inside pwsh (build.ps1 -Task Bench): the access matrix
    (5,000 deployments x 3 roles), the diff of two such configs, the diff across semantics, the lint and the HTML page.
.DESCRIPTION
    The second config is the workload after a pull request, made exactly as Workload.MakeVariant makes it:
    internal_user loses every tenth models entry, team trades "bedrock-claude-*", "azure/*" for "bedrock-*", "vertex_ai/*".
    Each figure is the median of -Repeat runs after one warm-up run, with the configs already imported (the
    import itself is timed separately).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Workload,
    [int] $Repeat = 5
)

$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest

$configPath = Join-Path $Workload 'config.yaml'
$lines = [IO.File]::ReadAllText($configPath).Split("`n")
for ($i = 0; $i + 1 -lt $lines.Count; $i++) {
    if ($lines[$i] -ceq '    - role: "internal_user"') {
        $head = '      models: ['
        $items = $lines[$i + 1].Substring($head.Length, $lines[$i + 1].Length - $head.Length - 1).Split(', ')
        $kept = for ($j = 0; $j -lt $items.Count; $j++) { if ($j % 10 -ne 0) { $items[$j] } }
        $lines[$i + 1] = $head + ($kept -join ', ') + ']'
    }
    elseif ($lines[$i] -ceq '    - role: "team"') {
        $lines[$i + 1] = $lines[$i + 1].Replace('"bedrock-claude-*", "azure/*"', '"bedrock-*", "vertex_ai/*"')
    }
}
$variantPath = Join-Path ([IO.Path]::GetTempPath()) "modelrbac-variant-$PID.yaml"
[IO.File]::WriteAllText($variantPath, ($lines -join "`n"))
$report = Join-Path ([IO.Path]::GetTempPath()) "modelrbac-matrix-$PID.html"

function Measure-Median {
    param([string] $Name, [scriptblock] $Action)
    $null = & $Action   # warm-up (JIT)
    $result = $null
    $times = foreach ($i in 1..$Repeat) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = & $Action
        $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }
    $median = ($times | Sort-Object)[[int][math]::Floor($Repeat / 2)]
    '{0,-58} median {1,6:N0} ms over {2} runs ({3:N0} objects)' -f $Name, $median, $Repeat, @($result).Count
}

try {
    "pwsh $($PSVersionTable.PSVersion) on $([Environment]::ProcessorCount) cores; workload $Workload"
    Measure-Median 'Import-RbacConfig (5,000 deployments)' { Import-RbacConfig -LiteralPath $configPath }
    $config = Import-RbacConfig -LiteralPath $configPath
    $variant = Import-RbacConfig -LiteralPath $variantPath
    Measure-Median 'Get-RbacAccessMatrix (5,000 models x 3 roles)' { Get-RbacAccessMatrix -Config $config }
    Measure-Median 'Get-RbacAccessMatrix -Detailed (15,000 cells)' { Get-RbacAccessMatrix -Config $config -Detailed }
    Measure-Median 'Compare-RbacConfig (workload vs pull-request variant)' { Compare-RbacConfig -ReferenceConfig $config -DifferenceConfig $variant }
    Measure-Median 'Compare-RbacConfig -AcrossSemantics' { Compare-RbacConfig -Config $config -AcrossSemantics }
    Measure-Median 'Test-RbacConfig (loaded config)' { Test-RbacConfig -Config $config }
    Measure-Median 'Get-RbacAccessMatrix -AsHtml -Path (matrix + lint + page)' { Get-RbacAccessMatrix -Config $config -AsHtml -Path $report }
    Measure-Median 'Get-RbacAccessMatrix -Config <path> (import + matrix)' { Get-RbacAccessMatrix -Config $configPath }
    Measure-Median 'Compare-RbacConfig <path> <path> (import both + diff)' { Compare-RbacConfig -ReferenceConfig $configPath -DifferenceConfig $variantPath }
}
finally {
    Remove-Item -LiteralPath $variantPath, $report -ErrorAction SilentlyContinue
}
