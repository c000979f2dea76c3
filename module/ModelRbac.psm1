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
. ([IO.Path]::Combine($PSScriptRoot, 'ModelRbac.Pester.ps1'))

$ExecutionContext.SessionState.Module.OnRemove = {
    Unregister-RbacShouldHook
    Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue
}
