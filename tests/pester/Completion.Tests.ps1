# Argument completers and -Verbose decision traces of the built module.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:seed = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/seed-repro.yaml')).Path
    $script:routes = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/route-gate.yaml')).Path

    function Get-Completion([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
    }
}

Describe 'Argument completion' {
    It '-Model completes the config''s deployed model names' {
        Get-Completion "Test-ModelAccess -Config '$seed' -Role internal_user -Model bedrock-" |
            Should -Be @('bedrock-claude-draft-rep-sonnet', 'bedrock-claude-haiku')
    }

    It '-Role completes the config''s roles first, then the other RBAC roles' {
        Get-Completion "Test-ModelAccess -Config '$seed' -Role " | Should -Be @('internal_user', 'proxy_admin', 'team')
        Get-Completion "Expand-RolePermission -Config '$seed' -Role p" | Should -Be @('proxy_admin')
    }

    It 'the audit cmdlets'' -Role and -Model filters complete from the config too' {
        Get-Completion "Get-RbacAccessMatrix -Config '$seed' -Role p" | Should -Be @('proxy_admin')
        Get-Completion "Get-RbacAccessMatrix -Config '$seed' -Model bedrock-" | Should -Be @('bedrock-claude-draft-rep-sonnet', 'bedrock-claude-haiku')
        Get-Completion "Compare-RbacConfig -ReferenceConfig '$seed' -DifferenceConfig '$seed' -Model bedrock-" | Should -Be @('bedrock-claude-draft-rep-sonnet', 'bedrock-claude-haiku')
        Get-Completion "Compare-RbacConfig -ReferenceConfig '$seed' -DifferenceConfig '$seed' -Role t" | Should -Be @('team')
    }

    It '-Semantics completes its values' {
        Get-Completion "Test-ModelAccess -Config '$seed' -Semantics " | Should -Be @('Corrected', 'Upstream')
    }

    It '-Route completes the templates the role may call' {
        Get-Completion "Test-RouteAccess -Config '$routes' -Role internal_user -Route /v1/" | Should -Be @('/v1/models', "'/v1/threads/{thread_id}'")
    }

    It 'completes nothing, without error, for a config that does not load' {
        Get-Completion "Test-ModelAccess -Config '$TestDrive/absent.yaml' -Role internal_user -Model x" | Should -BeNullOrEmpty
    }
}

Describe '-Verbose decision traces' {
    It 'Test-ModelAccess names the applying entry, the granting pattern and Upstream''s reason' {
        $trace = Test-ModelAccess -Config $seed -Role internal_user -Model bedrock-claude-haiku -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $trace[0] | Should -BeLike '*role_permissions`[0`]*applies*'
        $trace[1] | Should -BeLike "Corrected: models``[0``] 'bedrock-claude-`*' is the first entry that grants it (Wildcard*"
        $trace[2] | Should -BeLike 'Upstream:*not an element of the list*'
    }

    It 'Get-JwtRbacRole shows each claim path''s value and the rule that fired, never the token' {
        $token = (Get-Content -Raw (Join-Path $PSScriptRoot '../../examples/alice.jwt')).Trim()
        $trace = Get-JwtRbacRole -Token $token -Config $seed -JwksPath (Join-Path $PSScriptRoot '../../examples/example-jwks.json') -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $trace | Should -Contain "user_roles_jwt_field 'resource_access.litellm.roles' resolves to [""proxy_admin""]."
        $trace | Should -Contain 'Corrected: a claimed role is in user_allowed_roles, giving proxy_admin (AllowedUserRole).'
        $trace | Should -Contain 'Upstream: the user id claim is present, giving internal_user (UserId).'
        foreach ($segment in $token.Split('.')) { ($trace -join "`n").Contains($segment) | Should -BeFalse }
    }

    It 'Test-RouteAccess says why Upstream does not read placeholders' {
        $trace = Test-RouteAccess -Config $routes -Role internal_user -Route /v1/threads/abc -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $trace | Should -Contain "Corrected: '/v1/threads/{thread_id}' is the first entry that grants it."
        ($trace -join "`n") | Should -BeLike '*Upstream: no entry grants it*placeholders*'
    }

    It 'Expand-RoleRoute names the entry that governs each role''s routes' {
        $trace = Expand-RoleRoute -Config $routes -Role internal_user -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $trace | Should -Be "role internal_user: $routes`:19:7 (general_settings.role_permissions[1]) applies; routes = ['/v1/models', '/models', '/v1/threads/{thread_id}']."
    }

    It 'Get-RbacAccessMatrix names each role''s entry and counts the divergent cells' {
        $trace = Get-RbacAccessMatrix -Config $seed -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $trace | Should -Contain 'role team: no role_permissions entry, so every deployed model is listed (Unrestricted).'
        $trace[-1] | Should -Be '3 models x 3 roles: 8 cells allowed under Corrected, 3 under Upstream; 5 diverge.'
    }

    It 'Compare-RbacConfig names each side''s entries and counts the changes' {
        $trace = Compare-RbacConfig -Config $seed -AcrossSemantics -Role internal_user -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $trace | Should -Contain "difference (Upstream): role internal_user: $seed`:26:7 (general_settings.role_permissions[0]) applies; models = ['bedrock-claude-*']."
        $trace | Should -Contain 'reference (Corrected): role internal_user: general_settings.role_permissions[0] has routes: null, so its routes are unrestricted (Unrestricted).'
        $trace[-1] | Should -Be '2 verdicts change from reference to difference.'
    }

    It 'writes no trace without -Verbose' {
        @(Test-ModelAccess -Config $seed -Role internal_user -Model gpt-4o 4>&1).Count | Should -Be 1
        @(Compare-RbacConfig -Config $seed -AcrossSemantics -Role internal_user 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }
}
