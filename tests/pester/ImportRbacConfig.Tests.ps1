# Bad configs: each gives the contract's error id and location, and never an allowed decision.
BeforeDiscovery {
    $script:badConfigs = @(
        @{ Name = 'YAML syntax error'; Yaml = "general_settings:`n  role_permissions: [`n    - role: team`n  x: : :`n"; ErrorId = 'ConfigParseError'; Where = 'bad.yaml:' }
        @{ Name = 'role_permissions as a map'; Yaml = "general_settings:`n  role_permissions:`n    internal_user:`n      models: [a]`n"; ErrorId = 'ConfigInvalid'; Where = 'general_settings.role_permissions' }
        @{ Name = 'an unknown role'; Yaml = "general_settings:`n  role_permissions:`n    - role: internal_user_viewer`n      models: [a]`n"; ErrorId = 'ConfigInvalid'; Where = 'general_settings.role_permissions[0].role' }
        @{ Name = 'user_roles_jwt_field without user_allowed_roles'; Yaml = "general_settings:`n  litellm_jwtauth:`n    user_roles_jwt_field: roles`n"; ErrorId = 'ConfigInvalid'; Where = 'litellm_jwtauth.user_roles_jwt_field' }
        @{ Name = 'an alias bomb'; Yaml = ("a: &a [x,x,x,x,x,x,x,x,x,x]`n" + (-join ('b'..'j' | ForEach-Object { $p = [char]([int][char]$_ - 1); "${_}: &${_} [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]`n" }))); ErrorId = 'ConfigInvalid'; Where = 'alias' }
    )
}

BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
}

Describe 'Import-RbacConfig rejects bad configs' {
    It '<Name> is <ErrorId> naming <Where>' -ForEach $badConfigs {
        $file = Join-Path $TestDrive 'bad.yaml'
        Set-Content -LiteralPath $file -Value $Yaml -NoNewline
        $errorRecord = $null
        Import-RbacConfig -LiteralPath $file -ErrorVariable errorRecord -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errorRecord.FullyQualifiedErrorId | Should -Be "$ErrorId,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand"
        $errorRecord.Exception.Message | Should -Match ([regex]::Escape($Where))
    }

    It '<Name> makes Test-ModelAccess stop with <ErrorId>, answering nothing' -ForEach $badConfigs {
        $file = Join-Path $TestDrive 'bad.yaml'
        Set-Content -LiteralPath $file -Value $Yaml -NoNewline
        $answers = $null
        { $script:answers = Test-ModelAccess -Config $file -Role proxy_admin -Model gpt-4o } |
            Should -Throw -ErrorId "$ErrorId,ModelRbac.PowerShell.Commands.TestModelAccessCommand"
        $answers | Should -BeNullOrEmpty
    }

    It 'a missing file is ConfigNotFound' {
        { Import-RbacConfig -LiteralPath (Join-Path $TestDrive 'absent.yaml') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigNotFound,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand'
    }

    It 'a wildcard path that matches nothing is ConfigNotFound too' {
        { Import-RbacConfig -Path (Join-Path $TestDrive 'nothing-here*.yaml') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigNotFound,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand'
    }

    It 'a missing environment variable fails the decision that needs it with ConfigEnvironmentMissing' {
        $config = Import-RbacConfig -Yaml "general_settings:`n  litellm_jwtauth:`n    enforce_rbac: true`n  role_permissions:`n    - role: team`n      models: [os.environ/MODELRBAC_UNSET_FOR_TEST]`n"
        $errors = $null
        $answer = Test-ModelAccess -Config $config -Role team -Model a -ErrorVariable errors -ErrorAction SilentlyContinue
        $answer | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'ConfigEnvironmentMissing,ModelRbac.PowerShell.Commands.TestModelAccessCommand'
        $errors[0].Exception.Message | Should -Match ([regex]::Escape('<yaml>:6:16 (general_settings.role_permissions[0].models[0])'))
        $errors[0].Exception.Message | Should -Match 'MODELRBAC_UNSET_FOR_TEST'
    }

    It '-Environment supplies the variable' {
        $yaml = "general_settings:`n  litellm_jwtauth:`n    enforce_rbac: true`n  role_permissions:`n    - role: team`n      models: [os.environ/TEAM_MODEL]`n"
        $config = Import-RbacConfig -Yaml $yaml -Environment @{ TEAM_MODEL = 'gpt-4o' }
        Test-ModelAccess -Config $config -Role team -Model gpt-4o | Should -BeTrue
    }

    It 'an unknown litellm_jwtauth key is a warning naming the closest key, not a failure' {
        $config = Import-RbacConfig -Yaml "general_settings:`n  litellm_jwtauth:`n    user_id_jwt_feild: sub`n" -WarningVariable warnings -WarningAction SilentlyContinue
        $config | Should -Not -BeNullOrEmpty
        $warnings | Should -HaveCount 1
        "$warnings" | Should -BeLike "*'user_id_jwt_field'*"
    }
}

Describe 'Real LiteLLM configs' {
    It '<_> loads and expands' -ForEach (Get-ChildItem (Join-Path $PSScriptRoot '../../../shared/fixtures/litellm-configs') -Filter *.yaml | ForEach-Object Name) {
        $path = Join-Path $PSScriptRoot "../../../shared/fixtures/litellm-configs/$_"
        $config = Import-RbacConfig -LiteralPath $path -ErrorAction Stop -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $grants = Expand-RolePermission -Config $config
        $grants.Count | Should -Be (3 * @($config.Deployments.ModelName | Sort-Object -Unique).Count)
    }
}
