# The Should operators the module registers with Pester: each passes and fails as it should, with messages that say
# why (Pester's own test-the-assertion pattern: the failing assertion is run inside { } | Should -Throw), and they
# are registered whichever of ModelRbac and Pester is imported first (fresh child processes).
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:examples = (Resolve-Path (Join-Path $PSScriptRoot '../../examples')).Path
    $script:config = Import-RbacConfig -LiteralPath (Join-Path $examples 'seed-repro.yaml')
    $script:routes = Join-Path $examples 'route-gate.yaml'
    $script:jwks = Join-Path $examples 'example-jwks.json'
    $script:token = (Get-Content -Raw -LiteralPath (Join-Path $examples 'alice.jwt')).Trim()

    # Should -Throw -ExpectedMessage matches with -like; the messages hold [ and *, so match them literally.
    function script:Literal([string] $Text) { [WildcardPattern]::Escape($Text) }
}

Describe 'Should -BeAllowedModel' {
    It 'passes for an allowed model, and -Not for a denied one' {
        'bedrock-claude-x' | Should -BeAllowedModel -Config $config -Role internal_user
        'gpt-4o' | Should -Not -BeAllowedModel -Config $config -Role internal_user
        'gpt-4o', 'bedrock-claude-haiku' | Should -BeAllowedModel -Config $config -Role proxy_admin -GrantSource AllModels -MatchedPattern '*'
    }

    It 'fails for a denied model with LiteLLM''s denial text' {
        { 'gpt-4o' | Should -BeAllowedModel -Config $config -Role internal_user } |
            Should -Throw -ExpectedMessage (Literal "Expected role internal_user to be allowed model 'gpt-4o' (Corrected), but it was denied: Role=internal_user not allowed to call model=gpt-4o. Allowed models=['bedrock-claude-*']")
    }

    It 'fails -Not for an allowed model, naming the granting entry and -Because' {
        { 'gpt-4o' | Should -Not -BeAllowedModel -Config $config -Role proxy_admin -Because 'admins are locked down' } |
            Should -Throw -ExpectedMessage (Literal "Expected role proxy_admin not to be allowed model 'gpt-4o' (Corrected), because admins are locked down, but it was allowed by general_settings.role_permissions[1].models[0] '*' (AllModels, line 29).")
    }

    It 'decides under -Semantics Upstream' {
        'bedrock-claude-x' | Should -Not -BeAllowedModel -Config $config -Role internal_user -Semantics Upstream
        { 'bedrock-claude-x' | Should -BeAllowedModel -Config $config -Role internal_user -Semantics Upstream } |
            Should -Throw -ExpectedMessage (Literal "Expected role internal_user to be allowed model 'bedrock-claude-x' (Upstream), but it was denied: Role=internal_user not allowed to call model=bedrock-claude-x. Allowed models=['bedrock-claude-*']")
    }

    It 'fails when the reason differs from -GrantSource or -MatchedPattern' {
        { 'bedrock-claude-x' | Should -BeAllowedModel -Config $config -Role internal_user -GrantSource Exact } |
            Should -Throw -ExpectedMessage (Literal "Expected role internal_user to be allowed model 'bedrock-claude-x' through GrantSource Exact (Corrected), but it was allowed by general_settings.role_permissions[0].models[0] 'bedrock-claude-*' (Wildcard, line 27).")
        { 'bedrock-claude-x' | Should -BeAllowedModel -Config $config -Role internal_user -MatchedPattern 'bedrock-*' } |
            Should -Throw -ExpectedMessage ((Literal "Expected role internal_user to be allowed model 'bedrock-claude-x' by 'bedrock-*' (Corrected), but it was allowed by ") + '*')
    }

    It 'tests a collection given as one value item by item, never as one joined name' {
        # 'bedrock-claude-x gpt-4o' joined would match bedrock-claude-*; gpt-4o alone is denied.
        { Should -ActualValue @('bedrock-claude-x', 'gpt-4o') -BeAllowedModel -Config $config -Role internal_user } |
            Should -Throw -ExpectedMessage (Literal "Expected role internal_user to be allowed model 'gpt-4o' (Corrected), but it was denied: Role=internal_user not allowed to call model=gpt-4o. Allowed models=['bedrock-claude-*']")
        { , @('gpt-4o', 'bedrock-claude-x') | Should -Not -BeAllowedModel -Config $config -Role internal_user } |
            Should -Throw -ExpectedMessage "Expected role internal_user not to be allowed model 'bedrock-claude-x'*"
        Should -ActualValue @('bedrock-claude-x', 'bedrock-claude-y') -BeAllowedModel -Config $config -Role internal_user
        { Should -ActualValue @('/v1/models', '/key/generate') -BeAllowedRoute -Config $routes -Role team } |
            Should -Throw -ExpectedMessage "Expected role team to be allowed route '/key/generate'*"
    }

    It 'refuses a qualifier that cannot occur, so a misspelt -Not assertion never passes' {
        { 'bedrock-claude-x' | Should -Not -BeAllowedModel -Config $config -Role internal_user -GrantSource Wildcrd } |
            Should -Throw -ExpectedMessage "Should -BeAllowedModel -GrantSource 'Wildcrd' cannot occur here; expected one of:*'Wildcard'*"
        { 'bedrock-claude-x' | Should -Not -BeAllowedModel -Config $config -Role internal_user -MatchedPattern 'bedrock-claude*' } |
            Should -Throw -ExpectedMessage "Should -BeAllowedModel -MatchedPattern 'bedrock-claude*' cannot occur here; expected one of: 'bedrock-claude-*'."
        { '/v1/models' | Should -Not -BeAllowedRoute -Config $routes -Role team -MatchedEntry openai_route } |
            Should -Throw -ExpectedMessage "Should -BeAllowedRoute -MatchedEntry 'openai_route' cannot occur here*"
        { @{ preferred_username = 'bob' } | Should -Not -HaveRbacRole internal_usr -Config $config } |
            Should -Throw -ExpectedMessage "Should -HaveRbacRole -ExpectedValue 'internal_usr' cannot occur here*"
        { @{ preferred_username = 'bob' } | Should -Not -HaveRbacRole internal_user -Config $config -ResolvedBy AllowedUserRol } |
            Should -Throw -ExpectedMessage "Should -HaveRbacRole -ResolvedBy 'AllowedUserRol' cannot occur here*"
    }

    It 'takes a config path and says what is missing' {
        'team-model' | Should -BeAllowedModel -Config (Join-Path $examples 'seed-repro.yaml') -Role team -GrantSource Unrestricted
        { 'm' | Should -BeAllowedModel -Role team } | Should -Throw -ExpectedMessage 'Should -BeAllowedModel needs -Config*'
        { 'm' | Should -BeAllowedModel -Config $config } | Should -Throw -ExpectedMessage 'Should -BeAllowedModel needs -Role*'
        { 'm' | Should -BeAllowedModel -Config $config -Role Internal_User } | Should -Throw -ErrorId 'RoleInvalid*'
    }

    It 'denies a token with no role' {
        { 'gpt-4o' | Should -BeAllowedModel -Config $config -Role '' } |
            Should -Throw -ExpectedMessage "Expected no role to be allowed model 'gpt-4o' (Corrected), but it was denied: Unmatched token passed in.*"
    }
}

Describe 'Should -BeAllowedRoute' {
    It 'passes and fails on the route gate' {
        '/v1/chat/completions' | Should -BeAllowedRoute -Config $routes -Role team -MatchedEntry openai_routes
        '/key/generate' | Should -Not -BeAllowedRoute -Config $routes -Role team
        { '/key/generate' | Should -BeAllowedRoute -Config $routes -Role team } |
            Should -Throw -ExpectedMessage (Literal "Expected role team to be allowed route '/key/generate' (Corrected), but it was denied: Role=team not allowed to call route=/key/generate. Allowed routes=['openai_routes', '/model-host/*']")
        { '/v1/chat/completions?stream=1' | Should -Not -BeAllowedRoute -Config $routes -Role team } |
            Should -Throw -ExpectedMessage (Literal "Expected role team not to be allowed route '/v1/chat/completions' (Corrected), but it was allowed by general_settings.role_permissions[0].routes[0] 'openai_routes' (line 18) via template '/v1/chat/completions'.")
    }

    It 'reads placeholders as LiteLLM does under Upstream' {
        '/v1/threads/abc' | Should -BeAllowedRoute -Config $routes -Role internal_user
        '/v1/threads/abc' | Should -Not -BeAllowedRoute -Config $routes -Role internal_user -Semantics Upstream
    }
}

Describe 'Should -HaveRbacRole' {
    It 'validates a token and checks its role' {
        $token | Should -HaveRbacRole proxy_admin -Config $config -JwksPath $jwks -Audience litellm -ResolvedBy AllowedUserRole
        $token | Should -HaveRbacRole internal_user -Config $config -JwksPath $jwks -Semantics Upstream
        $token | Should -Not -HaveRbacRole team -Config $config -JwksPath $jwks
    }

    It 'fails naming the resolution, never the token' {
        $thrown = { $token | Should -HaveRbacRole proxy_admin -Config $config -JwksPath $jwks -Semantics Upstream } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -BeExactly 'Expected the token to have RBAC role proxy_admin (Upstream), but the token (sub 5b0f7c2e-0d5a-4c1e-9a0e-7f1f2a6e9d11) resolved to RBAC role internal_user by UserId.'
        $thrown.Exception.Message | Should -Not -BeLike "*$($token.Split('.')[1])*"
    }

    It 'fails closed when the token cannot be validated, even with -Not' {
        { $token | Should -HaveRbacRole proxy_admin -Config $config -JwksPath $jwks -Audience someone-else } |
            Should -Throw -ExpectedMessage 'Expected the token to have RBAC role proxy_admin (Corrected), but the token could not be read: TokenAudienceInvalid: *(kid=example-rsa, sub=5b0f7c2e-0d5a-4c1e-9a0e-7f1f2a6e9d11, jti=example-alice-1)'
        { $token | Should -Not -HaveRbacRole team -Config $config -JwksPath $jwks -Audience someone-else } | Should -Throw -ExpectedMessage '*could not be read: TokenAudienceInvalid*'
        { $token | Should -HaveRbacRole proxy_admin -Config $config } | Should -Throw -ExpectedMessage '*needs -JwksPath, -PublicKeyPath or -SkipSignatureValidation*'
    }

    It 'takes claims as a hashtable, an object or JSON text' {
        @{ preferred_username = 'bob' } | Should -HaveRbacRole internal_user -Config $config -ResolvedBy UserId
        [pscustomobject]@{ resource_access = @{ litellm = @{ roles = @('proxy_admin') } } } | Should -HaveRbacRole proxy_admin -Config $config
        '{"sub": "svc"}' | Should -HaveRbacRole '' -Config $config -ResolvedBy None
        { @{ sub = 'x' } | Should -HaveRbacRole team -Config $config } |
            Should -Throw -ExpectedMessage 'Expected the claims to have RBAC role team (Corrected), but the claims (sub x) resolved to no RBAC role by None.'
        { @{ preferred_username = 'bob' } | Should -HaveRbacRole internal_user -Config $config -ResolvedBy RoleMapping } |
            Should -Throw -ExpectedMessage 'Expected the claims to have RBAC role internal_user resolved by RoleMapping (Corrected), but the claims resolved to RBAC role internal_user by UserId.'
    }
}

Describe 'Registration whichever module is imported first' {
    BeforeAll {
        $script:pwsh = Join-Path $PSHOME 'pwsh'
        $script:pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $script:check = @"
`$c = Import-RbacConfig '$examples/seed-repro.yaml'
'bedrock-claude-x' | Should -BeAllowedModel -Config `$c -Role internal_user
try { 'gpt-4o' | Should -BeAllowedModel -Config `$c -Role internal_user; 'NOT THROWN' } catch { `$_.Exception.Message }
@{ preferred_username = 'bob' } | Should -HaveRbacRole internal_user -Config `$c
'/x' | Should -BeAllowedRoute -Config `$c -Role team
'OPERATORS OK'
"@
        function script:Invoke-Child([string] $Script) {
            $output = & $pwsh -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; $Script" 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($output | Out-String) }
        }
    }

    It 'ModelRbac first, then Pester' {
        $run = Invoke-Child "Import-Module '$env:MODELRBAC_MODULE'; Import-Module '$pester'; $check"
        $run.Text | Should -BeLike "*Expected role internal_user to be allowed model 'gpt-4o'*OPERATORS OK*"
        $run.Text | Should -Not -BeLike '*NOT THROWN*'
        $run.ExitCode | Should -Be 0
    }

    It 'Pester first, then ModelRbac' {
        $run = Invoke-Child "Import-Module '$pester'; Import-Module '$env:MODELRBAC_MODULE'; $check"
        $run.Text | Should -BeLike "*Expected role internal_user to be allowed model 'gpt-4o'*OPERATORS OK*"
        $run.ExitCode | Should -Be 0
    }

    It 'survives re-imports of either module and restores the lookup hook on removal' {
        $script = "Import-Module '$env:MODELRBAC_MODULE'; Import-Module '$pester'; Import-Module '$env:MODELRBAC_MODULE' -Force; Import-Module '$pester' -Force; $check; " +
            "Remove-Module ModelRbac; if (`$null -eq `$ExecutionContext.InvokeCommand.PostCommandLookupAction) { 'HOOK REMOVED' }"
        $run = Invoke-Child $script
        $run.Text | Should -BeLike '*OPERATORS OK*HOOK REMOVED*'
        $run.ExitCode | Should -Be 0
    }

    It 'chains a lookup action that was there before it' {
        $script = "`$ExecutionContext.InvokeCommand.PostCommandLookupAction = { param(`$n, `$e) if (`$n -eq 'Get-Date') { `$global:seen = `$true } }; " +
            "Import-Module '$env:MODELRBAC_MODULE'; Import-Module '$pester'; $check; `$null = Get-Date; if (`$global:seen) { 'CHAINED' }"
        $run = Invoke-Child $script
        $run.Text | Should -BeLike '*OPERATORS OK*CHAINED*'
    }

    It 'imports without Pester anywhere' {
        $run = Invoke-Child "Import-Module '$env:MODELRBAC_MODULE'; Test-ModelAccess -Config '$examples/seed-repro.yaml' internal_user bedrock-claude-x; (Get-Module Pester) -eq `$null"
        $run.Text.Trim() -split '\s+' | Should -Be @('True', 'True')
    }
}
