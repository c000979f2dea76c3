@{
    # The version here is the single source of truth: build.ps1 stamps it into the assemblies.
    RootModule             = 'ModelRbac.psm1'
    ModuleVersion          = '0.1.0'
    GUID                   = 'c162cbfd-10e3-4228-af2c-a55c6123e155'
    Author                 = 'ModelRbac contributors'
    CompanyName            = 'ModelRbac'
    Copyright              = '(c) ModelRbac contributors. MIT licence.'
    Description            = 'Offline, CI-testable answers to "may this identity call this model or route, and why" for LiteLLM proxy configs and JWTs, under LiteLLM''s behaviour today (Upstream) and what the config means (Corrected).'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions   = @('Desktop', 'Core')
    FormatsToProcess       = @('ModelRbac.Format.ps1xml')
    CmdletsToExport        = @(
        'Import-RbacConfig'
        'Test-ModelAccess'
        'Expand-RolePermission'
        'Get-JwtRbacRole'
        'Test-RouteAccess'
        'Expand-RoleRoute'
        'Invoke-RbacPolicyTest'
        'Get-RbacAccessMatrix'
        'Compare-RbacConfig'
        'Test-RbacConfig'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('LiteLLM', 'RBAC', 'JWT', 'LLM', 'Gateway', 'Policy', 'Pester', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows', 'MacOS')
            ProjectUri = 'https://example.invalid/modelrbac'
        }
    }
}
