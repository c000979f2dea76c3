# The route gate (issue 4) against the built module: route groups, prefix grants, literal paths, both semantics.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:path = Join-Path $PSScriptRoot '../../examples/route-gate.yaml'
    $script:config = Import-RbacConfig -LiteralPath $path
}

Describe 'Test-RouteAccess' {
    It 'team (openai_routes) may call <_>' -ForEach @('/v1/chat/completions', '/chat/completions', '/v1/threads/thread_abc', '/containers/*') {
        Test-RouteAccess -Config $config -Role team -Route $_ | Should -BeTrue
    }

    It 'team may not call <_>' -ForEach @('/v1/threads/a/b', '/containers/abc', '/key/generate', '/v1/messages') {
        Test-RouteAccess -Config $config -Role team -Route $_ | Should -BeFalse
    }

    It 'reports the group and the template that matched' {
        $decision = Test-RouteAccess -Config $config team /v1/threads/thread_abc -Detailed
        $decision.MatchedEntry | Should -BeExactly 'openai_routes'
        $decision.MatchedTemplate | Should -BeExactly '/v1/threads/{thread_id}'
        $decision.Divergent | Should -BeFalse
    }

    It 'a /prefix/* entry covers paths below the prefix only' {
        $answers = '/model-host/v1/extractor/predict', '/model-host' | Test-RouteAccess -Config $config -Role team
        $answers | Should -Be @($true, $false)
        (Test-RouteAccess -Config $config team /model-host/x -Detailed).MatchedEntry | Should -BeExactly '/model-host/*'
    }

    It 'strips the query string and reports the path' {
        $decision = Test-RouteAccess -Config $path -Role team -Route '/v1/chat/completions?stream=true' -Detailed
        $decision.Route | Should -BeExactly '/v1/chat/completions'
        $decision.Allowed | Should -BeTrue
    }

    It 'a literal with a placeholder: LiteLLM denies today with its exact text, Corrected allows' {
        $decision = Test-RouteAccess -Config $config -Role internal_user -Route /v1/threads/abc -Detailed
        $decision.Allowed | Should -BeTrue
        $decision.MatchedEntry | Should -BeExactly '/v1/threads/{thread_id}'
        $decision.MatchedTemplate | Should -BeNullOrEmpty
        $decision.UpstreamAllowed | Should -BeFalse
        $decision.Divergent | Should -BeTrue
        $decision.UpstreamMessage | Should -BeExactly "Role=internal_user not allowed to call route=/v1/threads/abc. Allowed routes=['/v1/models', '/models', '/v1/threads/{thread_id}']"
        Test-RouteAccess -Config $config -Role internal_user -Route /v1/threads/abc -Semantics Upstream | Should -BeFalse
    }

    It 'a denial carries 403 and LiteLLM''s text' {
        $decision = Test-RouteAccess -Config $config -Role internal_user -Route /v1/chat/completions -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.StatusCode | Should -Be 403
        $decision.Message | Should -BeExactly "Role=internal_user not allowed to call route=/v1/chat/completions. Allowed routes=['/v1/models', '/models', '/v1/threads/{thread_id}']"
    }

    It 'proxy_admin (llm_api_routes, management_routes) reaches composite members' {
        $decision = Test-RouteAccess -Config $config proxy_admin /v1/mcp/server/tools/list -Detailed
        $decision.MatchedEntry | Should -BeExactly 'llm_api_routes'
        $decision.MatchedTemplate | Should -BeExactly '/v1/mcp/server/{path:path}'
        (Test-RouteAccess -Config $config proxy_admin /key/abc/regenerate -Detailed).MatchedTemplate | Should -BeExactly '/key/{key_id}/regenerate'
    }

    It 'a token with no role is denied under enforce_rbac' {
        $decision = Test-RouteAccess -Config $config -Role '' -Route /v1/models -Detailed
        $decision.Allowed | Should -BeFalse
        $decision.Message | Should -BeLike 'Unmatched token passed in.*'
    }

    It 'an unknown role is RoleInvalid' {
        { Test-RouteAccess -Config $config -Role Team -Route /v1/models -ErrorAction Stop } |
            Should -Throw -ErrorId 'RoleInvalid,ModelRbac.PowerShell.Commands.TestRouteAccessCommand'
    }

    It 'formats decisions as a table' {
        $text = Test-RouteAccess -Config $config team /v1/models -Detailed | Out-String
        $text | Should -BeLike '*MatchedEntry*MatchedTemplate*'
    }
}

Describe 'Expand-RoleRoute' {
    It 'lists every template of a group entry and literal entries as written' {
        $team = Expand-RoleRoute -Config $config -Role team
        ($team | Where-Object Entry -eq 'openai_routes').Template | Should -Contain '/v1/threads/{thread_id}'
        ($team | Where-Object Kind -eq 'Prefix').Template | Should -Be '/model-host/*'
    }

    It 'shows a placeholder literal as a Template under Corrected and a Literal under Upstream' {
        (Expand-RoleRoute -Config $config internal_user | Where-Object Template -eq '/v1/threads/{thread_id}').Kind | Should -Be 'Template'
        (Expand-RoleRoute -Config $config internal_user -Semantics Upstream -WarningAction SilentlyContinue | Where-Object Template -eq '/v1/threads/{thread_id}').Kind | Should -Be 'Literal'
    }

    It 'warns about an entry that grants no request path' {
        $null = Expand-RoleRoute -Config $config internal_user -Semantics Upstream -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        "$warnings".Contains("routes[2]): '/v1/threads/{thread_id}'") | Should -BeTrue
        "$warnings" | Should -BeLike '*compares as text*'
    }
}
