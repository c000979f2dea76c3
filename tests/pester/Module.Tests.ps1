# The built module: manifest, exports, version, and dependency isolation on pwsh.
BeforeAll {
    $script:module = Import-Module $env:MODELRBAC_MODULE -Force -PassThru
}

Describe 'ModelRbac module' {
    It 'exports exactly the manifest''s cmdlets' {
        (Get-Command -Module ModelRbac).Name | Sort-Object | Should -Be @('Expand-RolePermission', 'Expand-RoleRoute', 'Import-RbacConfig', 'Test-ModelAccess', 'Test-RouteAccess')
    }

    It 'stamps the manifest version into the cmdlet assembly' {
        $dll = Join-Path $module.ModuleBase 'bin/net8.0/ModelRbac.PowerShell.dll'
        [Diagnostics.FileVersionInfo]::GetVersionInfo($dll).FileVersion | Should -Be "$($module.Version).0"
    }

    It 'declares output types' {
        (Get-Command Test-ModelAccess).OutputType.Name | Should -Contain 'ModelRbac.ModelAccessDecision'
        (Get-Command Import-RbacConfig).OutputType.Name | Should -Contain 'ModelRbac.RbacConfig'
        (Get-Command Test-RouteAccess).OutputType.Name | Should -Contain 'ModelRbac.RouteAccessDecision'
        (Get-Command Expand-RoleRoute).OutputType.Name | Should -Contain 'ModelRbac.RoleRouteGrant'
    }

    It 'loads ModelRbac.Core and YamlDotNet in its private load context' {
        $null = Import-RbacConfig -Yaml "model_list: []`n"
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ModelRbac.Core' }
        $yaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' }
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name | Should -Be 'ModelRbac'
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(@($yaml)[0]).Name | Should -Be 'ModelRbac'
    }

    It 'ships about_ModelRbac help' {
        Get-Help about_ModelRbac | Out-String | Should -BeLike '*Corrected*Upstream*'
    }
}
