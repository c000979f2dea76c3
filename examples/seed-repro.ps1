<#
.SYNOPSIS
    The seed issue (LiteLLM #27536) reproduced offline: which model calls the example config allows, under
    LiteLLM's behaviour today (Upstream) and what the config means (Corrected).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $ConfigPath = (Join-Path $PSScriptRoot 'seed-repro.yaml')
)

$ErrorActionPreference = 'Stop'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $ModuleManifest
$config = Import-RbacConfig -LiteralPath $ConfigPath

Write-Host "Config: $ConfigPath"
$config | Format-List | Out-String -Width 160 | Out-Host

Write-Host 'Model decisions (Corrected, with the Upstream verdict beside it):'
$requests = @(
    @{ Role = 'internal_user'; Model = 'bedrock-claude-draft-rep-sonnet' }
    @{ Role = 'internal_user'; Model = 'gpt-4o' }
    @{ Role = 'proxy_admin'; Model = 'gpt-4o' }
    @{ Role = 'team'; Model = 'gpt-4o' }
)
$decisions = foreach ($request in $requests) {
    Test-ModelAccess -Config $config -Role $request.Role -Model $request.Model -Detailed
}
$decisions | Format-Table -AutoSize | Out-String -Width 160 | Out-Host

Write-Host "LiteLLM's answer today for the seed request:"
(Test-ModelAccess -Config $config internal_user bedrock-claude-draft-rep-sonnet -Semantics Upstream -Detailed).Message | Out-Host

Write-Host ''
Write-Host 'Deployed models per role (Corrected):'
Expand-RolePermission -Config $config | Format-Table -AutoSize | Out-String -Width 160 | Out-Host
