# The built module: manifest, exports, version, and dependency isolation on pwsh.
BeforeAll {
    $script:module = Import-Module $env:MODELRBAC_MODULE -Force -PassThru
}

Describe 'ModelRbac module' {
    It 'exports exactly the manifest''s cmdlets' {
        (Get-Command -Module ModelRbac).Name | Sort-Object | Should -Be @('Compare-RbacConfig', 'Expand-RolePermission', 'Expand-RoleRoute', 'Get-JwtRbacRole', 'Get-RbacAccessMatrix', 'Import-RbacConfig', 'Invoke-RbacPolicyTest', 'Test-ModelAccess', 'Test-RbacConfig', 'Test-RouteAccess')
    }

    It 'stamps the manifest version into the cmdlet assembly' {
        $dll = Join-Path $module.ModuleBase 'bin/net8.0/ModelRbac.PowerShell.dll'
        [Diagnostics.FileVersionInfo]::GetVersionInfo($dll).FileVersion | Should -Be "$($module.Version).0"
    }

    It 'declares output types' {
        (Get-Command Test-ModelAccess).OutputType.Name | Should -Contain 'ModelRbac.ModelAccessDecision'
        (Get-Command Import-RbacConfig).OutputType.Name | Should -Contain 'ModelRbac.RbacConfig'
        (Get-Command Get-JwtRbacRole).OutputType.Name | Should -Contain 'ModelRbac.JwtRbacIdentity'
        (Get-Command Test-RouteAccess).OutputType.Name | Should -Contain 'ModelRbac.RouteAccessDecision'
        (Get-Command Expand-RoleRoute).OutputType.Name | Should -Contain 'ModelRbac.RoleRouteGrant'
        (Get-Command Invoke-RbacPolicyTest).OutputType.Name | Should -Contain 'ModelRbac.RbacPolicyTestResult'
        (Get-Command Get-RbacAccessMatrix).OutputType.Name | Should -Contain 'ModelRbac.RbacAccessMatrixRow'
        (Get-Command Get-RbacAccessMatrix).OutputType.Name | Should -Contain 'ModelRbac.RbacAccessCell'
        (Get-Command Compare-RbacConfig).OutputType.Name | Should -Contain 'ModelRbac.RbacAccessChange'
        (Get-Command Test-RbacConfig).OutputType.Name | Should -Contain 'ModelRbac.RbacLintFinding'
    }

    It 'loads ModelRbac.Core and YamlDotNet in its private load context' {
        $null = Import-RbacConfig -Yaml "model_list: []`n"
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ModelRbac.Core' }
        $yaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' }
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name | Should -Be 'ModelRbac'
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(@($yaml)[0]).Name | Should -Be 'ModelRbac'
    }

    It 'loads IdentityModel in its private load context' {
        # -SkipSignatureValidation with a JWKS-free token still goes through the validator, which touches IdentityModel
        # types; a signed check forces its crypto provider itself.
        $config = Import-RbacConfig -Yaml "general_settings:`n  litellm_jwtauth:`n    user_id_jwt_field: sub`n"
        $jwks = Join-Path $TestDrive 'jwks.json'
        '{"keys":[{"kty":"RSA","kid":"k","n":"wRoNvR6-APo6gUsv-y2fgCS4kgZWUAttcvGrq2QixEsLjCMWI6GBHPAdMXJwM00XlpHFQAbhK526blolF37_okdryhC_NbmXrAENRBUnfCs0jo7IePHpItMEptAfCiHmkIEbXBrsvaNqWdsWvQaDF-sbySlSRJ_lce8dYAK44tojFRr-MdnnMhVjKjtGhhOBqgh3EMH0j8yUcDkyqG1gHTP9lpiM0sljoWZGC6XMoFPeHdkrhfbfH6VX5_a89USfMdPFAqlQlsRUx3ogPgsDeENWsLwtibGbXHX9p3br6WtWtakoypXfydIkUMW7knGPPYobuiJDYr-7Ud8BJfG1AQ","e":"AQAB"}]}' | Set-Content -LiteralPath $jwks
        $header = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"alg":"RS256","kid":"k"}')).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"sub":"u"}')).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        { Get-JwtRbacRole -Token "$header.$payload.AAAA" -Config $config -JwksPath $jwks -ErrorAction Stop } |
            Should -Throw -ErrorId 'TokenSignatureInvalid,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand'
        foreach ($name in 'Microsoft.IdentityModel.Tokens', 'Microsoft.IdentityModel.Logging') {
            $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $name }
            @($assembly).Count | Should -BeGreaterThan 0
            @($assembly | ForEach-Object { [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }) | Should -Contain 'ModelRbac'
        }
    }

    It 'loads the core, YamlDotNet and IdentityModel lazily, not at import' {
        $script = "Import-Module '$env:MODELRBAC_MODULE'; [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name"
        # A fresh cache folder: pwsh replays the last session's startup JIT profile in the background, which may
        # compile (and so load) ModelRbac.Core ahead of use when earlier tests ran it in child processes.
        $savedCache = $env:XDG_CACHE_HOME
        try {
            $env:XDG_CACHE_HOME = Join-Path $TestDrive 'cache'
            $loaded = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script
        }
        finally { $env:XDG_CACHE_HOME = $savedCache }
        $LASTEXITCODE | Should -Be 0
        $loaded | Should -Contain 'ModelRbac.PowerShell'
        $loaded | Where-Object { $_ -eq 'ModelRbac.Core' -or $_ -eq 'YamlDotNet' -or $_ -like 'Microsoft.IdentityModel*' } | Should -BeNullOrEmpty
    }

    It 'keeps its Pester operator helpers private' {
        (Get-Command -Module ModelRbac -CommandType Function) | Should -BeNullOrEmpty
        Test-Path (Join-Path $module.ModuleBase 'ModelRbac.Pester.ps1') | Should -BeTrue
        Test-Path (Join-Path $module.ModuleBase 'PolicyCases.Tests.ps1') | Should -BeTrue
    }

    It 'ships about_ModelRbac help' {
        Get-Help about_ModelRbac | Out-String | Should -BeLike '*Corrected*Upstream*'
    }
}
