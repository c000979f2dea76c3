# The seed issue (LiteLLM #27536) as ops-level regression tests against the built module.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:seed = Join-Path $PSScriptRoot '../../examples/seed-repro.yaml'
    $script:config = Import-RbacConfig -LiteralPath $seed
}

Describe 'Seed reproduction: role_permissions wildcards' {
    It 'internal_user may call bedrock-claude-draft-rep-sonnet under Corrected' {
        Test-ModelAccess -Config $config -Role internal_user -Model bedrock-claude-draft-rep-sonnet | Should -BeTrue
    }

    It 'LiteLLM today denies it with its exact 403 text' {
        $decision = Test-ModelAccess -Config $config -Role internal_user -Model bedrock-claude-draft-rep-sonnet -Semantics Upstream -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.StatusCode | Should -Be 403
        $decision.Message | Should -BeExactly "Role=internal_user not allowed to call model=bedrock-claude-draft-rep-sonnet. Allowed models=['bedrock-claude-*']"
    }

    It 'shows both verdicts side by side and flags the divergence' {
        $decision = Test-ModelAccess -Config $config internal_user bedrock-claude-draft-rep-sonnet -Detailed
        $decision.Allowed | Should -BeTrue
        $decision.GrantSource | Should -Be 'Wildcard'
        $decision.MatchedPattern | Should -BeExactly 'bedrock-claude-*'
        $decision.UpstreamAllowed | Should -BeFalse
        $decision.Divergent | Should -BeTrue
    }

    It 'proxy_admin with "*" may call <_> under Corrected, and nothing under Upstream' -ForEach @('gpt-4o', 'bedrock-claude-haiku', 'some-model-not-deployed') {
        $decision = Test-ModelAccess -Config $config -Role proxy_admin -Model $_ -Detailed
        $decision.Allowed | Should -BeTrue
        $decision.GrantSource | Should -Be 'AllModels'
        $decision.UpstreamAllowed | Should -BeFalse
    }

    It 'internal_user may not call gpt-4o under either semantics' {
        $decision = Test-ModelAccess -Config $config -Role internal_user -Model gpt-4o -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.UpstreamAllowed | Should -BeFalse
        $decision.Divergent | Should -BeFalse
        $decision.Message | Should -BeExactly "Role=internal_user not allowed to call model=gpt-4o. Allowed models=['bedrock-claude-*']"
    }

    It 'takes a config path directly and model names from the pipeline' {
        $answers = 'bedrock-claude-haiku', 'gpt-4o' | Test-ModelAccess -Config $seed -Role internal_user
        $answers | Should -Be @($true, $false)
    }

    It 'a token with no role is denied under enforce_rbac' {
        $decision = Test-ModelAccess -Config $config -Role '' -Model gpt-4o -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.Message | Should -BeLike 'Unmatched token passed in.*'
    }

    It 'Expand-RolePermission lists the bedrock deployments for internal_user' {
        $grants = Expand-RolePermission -Config $config -Role internal_user
        $grants.Model | Should -Be @('bedrock-claude-draft-rep-sonnet', 'bedrock-claude-haiku')
        $grants.GrantSource | Sort-Object -Unique | Should -Be 'Wildcard'
    }
}
