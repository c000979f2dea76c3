# Fail-closed audit: every error path of the evaluating cmdlets, with every stream captured (-Verbose -Debug,
# InformationAction Continue, *>&1, terminating errors caught). No path may yield an allowed decision, a bare $true or
# a grant, each path must really be taken (its error id appears), and no token text may appear in any stream.
BeforeDiscovery {
    $script:badConfigs = @(
        @{ Name = 'missing'; Id = 'ConfigNotFound' }
        @{ Name = 'directory'; Id = 'ConfigNotFound' }
        @{ Name = 'yaml-syntax'; Id = 'ConfigParseError' }
        @{ Name = 'not-utf8'; Id = 'ConfigParseError' }
        @{ Name = 'yamldotnet-tag'; Id = 'ConfigParseError' }
        @{ Name = 'bad-role'; Id = 'ConfigInvalid' }
        @{ Name = 'long-pattern'; Id = 'ConfigInvalid' }
        @{ Name = 'alias-bomb'; Id = 'ConfigInvalid' }
        @{ Name = 'not-a-config'; Id = 'ConfigInvalid' }
    )
    # Configs that load, where the value a decision needs comes from an unset os.environ/ variable.
    $script:unsetVariables = @(
        @{ Name = 'enforce_rbac'; Commands = 'model', 'model-detailed', 'route', 'expand-models', 'expand-routes', 'matrix' }
        @{ Name = 'role'; Commands = 'model', 'model-detailed', 'route', 'expand-models', 'expand-routes', 'matrix' }
        @{ Name = 'models'; Commands = 'model', 'model-detailed', 'expand-models', 'matrix' }
        @{ Name = 'routes'; Commands = 'route', 'expand-routes' }
    )
    $script:commands = 'model', 'model-detailed', 'route', 'expand-models', 'expand-routes'
    # Shown: the name in the test title (a NUL would break the NUnit report).
    $script:invalidRoles = @('internal_user_viewer', 'Internal_User', ' proxy_admin', 'proxy_admin ', 'admin', "proxy_admin`0", '*') |
        ForEach-Object { @{ Role = $_; Shown = "'" + $_.Replace("`0", '\0') + "'" } }
    $script:hostileFiles = @('expired.jwt', 'notyet.jwt', 'wrong-aud.jwt', 'wrong-iss.jwt', 'unknown-kid.jwt', 'rs256-nokid-multi.jwt',
        'alg-none.jwt', 'hs256-keyconfusion.jwt', 'tampered.jwt', 'rs256-wrongkey.jwt')
    $script:craftedTokens = @('garbage', 'two-segments', 'jwe', 'oversized', 'lone-surrogate', 'deep-claims', 'bad-base64', 'array-payload',
        'whitespace', 'empty-signature', 'exp-string')
    $script:badClaims = @('truncated-json', 'json-array', 'json-string', 'deep-json', 'deep-hashtable', 'non-string-key', 'nan', 'lone-surrogate-json', 'lone-surrogate-hashtable')
}

BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:seed = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/seed-repro.yaml')).Path
    $script:config = Import-RbacConfig -LiteralPath $seed
    $script:streams = @{ Verbose = $true; Debug = $true; InformationAction = 'Continue'; WarningAction = 'Continue'; ErrorAction = 'Continue' }

    # Everything a command writes, in every stream, terminating errors included.
    function script:Invoke-Captured([scriptblock] $Command) {
        $DebugPreference = 'Continue'
        $records = [Collections.Generic.List[object]]::new()
        try { & $Command *>&1 | ForEach-Object { $records.Add($_) } }
        catch { $records.Add($_) }
        , $records
    }

    function script:Get-StreamText($records) {
        foreach ($record in $records) {
            switch ($record) {
                { $_ -is [Management.Automation.ErrorRecord] } {
                    $_.ToString(); $_.Exception.ToString(); "$($_.TargetObject)"; "$($_.ErrorDetails)"; "$($_.ErrorDetails.RecommendedAction)"
                    $_.CategoryInfo.ToString(); $_.FullyQualifiedErrorId; $_ | Out-String -Width 4096
                    continue
                }
                { $_ -is [Management.Automation.InformationRecord] } { "$($_.MessageData)"; continue }
                { $_ -is [Management.Automation.InformationalRecord] } { $_.Message; continue }
                default { $_ | Out-String -Width 4096; $_ | Format-List * -Force | Out-String -Width 4096 }
            }
        }
    }

    function script:Assert-FailsClosed($records, [string] $ExpectedId) {
        @($records | Where-Object { $_ -is [bool] -and $_ }).Count | Should -Be 0 -Because 'no error path may answer $true'
        @($records | Where-Object { $_.PSObject.Properties['Allowed'] -and $_.Allowed -eq $true }).Count | Should -Be 0 -Because 'no error path may allow'
        @($records | Where-Object { $_.PSObject.TypeNames -match 'ModelRbac\.Role(Model|Route)Grant' }).Count | Should -Be 0 -Because 'a failing role grants nothing'
        $ids = @($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] })
        $ids | Should -Contain $ExpectedId -Because 'the error path under test must really be taken'
    }

    function script:Assert-NoTokenText([string] $Token, $records) {
        $text = (Get-StreamText $records) -join "`n"
        foreach ($segment in $Token.Trim().Split('.') | Where-Object Length -GT 8) {
            $text.Contains($segment) | Should -BeFalse -Because "no stream may carry the token (segment of $($segment.Length) characters)"
        }
    }

    function script:Invoke-Evaluation([string] $Command, $Config, [string] $Role) {
        switch ($Command) {
            'model' { Invoke-Captured { Test-ModelAccess -Config $Config -Role $Role -Model gpt-4o, bedrock-claude-x @streams } }
            'model-detailed' { Invoke-Captured { 'gpt-4o', 'bedrock-claude-x', '' | Test-ModelAccess -Config $Config -Role $Role -Detailed @streams } }
            'route' { Invoke-Captured { Test-RouteAccess -Config $Config -Role $Role -Route /chat/completions, /key/generate -Detailed @streams } }
            'expand-models' { Invoke-Captured { Expand-RolePermission -Config $Config -Role $Role @streams } }
            'expand-routes' { Invoke-Captured { Expand-RoleRoute -Config $Config -Role $Role @streams } }
            'matrix' { Invoke-Captured { Get-RbacAccessMatrix -Config $Config -Role $Role -Detailed @streams } }
        }
    }

    # Bad configs, passed as a path (or an object that is not a config).
    $script:configDir = Join-Path $TestDrive 'configs'
    New-Item -ItemType Directory -Path $configDir | Out-Null
    function script:ConfigFile([string] $Name, [string] $Text) { $path = Join-Path $configDir "$Name.yaml"; Set-Content -LiteralPath $path -Value $Text -NoNewline; $path }
    $grantAll = "general_settings:`n  litellm_jwtauth: {enforce_rbac: true}`n  role_permissions:`n"
    $script:badConfigPaths = @{
        'missing'        = Join-Path $configDir 'nope.yaml'
        'directory'      = $configDir
        'yaml-syntax'    = ConfigFile 'yaml-syntax' "$grantAll    - {role: internal_user, models: ['*']`n"
        'yamldotnet-tag' = ConfigFile 'yamldotnet-tag' "%TAG ! `n---`n$grantAll    - {role: internal_user, models: ['*']}`n"
        'bad-role'       = ConfigFile 'bad-role' "$grantAll    - {role: internal_user, models: ['*']}`n    - {role: admin, models: ['*']}`n"
        'long-pattern'   = ConfigFile 'long-pattern' "$grantAll    - {role: internal_user, models: ['*', '$('x' * 2000)']}`n"
        'alias-bomb'     = ConfigFile 'alias-bomb' ("a: &a ['*','*','*','*','*','*','*','*','*','*']`n" + (-join ('b'..'h' | ForEach-Object { $p = [char]([int][char]$_ - 1); "${_}: &${_} [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]`n" })) + "$grantAll    - {role: internal_user, models: *h}`n")
        'not-a-config'   = 42
    }
    $notUtf8 = Join-Path $configDir 'not-utf8.yaml'
    [IO.File]::WriteAllBytes($notUtf8, [byte[]](0x6d, 0x3a, 0x20, 0xff, 0xfe, 0x0a))
    $badConfigPaths['not-utf8'] = $notUtf8

    # Loadable configs whose decisive value is an unset variable; the model and routes lists would grant everything.
    $unset = 'MODELRBAC_AUDIT_UNSET_' + [guid]::NewGuid().ToString('N')
    $deployed = "model_list: [{model_name: gpt-4o}, {model_name: bedrock-claude-x}]`n"
    $script:unsetConfigs = @{
        'enforce_rbac' = "${deployed}general_settings:`n  litellm_jwtauth: {enforce_rbac: os.environ/$unset}`n  role_permissions:`n    - {role: internal_user, models: [gpt-4o], routes: [llm_api_routes]}`n"
        'role'         = "$deployed${grantAll}    - {role: os.environ/$unset, models: [gpt-4o], routes: [llm_api_routes]}`n"
        'models'       = "$deployed${grantAll}    - {role: internal_user, models: ['*', os.environ/$unset], routes: [llm_api_routes]}`n"
        'routes'       = "$deployed${grantAll}    - {role: internal_user, models: ['*'], routes: ['*', os.environ/$unset]}`n"
    }
    $script:grantEverything = Import-RbacConfig -Yaml "model_list: [{model_name: gpt-4o}]`n$grantAll    - {role: internal_user, models: ['*'], routes: ['*']}`n    - {role: proxy_admin, models: ['*'], routes: ['*']}`n"

    # Hostile tokens: jose-signed fixtures (tests/node) and hand-made ones.
    $script:fixtures = Join-Path $TestDrive 'jwt'
    & node (Join-Path $PSScriptRoot '../node/make-fixtures.mjs') $fixtures 2>$null
    if ($LASTEXITCODE -ne 0) { throw "make-fixtures.mjs failed ($LASTEXITCODE); run 'npm ci --prefix tests/node'" }
    $script:jwks = Join-Path $fixtures 'jwks-multi.json'
    function script:B64([string] $Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)).TrimEnd('=').Replace('+', '-').Replace('/', '_') }
    $header = B64 '{"alg":"RS256","kid":"rsa-1"}'
    $admin = '"sub":"mallory","preferred_username":"mallory","resource_access":{"litellm":{"roles":["proxy_admin"]}}'
    $signature = (Get-Content -Raw (Join-Path $fixtures 'rs256.jwt')).Split('.')[2]
    function script:Jws([string] $PayloadJson, [string] $Signature) { $header + '.' + (B64 $PayloadJson) + '.' + $Signature }
    $script:crafted = @{
        'garbage'         = 'this-is-not-a-jwt-but-a-long-bearer-secret-0123456789'
        'two-segments'    = $header + '.' + (B64 ('{' + $admin + '}'))
        'jwe'             = (Jws ('{' + $admin + '}') 'QUJDREVGR0hJSktM') + '.TU5PUFFSU1RVVldY.WVphYmNkZWZnaGlq'
        'oversized'       = Jws ('{' + $admin + ',"pad":"' + ('p' * 70000) + '"}') $signature
        'lone-surrogate'  = Jws ('{' + $admin + ',"jti":"\ud800"}') $signature
        'deep-claims'     = Jws ('{' + $admin + ',"d":' + ('[' * 80) + (']' * 80) + '}') $signature
        'bad-base64'      = (Jws ('{' + $admin + '}') $signature) + '+/=='
        'array-payload'   = Jws '["proxy_admin","mallory-array-payload"]' $signature
        'whitespace'      = '  ' + (Jws ('{' + $admin + '}') $signature) + '  '
        'empty-signature' = Jws ('{' + $admin + '}') ''
        'exp-string'      = Jws ('{' + $admin + ',"exp":"tomorrow-or-so"}') $signature
    }

    $deepHashtable = @{ leaf = 'x' }; foreach ($i in 1..80) { $deepHashtable = @{ d = $deepHashtable } }
    $deepHashtable['preferred_username'] = 'mallory'
    $script:claims = @{
        'truncated-json'           = '{"preferred_username":"mallory","resource_access":{"litellm":{"roles":["proxy_admin"]'
        'json-array'               = '[{"preferred_username":"mallory"}]'
        'json-string'              = '"proxy_admin"'
        'deep-json'                = '{"preferred_username":"mallory","resource_access":{"litellm":{"roles":["proxy_admin"]}},"d":' + ('[' * 80) + (']' * 80) + '}'
        'deep-hashtable'           = $deepHashtable
        'non-string-key'           = @{ 1 = 'x'; preferred_username = 'mallory' }
        'nan'                      = @{ preferred_username = 'mallory'; exp = [double]::NaN }
        'lone-surrogate-json'      = '{"preferred_username":"mallory","resource_access":{"litellm":{"roles":["proxy_admin"]}},"x":"\udc00"}'
        'lone-surrogate-hashtable' = @{ preferred_username = "mall`u{D800}ory"; resource_access = @{ litellm = @{ roles = @('proxy_admin') } } }
    }
}

Describe 'Fail closed: a config that cannot be used (<Name>)' -ForEach $badConfigs {
    It '<_> yields nothing allowed' -ForEach $commands {
        $records = Invoke-Evaluation $_ $badConfigPaths[$Name] 'internal_user'
        Assert-FailsClosed $records $Id
    }

    It 'Get-JwtRbacRole piped into Test-ModelAccess yields nothing allowed' {
        $records = Invoke-Captured { Get-JwtRbacRole -Claims @{ preferred_username = 'alice'; resource_access = @{ litellm = @{ roles = @('proxy_admin') } } } -Config $config @streams |
                Test-ModelAccess -Config $badConfigPaths[$Name] -Model gpt-4o @streams }
        Assert-FailsClosed $records $Id
    }
}

Describe 'Fail closed: the decision needs an unset os.environ/ variable (<Name>)' -ForEach $unsetVariables {
    It '<_> yields nothing allowed, from a path or an RbacConfig' -ForEach $Commands {
        $path = Join-Path $TestDrive "unset-$Name.yaml"
        Set-Content -LiteralPath $path -Value $unsetConfigs[$Name]
        Assert-FailsClosed (Invoke-Evaluation $_ $path 'internal_user') 'ConfigEnvironmentMissing'
        Assert-FailsClosed (Invoke-Evaluation $_ (Import-RbacConfig -LiteralPath $path) 'internal_user') 'ConfigEnvironmentMissing'
    }
}

Describe 'Fail closed: a role outside the RBAC roles (<Shown>)' -ForEach $invalidRoles {
    It 'is RoleInvalid for <_>, under a config that grants everything' -ForEach $commands {
        Assert-FailsClosed (Invoke-Evaluation $_ $grantEverything $Role) 'RoleInvalid'
    }
}

Describe 'Fail closed: hostile tokens (<_>)' -ForEach $hostileFiles {
    BeforeAll {
        $script:token = Get-Content -Raw -LiteralPath (Join-Path $fixtures $_)
    }

    It 'a proxy_admin claimed by this token reaches no decision, and the token is in no stream' {
        $records = Invoke-Captured {
            Get-JwtRbacRole -Token $token -Config $config -JwksPath $jwks -Audience modelrbac -Issuer https://idp.test @streams |
                Test-ModelAccess -Config $config -Model gpt-4o @streams
        }
        Assert-FailsClosed $records ($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | Select-Object -First 1).FullyQualifiedErrorId.Split(',')[0]
        @($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -match '^(Token|Claims)' }).Count | Should -Be 1
        Assert-NoTokenText $token $records
    }

    It 'the token is in no stream when signatures are skipped either' {
        $records = Invoke-Captured { Get-JwtRbacRole -Token $token -Config $config -SkipSignatureValidation -IgnoreLifetime @streams | Format-List * | Out-String }
        Assert-NoTokenText $token $records
    }
}

Describe 'Fail closed: hand-made hostile tokens (<_>)' -ForEach $craftedTokens {
    BeforeAll {
        $script:token = $crafted[$_]
    }

    It 'reaches no decision, with a Token or Claims error, and is in no stream' {
        $records = Invoke-Captured {
            Get-JwtRbacRole -Token $token -Config $config -JwksPath $jwks @streams | Test-ModelAccess -Config $config -Model gpt-4o @streams
        }
        $errors = @($records | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^(TokenMalformed|TokenSignatureInvalid|ClaimsInvalid),'
        Assert-FailsClosed $records $errors[0].FullyQualifiedErrorId.Split(',')[0]
        Assert-NoTokenText $token $records
    }

    It 'is in no stream when signatures are skipped (where a readable token is, by design, believed)' {
        $records = Invoke-Captured {
            Get-JwtRbacRole -Token $token -Config $config -SkipSignatureValidation @streams | Test-ModelAccess -Config $config -Model gpt-4o -Detailed @streams
        }
        Assert-NoTokenText $token $records
    }
}

Describe 'Fail closed: malformed claims (<_>)' -ForEach $badClaims {
    It 'are ClaimsInvalid and reach no decision' {
        $value = $claims[$_]
        $records = Invoke-Captured { Get-JwtRbacRole -Claims $value -Config $config @streams | Test-ModelAccess -Config $config -Model gpt-4o @streams }
        Assert-FailsClosed $records 'ClaimsInvalid'
    }
}

Describe 'Fail closed: the audit sees an allowed answer when there is one' {
    It 'a valid proxy_admin token through the same pipeline answers $true, and its text is in no stream' {
        $token = Get-Content -Raw -LiteralPath (Join-Path $fixtures 'rs256.jwt')
        $records = Invoke-Captured {
            Get-JwtRbacRole -Token $token -Config $config -JwksPath $jwks -Audience modelrbac -Issuer https://idp.test @streams |
                Test-ModelAccess -Config $config -Model gpt-4o @streams
        }
        @($records | Where-Object { $_ -is [bool] -and $_ }).Count | Should -Be 1
        @($records | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        Assert-NoTokenText $token $records
    }
}
