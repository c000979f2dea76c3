# Invoke-RbacPolicyTest against the built module. The runs happen in fresh child processes: each is a Pester run of
# its own, which cannot nest inside this one. Results come back through Export-Clixml.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:examples = Join-Path $repo 'examples'
    $script:pwsh = Join-Path $PSHOME 'pwsh'
    $script:pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'

    # Runs $Script after importing Pester and the module; $Script leaves what it wants back in $out.
    function script:Invoke-PolicyChild([string] $Script) {
        $clixml = Join-Path $TestDrive "out-$([guid]::NewGuid().ToString('N')).xml"
        $text = & $pwsh -NoProfile -NonInteractive -Command @"
`$ErrorActionPreference = 'Stop'
if (`$PSStyle) { `$PSStyle.OutputRendering = 'PlainText' }
Import-Module '$pester'; Import-Module '$env:MODELRBAC_MODULE'
Set-Location '$repo'
`$out = @{}
$Script
`$out | Export-Clixml -LiteralPath '$clixml' -Depth 6
"@ 2>&1 | Out-String
        [pscustomobject]@{ Text = $text; ExitCode = $LASTEXITCODE; Out = $(if (Test-Path $clixml) { Import-Clixml -LiteralPath $clixml } else { @{} }) }
    }

    function script:Write-Cases([string] $Name, [string] $Yaml) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Yaml
        $path
    }
}

Describe 'Invoke-RbacPolicyTest with right expectations' {
    BeforeAll {
        $script:junit = Join-Path $TestDrive 'junit.xml'
        $script:run = Invoke-PolicyChild "`$out.Result = Invoke-RbacPolicyTest -Config ./examples/seed-repro.yaml -Path ./examples/seed-repro.cases.yaml -OutputFormat JUnitXml -OutputPath '$junit'"
        $script:result = $run.Out.Result
    }

    It 'explains every decision with -Verbose, case by case' {
        $traced = Invoke-PolicyChild "`$records = Invoke-RbacPolicyTest -Config ./examples/seed-repro.yaml -Path ./examples/seed-repro.cases.yaml -Output None -Verbose 4>&1; `$out.Trace = @(`$records | Where-Object { `$_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message)"
        @($traced.Out.Trace | Where-Object { $_ -like 'Case *' }).Count | Should -Be 9
        $traced.Out.Trace | Should -Contain "Case 'internal users may not call gpt-4o' (seed-repro.cases.yaml:14, Corrected): role internal_user, model 'gpt-4o': denied; expected deny: passed."
        $traced.Out.Trace | Should -Contain "Case 'alice's token is a proxy admin and may call gpt-4o' (seed-repro.cases.yaml:25, Corrected): role proxy_admin (resolved by AllowedUserRole), model 'gpt-4o': allowed by '*' (AllModels); expected allow: passed."
    }

    It 'passes every case and test' {
        $run.ExitCode | Should -Be 0
        $result.PassedCount | Should -Be 9
        $result.FailedCount | Should -Be 0
        $result.Succeeded | Should -BeTrue
        [ModelRbac.RbacSemantics] $result.Semantics | Should -Be 'Corrected'   # enums come back from Clixml as numbers
        @($result.Cases | Where-Object { -not $_.Passed }).Count | Should -Be 0
    }

    It 'records each decision' {
        $alice = $result.Cases | Where-Object Case -eq "alice's token is a proxy admin and may call gpt-4o"
        $alice.Role | Should -Be 'proxy_admin'
        [ModelRbac.ResolvedBy] $alice.ResolvedBy | Should -Be 'AllowedUserRole'
        $alice.Allowed | Should -BeTrue
        $alice.Line | Should -Be 25
        $sonnet = $result.Cases | Where-Object Target -eq 'bedrock-claude-draft-rep-sonnet'
        $sonnet.Matched | Should -Be 'bedrock-claude-*'
        [ModelRbac.GrantSource] $sonnet.GrantSource | Should -Be 'Wildcard'
    }

    It 'covers both grants of the seed config' {
        $result.CoveragePercent | Should -Be 100
        @($result.Coverage).Count | Should -Be 2
        ($result.Coverage | Where-Object Pattern -eq '*').ExercisedBy | Should -Be @('proxy admins may call every model', "alice's token is a proxy admin and may call gpt-4o")
    }

    It 'writes Pester''s JUnit XML, one testcase per case and model' {
        [xml] $xml = Get-Content -Raw -LiteralPath $junit
        $xml.testsuites.tests | Should -Be '9'
        $xml.testsuites.failures | Should -Be '0'
        @($xml.testsuites.testsuite.testcase).Count | Should -Be 9
        $xml.testsuites.testsuite.testcase[0].name | Should -Be 'Policy cases seed-repro.cases.yaml on seed-repro.yaml (Corrected).internal users may call the Bedrock Claude models [bedrock-claude-draft-rep-sonnet]'
    }

    It 'prints Pester''s summary' {
        $run.Text | Should -BeLike '*Tests Passed: 9, Failed: 0*'
    }
}

Describe 'Invoke-RbacPolicyTest with wrong expectations' {
    BeforeAll {
        $cases = Write-Cases 'wrong.yaml' @"
cases:
  - name: right
    role: internal_user
    model: bedrock-claude-haiku
    expect: allow
  - name: wrongly expects gpt-4o
    role: internal_user
    model: gpt-4o
    expect: allow
  - name: wrong grant source
    role: proxy_admin
    model: gpt-4o
    expect: allow
    grantSource: Exact
  - name: token with the wrong audience
    token: $examples/alice.jwt
    jwks: $examples/example-jwks.json
    audience: not-litellm
    model: gpt-4o
    expect: deny
"@
        $script:nunit = Join-Path $TestDrive 'nunit.xml'
        $script:run = Invoke-PolicyChild @"
`$configuration = New-PesterConfiguration
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputFormat = 'NUnitXml'
`$configuration.TestResult.OutputPath = '$nunit'
try { Invoke-RbacPolicyTest -Config ./examples/seed-repro.yaml -Path '$cases' -PesterConfiguration `$configuration -Output Detailed | Out-Null; `$out.Thrown = 'no' }
catch { `$out.Thrown = `$_.FullyQualifiedErrorId; `$out.Message = `$_.Exception.Message; `$out.Result = `$_.TargetObject }
"@
        $script:result = $run.Out.Result
    }

    It 'ends with PolicyTestFailed carrying the result' {
        $run.Out.Thrown | Should -Be 'PolicyTestFailed,ModelRbac.PowerShell.Commands.InvokeRbacPolicyTestCommand'
        $run.Out.Message | Should -Be '3 of 4 policy tests failed (wrong.yaml, Corrected).'
        $result.PassedCount | Should -Be 1
        $result.FailedCount | Should -Be 3
        $result.Succeeded | Should -BeFalse
    }

    It 'says why each case failed' {
        ($result.Cases | Where-Object Case -eq 'wrongly expects gpt-4o').Message |
            Should -BeLike "Expected role internal_user to be allowed model 'gpt-4o' (Corrected), but it was denied: Role=internal_user not allowed to call model=gpt-4o. Allowed models=``['bedrock-claude-``*'``] ``[cases``[1``] 'wrongly expects gpt-4o' (*wrong.yaml:6)``]"
        ($result.Cases | Where-Object Case -eq 'wrong grant source').Message | Should -BeLike '*through GrantSource Exact (Corrected), but it was allowed by general_settings.role_permissions`[1`].models`[0`] ''`*'' (AllModels, line 29)*'
        $tokenCase = $result.Cases | Where-Object Case -eq 'token with the wrong audience'
        $tokenCase.ErrorId | Should -Be 'TokenAudienceInvalid'
        $tokenCase.Passed | Should -BeFalse
    }

    It 'reports the failures through Pester: console and NUnit XML' {
        $run.Text | Should -BeLike '*`[-`] wrongly expects gpt-4o*'
        $run.Text | Should -BeLike '*`[+`] right*'
        $run.Text | Should -BeLike '*at name: wrongly expects gpt-4o, *wrong.yaml:6*'
        [xml] $xml = Get-Content -Raw -LiteralPath $nunit
        $xml.'test-results'.total | Should -Be '4'
        $xml.'test-results'.failures | Should -Be '3'
    }

    It 'never prints the token' {
        $token = (Get-Content -Raw (Join-Path $examples 'alice.jwt')).Trim()
        $run.Text | Should -Not -BeLike "*$($token.Split('.')[1])*"
        (Get-Content -Raw $nunit) | Should -Not -BeLike "*$($token.Split('.')[1])*"
    }
}

Describe 'Invoke-RbacPolicyTest coverage' {
    BeforeAll {
        # route-gate.yaml has 7 route grants: team [openai_routes, /model-host/*], internal_user [/v1/models, /models,
        # /v1/threads/{thread_id}], proxy_admin [llm_api_routes, management_routes]. These cases exercise 3.
        $script:cases = Write-Cases 'routes.yaml' @"
semantics: Corrected
cases:
  - name: team chats
    role: team
    route: /v1/chat/completions
    expect: allow
    matchedEntry: openai_routes
  - name: team cannot make keys
    role: team
    route: /key/generate
    expect: deny
  - name: internal users list models
    role: internal_user
    route: [/v1/models, /models]
    expect: allow
"@
        $script:run = Invoke-PolicyChild @"
`$out.Result = Invoke-RbacPolicyTest -Config ./examples/route-gate.yaml -Path '$cases' -Output None -CoverageThreshold 40 3>`$null
try { Invoke-RbacPolicyTest -Config ./examples/route-gate.yaml -Path '$cases' -Output None -CoverageThreshold 80 3>`$null | Out-Null; `$out.Thrown = 'no' }
catch { `$out.Thrown = `$_.FullyQualifiedErrorId; `$out.Message = `$_.Exception.Message }
`$out.Warnings = @(Invoke-RbacPolicyTest -Config ./examples/route-gate.yaml -Path '$cases' -Output None 3>&1 | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
"@
        $script:result = $run.Out.Result
    }

    It 'reports every grant with whether a case exercised it' {
        $rows = $result.Coverage | ForEach-Object { '{0} {1} {2} {3}' -f $_.Role, $_.YamlPath, $_.Pattern, $_.Exercised }
        $rows | Should -Be @(
            'team general_settings.role_permissions[0].routes[0] openai_routes True'
            'team general_settings.role_permissions[0].routes[1] /model-host/* False'
            'internal_user general_settings.role_permissions[1].routes[0] /v1/models True'
            'internal_user general_settings.role_permissions[1].routes[1] /models True'
            'internal_user general_settings.role_permissions[1].routes[2] /v1/threads/{thread_id} False'
            'proxy_admin general_settings.role_permissions[2].routes[0] llm_api_routes False'
            'proxy_admin general_settings.role_permissions[2].routes[1] management_routes False'
        )
        $result.Coverage[0].Entry | Should -Be 'general_settings.role_permissions[0]'
        $result.Coverage[0].Gate | Should -Be 'Route'
        $result.Coverage[0].Line | Should -Be 18
    }

    It 'gives the percentage and passes a threshold it meets' {
        $result.CoveragePercent | Should -Be 42.9
        $result.CoverageThreshold | Should -Be 40
        $result.Succeeded | Should -BeTrue
        @($result.Unexercised).Count | Should -Be 4
    }

    It 'fails a threshold it does not meet' {
        $run.Out.Thrown | Should -Be 'PolicyCoverageBelowThreshold,ModelRbac.PowerShell.Commands.InvokeRbacPolicyTestCommand'
        $run.Out.Message | Should -Be 'Policy coverage is 42.9%, below the threshold of 80%: 4 of 7 role_permissions grants are not exercised.'
    }

    It 'warns about the grants no case exercised' {
        $run.Out.Warnings | Should -Be @("4 of 7 role_permissions grants are not exercised by any case (42.9% covered): general_settings.role_permissions[0].routes[1] '/model-host/*' (team), general_settings.role_permissions[1].routes[2] '/v1/threads/{thread_id}' (internal_user), general_settings.role_permissions[2].routes[0] 'llm_api_routes' (proxy_admin), general_settings.role_permissions[2].routes[1] 'management_routes' (proxy_admin)")
    }

    It 'measures under the chosen semantics' {
        $upstream = Invoke-PolicyChild "try { Invoke-RbacPolicyTest -Config ./examples/seed-repro.yaml -Path ./examples/seed-repro.cases.yaml -Semantics Upstream -Output None 3>`$null } catch { `$out.Result = `$_.TargetObject }"
        [ModelRbac.RbacSemantics] $upstream.Out.Result.Semantics | Should -Be 'Upstream'
        $upstream.Out.Result.CoveragePercent | Should -Be 0
        $upstream.Out.Result.FailedCount | Should -Be 7
    }
}

Describe 'Invoke-RbacPolicyTest with malformed case files' {
    It 'names the case, YAML path and line: <Because>' -ForEach @(
        @{ Because = 'bad verdict'; Yaml = "cases:`n  - name: ok`n    role: team`n    model: m`n    expect: allow`n  - name: typo`n    role: team`n    model: m`n    expect: alow`n"; Expected = ":9:13 (cases[1].expect): cases[1] 'typo': expect must be 'allow' or 'deny', not 'alow'" }
        @{ Because = 'unknown key'; Yaml = "cases:`n  - name: a`n    role: team`n    modle: m`n    expect: allow`n"; Expected = ":4:5 (cases[0].modle): cases[0] 'a': unknown key 'modle'; expected one of name, role, claims, token, jwks, publicKey, skipSignatureValidation, ignoreLifetime, audience, issuer, model, route, expect, grantSource, matchedPattern, matchedEntry, rbacRole, resolvedBy" }
        @{ Because = 'invalid role'; Yaml = "cases:`n  - name: viewer`n    role: internal_user_viewer`n    model: m`n    expect: deny`n"; Expected = ":3:11 (cases[0].role): cases[0] 'viewer': 'internal_user_viewer' is not an RBAC role. Valid roles: 'proxy_admin', 'team', 'internal_user' (or empty for a token with no role)" }
        @{ Because = 'YAML syntax'; Yaml = "cases:`n  - name: a`n    role: [team`n"; Expected = ':5:1: YAML syntax error: *' }
    ) {
        $path = Write-Cases 'bad.yaml' $Yaml
        $thrown = { Invoke-RbacPolicyTest -Config (Join-Path $examples 'seed-repro.yaml') -Path $path } | Should -Throw -ErrorId 'PolicyCasesInvalid,ModelRbac.PowerShell.Commands.InvokeRbacPolicyTestCommand' -PassThru
        $thrown.Exception.Message | Should -BeLike ([WildcardPattern]::Escape($path) + $(if ($Expected.EndsWith('*')) { [WildcardPattern]::Escape($Expected.TrimEnd('*')) + '*' } else { [WildcardPattern]::Escape($Expected) }))
    }
}

Describe 'The CI recipe' {
    BeforeAll {
        # The exact command of examples/github-actions-policy.yml's test step, run from the repository root.
        $workflow = Get-Content -LiteralPath (Join-Path $examples 'github-actions-policy.yml')
        $script:command = (($workflow | Where-Object { $_ -match '^\s*run: .*Invoke-PolicyTests\.ps1' }) -replace '^\s*run:\s*', '').Trim()
    }

    It 'the workflow runs Invoke-PolicyTests.ps1 on the example config with JUnit output and a threshold' {
        $command | Should -BeLike 'dotnet pwsh -NoProfile -File ./examples/Invoke-PolicyTests.ps1 -Config ./examples/seed-repro.yaml -Cases ./examples/seed-repro.cases.yaml -OutputPath ./out/policy-tests.xml -CoverageThreshold 80'
    }

    It 'passes with exit code 0 and writes the JUnit report' {
        $report = Join-Path $repo 'out/policy-tests.xml'
        Remove-Item -LiteralPath $report -ErrorAction SilentlyContinue
        Push-Location $repo
        try { $text = & bash -c $command 2>&1 | Out-String; $exit = $LASTEXITCODE } finally { Pop-Location }
        $exit | Should -Be 0 -Because $text
        $text | Should -BeLike '*Tests Passed: 9, Failed: 0*Coverage          : 100% (2 of 2 grants)*Succeeded         : True*'
        ([xml](Get-Content -Raw $report)).testsuites.tests | Should -Be '9'
    }

    It 'fails with exit code 1 when a case fails' {
        $cases = Write-Cases 'ci-wrong.yaml' "cases:`n  - name: gpt-4o for everyone`n    role: internal_user`n    model: gpt-4o`n    expect: allow`n"
        $wrong = $command -replace '-Cases \S+', "-Cases '$cases'" -replace '-OutputPath \S+', "-OutputPath '$(Join-Path $TestDrive 'ci.xml')'"
        Push-Location $repo
        try { $text = & bash -c $wrong 2>&1 | Out-String; $exit = $LASTEXITCODE } finally { Pop-Location }
        $exit | Should -Be 1
        $text | Should -BeLike '*PolicyTestFailed: 1 of 1 policy tests failed*'
    }

    It 'fails with exit code 2 when the run cannot start' {
        $bad = $command -replace '-Cases \S+', "-Cases '$(Join-Path $TestDrive 'missing.yaml')'"
        Push-Location $repo
        try { $text = & bash -c $bad 2>&1 | Out-String; $exit = $LASTEXITCODE } finally { Pop-Location }
        $exit | Should -Be 2
        $text | Should -BeLike '*PolicyCasesInvalid*no such case file*'
    }
}
