# Loads the cmdlet assembly built for this edition. ModelRbac.Core and its dependencies are loaded on first use
# into a private AssemblyLoadContext by the assembly's module initializer (pwsh), so importing stays cheap.
if ($PSVersionTable.PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw "ModelRbac needs PowerShell 7.4 or later (this is $($PSVersionTable.PSVersion)), or Windows PowerShell 5.1."
    }
    $framework = 'net8.0'
}
else {
    $framework = 'net472'
}

$binaryModule = Import-Module -Name ([IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'ModelRbac.PowerShell.dll')) -PassThru

# Pester Should operators (BeAllowedModel, BeAllowedRoute, HaveRbacRole), registered whichever module comes first.
# Their code (ModelRbac.Pester.ps1) is read only once a Pester 5 is loaded, so an import without Pester stays cheap.
$script:RbacShouldRegisteredFor = @()
$script:RbacShouldOperators = $null

function Register-RbacShouldOperator {
    # Every loaded Pester 5 gets the operators once (Pester ignores an identical re-registration).
    $pesters = foreach ($pester in Get-Module -Name Pester) {
        if ($pester.Version.Major -ge 5 -and $script:RbacShouldRegisteredFor -notcontains $pester) { $pester }
    }
    if ($null -eq $pesters) { return }
    if ($null -eq $script:RbacShouldOperators) { . ([IO.Path]::Combine($PSScriptRoot, 'ModelRbac.Pester.ps1')) }
    foreach ($pester in $pesters) {
        $add = $pester.ExportedFunctions['Add-ShouldOperator']
        if ($null -eq $add) { continue }
        foreach ($name in $script:RbacShouldOperators.Keys) {
            try {
                & $add -Name $name -Test $script:RbacShouldOperators[$name]
            }
            catch {
                Write-Warning "ModelRbac could not register Should -$name with Pester $($pester.Version): $($_.Exception.Message)"
            }
        }
        $script:RbacShouldRegisteredFor += @($pester)
    }
}

if ([ModelRbac.PowerShell.Infrastructure.PesterOperatorHook]::IsPesterAssemblyLoaded()) { Register-RbacShouldOperator }

# Pester imported after ModelRbac: register when one of Pester's entry points is looked up (before Should binds its
# parameters). The engine has a single PostCommandLookupAction: an existing one is chained, and restored on removal.
$script:RbacLookupHook = [ModelRbac.PowerShell.Infrastructure.PesterOperatorHook]::new(${function:Register-RbacShouldOperator}, $ExecutionContext.InvokeCommand.PostCommandLookupAction)
$ExecutionContext.InvokeCommand.PostCommandLookupAction = $script:RbacLookupHook.Handler

function Unregister-RbacShouldHook {
    if ([object]::ReferenceEquals($ExecutionContext.InvokeCommand.PostCommandLookupAction, $script:RbacLookupHook.Handler)) {
        $ExecutionContext.InvokeCommand.PostCommandLookupAction = $script:RbacLookupHook.Previous
    }
}

$ExecutionContext.SessionState.Module.OnRemove = {
    Unregister-RbacShouldHook
    Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue
}
