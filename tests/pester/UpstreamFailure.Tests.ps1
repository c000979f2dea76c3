# A token LiteLLM rejects while reading its role ("scope": null) never reads as allowed, even with enforce_rbac off.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:open = Import-RbacConfig -Yaml "general_settings:`n  litellm_jwtauth:`n    user_id_jwt_field: sub`n"
    $script:claims = '{"sub": "u1", "scope": null}'
}

Describe 'Upstream authentication failures in the pipeline' {
    It 'the identity carries LiteLLM''s error' {
        $identity = Get-JwtRbacRole -Claims $claims -Config $open -Semantics Upstream -WarningAction SilentlyContinue
        $identity.RbacRole | Should -BeNullOrEmpty
        $identity.UpstreamResolvedBy | Should -Be 'Error'
        $identity.UpstreamError | Should -BeLike 'Unmapped scope type*NoneType*'
    }

    It 'Test-ModelAccess answers LiteLLM''s 401 under Upstream, not RbacNotEnforced' {
        $decision = Get-JwtRbacRole -Claims $claims -Config $open -Semantics Upstream -WarningAction SilentlyContinue |
            Test-ModelAccess -Config $open -Model gpt-4o -Semantics Upstream -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.StatusCode | Should -Be 401
        $decision.Message | Should -BeLike 'Authentication Error, Unmapped scope type*'
        Get-JwtRbacRole -Claims $claims -Config $open -Semantics Upstream -WarningAction SilentlyContinue |
            Test-ModelAccess -Config $open -Model gpt-4o -Semantics Upstream | Should -BeFalse
    }

    It 'Test-RouteAccess does the same, and Corrected keeps its own verdict with Upstream''s beside it' {
        $route = Get-JwtRbacRole -Claims $claims -Config $open -Semantics Upstream -WarningAction SilentlyContinue |
            Test-RouteAccess -Config $open -Route /v1/models -Semantics Upstream -Detailed
        $route.Allowed | Should -BeFalse
        $route.StatusCode | Should -Be 401
        $corrected = Get-JwtRbacRole -Claims $claims -Config $open -WarningAction SilentlyContinue |
            Test-ModelAccess -Config $open -Model gpt-4o -Detailed
        $corrected.Allowed | Should -BeTrue
        $corrected.UpstreamAllowed | Should -BeFalse
        $corrected.Divergent | Should -BeTrue
    }
}
