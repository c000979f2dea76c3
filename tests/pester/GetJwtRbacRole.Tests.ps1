# Get-JwtRbacRole against the built module, with tokens signed by jose (tests/node) into $TestDrive.
# The seed issue's second concern as a regression: a proxy_admin carried in the Keycloak client roles claim is
# never seen by LiteLLM today (the user id wins first), and is proxy_admin under Corrected.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:seed = Join-Path $PSScriptRoot '../../examples/seed-repro.yaml'
    $script:config = Import-RbacConfig -LiteralPath $seed
    $script:fixtures = Join-Path $TestDrive 'jwt'
    $node = Join-Path $PSScriptRoot '../node'
    & node (Join-Path $node 'make-fixtures.mjs') $fixtures 2>$null
    if ($LASTEXITCODE -ne 0) { throw "make-fixtures.mjs failed ($LASTEXITCODE); run 'npm ci --prefix tests/node'" }
    $script:jwks = Join-Path $fixtures 'jwks-multi.json'
    function script:Token([string] $Name) { Get-Content -Raw -LiteralPath (Join-Path $fixtures $Name) }
    $script:keycloakClaims = @{
        sub                = '5b0f1c2e'
        preferred_username = 'alice'
        scope              = 'openid profile'
        resource_access    = @{ litellm = @{ roles = @('proxy_admin') } }
    }
}

Describe 'Get-JwtRbacRole: proxy_admin in resource_access.litellm.roles (seed config)' {
    It 'is internal_user by UserId under Upstream and proxy_admin by AllowedUserRole under Corrected (-Claims)' {
        $identity = Get-JwtRbacRole -Claims $keycloakClaims -Config $config
        $identity.UpstreamRbacRole | Should -BeExactly 'internal_user'
        $identity.UpstreamResolvedBy | Should -Be 'UserId'
        $identity.RbacRole | Should -BeExactly 'proxy_admin'
        $identity.ResolvedBy | Should -Be 'AllowedUserRole'
        $identity.SignatureValidated | Should -BeFalse
        $identity.PSObject.TypeNames | Should -Contain 'ModelRbac.JwtRbacIdentity'
    }

    It 'gives the same answer for a real signed token, validated against the JWKS' {
        $identity = Get-JwtRbacRole -Token (Token 'rs256.jwt') -Config $config -JwksPath $jwks -Audience modelrbac -Issuer https://idp.test
        $identity.SignatureValidated | Should -BeTrue
        $identity.UserId | Should -BeExactly 'alice'
        $identity.Roles | Should -Be @('proxy_admin')
        $identity.UpstreamRbacRole | Should -BeExactly 'internal_user'
        $identity.UpstreamResolvedBy | Should -Be 'UserId'
        $identity.RbacRole | Should -BeExactly 'proxy_admin'
        $identity.ResolvedBy | Should -Be 'AllowedUserRole'
        $identity.Claims.resource_access.litellm.roles | Should -Be @('proxy_admin')
    }

    It 'is allowed gpt-4o through the pipeline under Corrected (proxy_admin has "*")' {
        Get-JwtRbacRole -Token (Token 'rs256.jwt') -Config $config -JwksPath $jwks |
            Test-ModelAccess -Config $seed -Model gpt-4o | Should -BeTrue
        $decision = Get-JwtRbacRole -Token (Token 'rs256.jwt') -Config $config -PublicKeyPath (Join-Path $fixtures 'rsa-public.pem') |
            Test-ModelAccess -Config $config -Model gpt-4o -Detailed
        $decision.Role | Should -BeExactly 'proxy_admin'
        $decision.GrantSource | Should -Be 'AllModels'
    }

    It 'is denied gpt-4o when the Upstream role travels the pipeline' {
        $decision = Get-JwtRbacRole -Claims $keycloakClaims -Config $config -Semantics Upstream |
            Test-ModelAccess -Config $config -Model gpt-4o -Semantics Upstream -Detailed
        $decision.Role | Should -BeExactly 'internal_user'
        $decision.Allowed | Should -BeFalse
        $decision.Message | Should -BeExactly "Role=internal_user not allowed to call model=gpt-4o. Allowed models=['bedrock-claude-*']"
    }

    It 'decides the Upstream verdict beside a Corrected pipeline with the Upstream role, not the Corrected one' {
        # Corrected: proxy_admin ('*'); today's LiteLLM: internal_user (bedrock-claude-* only).
        $decision = Get-JwtRbacRole -Claims $keycloakClaims -Config $config | Test-ModelAccess -Config $config -Model gpt-4o -Detailed
        $decision.Role | Should -BeExactly 'proxy_admin'
        $decision.Allowed | Should -BeTrue
        $decision.UpstreamAllowed | Should -BeFalse
        $decision.UpstreamMessage | Should -BeExactly "Role=internal_user not allowed to call model=gpt-4o. Allowed models=['bedrock-claude-*']"
        $decision.Divergent | Should -BeTrue
        Get-JwtRbacRole -Claims $keycloakClaims -Config $config | Test-ModelAccess -Config $config -Model bedrock-claude-x -Semantics Upstream | Should -BeFalse
        $upstream = Get-JwtRbacRole -Claims $keycloakClaims -Config $config | Test-ModelAccess -Config $config -Model gpt-4o -Semantics Upstream -Detailed
        $upstream.Role | Should -BeExactly 'internal_user'
        $upstream.Allowed | Should -BeFalse
        $route = Get-JwtRbacRole -Claims $keycloakClaims -Config $config | Test-RouteAccess -Config $config -Route /v1/models -Semantics Upstream -Detailed
        $route.Role | Should -BeExactly 'internal_user'
    }

    It 'decides the Upstream verdict as allowed when only today''s LiteLLM gives the token a role (vector 49)' {
        $vector = Import-RbacConfig -Yaml "general_settings:`n  litellm_jwtauth:`n    enforce_rbac: true`n    user_id_jwt_field: sub`n    user_roles_jwt_field: roles`n    user_allowed_roles: [basic_user]`n  role_permissions:`n    - role: internal_user`n      models: [gpt-4o]`n"
        $decision = Get-JwtRbacRole -Claims @{ sub = 'u1'; roles = @('other') } -Config $vector | Test-ModelAccess -Config $vector -Model gpt-4o -Detailed
        $decision.Role | Should -BeNullOrEmpty
        $decision.Allowed | Should -BeFalse
        $decision.UpstreamAllowed | Should -BeTrue
        $decision.Divergent | Should -BeTrue
    }

    It 'denies a token with no role with LiteLLM''s Unmatched token message' {
        $decision = Get-JwtRbacRole -Claims '{"scope":"openid"}' -Config $config | Test-ModelAccess -Config $config -Model gpt-4o -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.Message | Should -BeExactly 'Unmatched token passed in. enforce_rbac is set to True. Token must belong to a proxy admin, team, or user.'
    }

    It 'formats as a table with the role columns' {
        $text = Get-JwtRbacRole -Claims $keycloakClaims -Config $config | Format-Table | Out-String -Width 300
        $text | Should -Match 'RbacRole\s+ResolvedBy\s+UpstreamRbacRole\s+UpstreamResolvedBy\s+UserId\s+TeamId\s+Roles\s+SignatureValidated'
    }
}

Describe 'Get-JwtRbacRole: error ids' {
    It '<File> fails with <Id>' -ForEach @(
        @{ File = 'expired.jwt'; Id = 'TokenExpired' }
        @{ File = 'notyet.jwt'; Id = 'TokenNotYetValid' }
        @{ File = 'wrong-aud.jwt'; Id = 'TokenAudienceInvalid' }
        @{ File = 'wrong-iss.jwt'; Id = 'TokenIssuerInvalid' }
        @{ File = 'unknown-kid.jwt'; Id = 'TokenKeyNotFound' }
        @{ File = 'rs256-nokid-multi.jwt'; Id = 'TokenKeyNotFound' }
        @{ File = 'alg-none.jwt'; Id = 'TokenAlgorithmNotAllowed' }
        @{ File = 'hs256-keyconfusion.jwt'; Id = 'TokenAlgorithmNotAllowed' }
        @{ File = 'tampered.jwt'; Id = 'TokenSignatureInvalid' }
        @{ File = 'rs256-wrongkey.jwt'; Id = 'TokenSignatureInvalid' }
    ) {
        $token = Token $File
        { Get-JwtRbacRole -Token $token -Config $config -JwksPath $jwks -Audience modelrbac -Issuer https://idp.test -ErrorAction Stop } |
            Should -Throw -ErrorId "$Id,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand"
    }

    It 'never writes the token into the error record' {
        $token = Token 'tampered.jwt'
        $null = Get-JwtRbacRole -Token $token -Config $config -JwksPath $jwks -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $text = ($failures | Format-List * -Force | Out-String) + $failures[0].Exception.ToString() + "$($failures[0].TargetObject)"
        foreach ($segment in $token.Split('.')) { $text | Should -Not -BeLike "*$segment*" }
        $failures[0].TargetObject | Should -BeLike 'kid=rsa-1, sub=mallory*'
    }

    It 'a malformed token is TokenMalformed and one bad token does not stop the pipeline' {
        $out = 'not.a.jwt.at.all', (Token 'rs256.jwt') | Get-JwtRbacRole -Config $config -JwksPath $jwks -ErrorVariable failures -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'TokenMalformed,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand'
    }

    It 'an unreadable JWKS is a terminating JwksUnavailable' {
        { Get-JwtRbacRole -Token (Token 'rs256.jwt') -Config $config -JwksPath (Join-Path $TestDrive 'missing.json') } |
            Should -Throw -ErrorId 'JwksUnavailable,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand'
    }

    It 'bad -Claims are ClaimsInvalid' {
        { Get-JwtRbacRole -Claims '[1]' -Config $config -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClaimsInvalid,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand'
    }

    It '-SkipSignatureValidation:$false without a key source stops with TokenKeyNotFound, not a crash' {
        { Get-JwtRbacRole -Token (Token 'rs256.jwt'), (Token 'rs256.jwt') -Config $config -SkipSignatureValidation:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'TokenKeyNotFound,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand'
    }

    It '-SkipSignatureValidation decodes alg none with a warning' {
        $identity = Get-JwtRbacRole -Token (Token 'alg-none.jwt') -Config $config -SkipSignatureValidation -WarningVariable warnings -WarningAction SilentlyContinue
        $identity.SignatureValidated | Should -BeFalse
        $identity.RbacRole | Should -BeExactly 'proxy_admin'
        $warnings.Count | Should -Be 1
    }
}
