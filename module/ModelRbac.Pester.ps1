# Pester Should operators for access policy: BeAllowedModel, BeAllowedRoute and HaveRbacRole.
# Dot-sourced by ModelRbac.psm1's Register-RbacShouldOperator the first time a Pester 5 is there to take them (at
# import, or when a Pester command is first looked up after Pester arrives), so an import without Pester never reads
# this file; its functions are script: scoped so that they land in the module's scope from inside that function.
# Each operator returns Pester's result shape (Succeeded, FailureMessage); messages say why: the entry that
# granted, or LiteLLM's denial text. Tokens are never put in a message.

function script:Resolve-RbacShouldConfig {
    param($Config, [string] $Operator)
    if ($null -eq $Config) {
        throw "Should -$Operator needs -Config: an RbacConfig from Import-RbacConfig, or the path of a LiteLLM config.yaml."
    }
    $value = if ($Config -is [psobject]) { $Config.psobject.BaseObject } else { $Config }
    if ($value -is [ModelRbac.RbacConfig]) { return $value }
    return Import-RbacConfig -Path ([string]$value) -ErrorAction Stop -WarningAction SilentlyContinue
}

function script:Format-RbacShouldRole {
    param([string] $Role)
    if ([string]::IsNullOrEmpty($Role)) { 'no role' } else { "role $Role" }
}

function script:Format-RbacShouldBecause {
    param([string] $Because)
    if ($Because) { ", because $($Because.Trim().TrimEnd('.'))" } else { '' }
}

function script:Format-RbacShouldGrant {
    # "by general_settings.role_permissions[1].models[0] '*' (AllModels)", or why no entry restricted it.
    param([ModelRbac.RbacConfig] $Config, [string] $Role, [string] $List, [string] $Matched, [string] $Source)
    if ($Matched) {
        $entry = $Config.Roles | Where-Object { $_.Role -ceq $Role } | Select-Object -First 1
        $patterns = if ($entry) { @($entry.$List) } else { @() }
        $index = [Array]::IndexOf([string[]]$patterns, $Matched)
        $where = if ($index -ge 0) { "$($entry.YamlPath).$List[$index] " } else { '' }
        $lines = if ($List -eq 'models') { $entry.ModelLines } else { $entry.RouteLines }
        $line = if ($index -ge 0 -and $index -lt @($lines).Count) { $lines[$index] } else { $entry.Line }
        $detail = if ($Source) { "$Source, line $line" } else { "line $line" }
        return "by $where'$Matched' ($detail)"
    }
    if ($Source) { return "($Source)" }
    if ($Config.EnforceRbac -ne $true) { return '(RbacNotEnforced)' }
    return "(no role_permissions entry restricts the $List of $(Format-RbacShouldRole $Role))"
}

function script:Test-RbacShouldEach {
    # A collection given as one value (Should -ActualValue @(...), or ,$list | Should) is asserted item by item, so
    # it is never joined into one name: every item must hold (or, with -Not, none). Returns $null for a single value.
    param($ActualValue, [scriptblock] $Operator, [hashtable] $Arguments)
    if ($ActualValue -isnot [System.Collections.IEnumerable] -or $ActualValue -is [string]) { return $null }
    $items = @($ActualValue)
    if ($items.Count -eq 1) { return $null }
    if ($items.Count -eq 0) {
        return [pscustomobject]@{ Succeeded = $false; FailureMessage = 'Expected a name to test, but the value is an empty collection.' }
    }
    $Arguments.Remove('ActualValue')
    foreach ($item in $items) {
        $result = & $Operator -ActualValue $item @Arguments
        if (-not $result.Succeeded) { return $result }
    }
    [pscustomobject]@{ Succeeded = $true; FailureMessage = $null }
}

function script:Assert-RbacShouldName {
    # A misspelt qualifier must not make a -Not assertion pass: only names that can occur are accepted.
    param([string] $Operator, [string] $Parameter, $Value, [string[]] $Allowed, [switch] $CaseSensitive)
    if ($null -eq $Value) { return }
    $known = if ($CaseSensitive) { $Allowed -ccontains "$Value" } else { $Allowed -contains "$Value" }
    if (-not $known) {
        $list = if ($Allowed.Count) { ($Allowed | ForEach-Object { "'$_'" }) -join ', ' } else { 'none' }
        throw "Should -$Operator -$Parameter '$Value' cannot occur here; expected one of: $list."
    }
}

function script:Get-RbacShouldEntries {
    # The patterns (models) or entries (routes) the role's first role_permissions entry lists.
    param([ModelRbac.RbacConfig] $Config, $Role, [string] $List)
    $entry = $Config.Roles | Where-Object { $_.Role -ceq "$Role" } | Select-Object -First 1
    if ($entry) { [string[]]@($entry.$List | Where-Object { $null -ne $_ }) } else { [string[]]@() }
}

function script:Test-RbacShouldBeAllowedModel {
    param(
        $ActualValue,
        [switch] $Negate,
        $CallerSessionState,
        [string] $Because,
        $Config,
        $Role,
        $Semantics = 'Corrected',
        $GrantSource,
        $MatchedPattern
    )
    $each = Test-RbacShouldEach $ActualValue ${function:Test-RbacShouldBeAllowedModel} $PSBoundParameters
    if ($each) { return $each }
    $rbacConfig = Resolve-RbacShouldConfig $Config 'BeAllowedModel'
    if (-not $PSBoundParameters.ContainsKey('Role')) {
        throw "Should -BeAllowedModel needs -Role: proxy_admin, team, internal_user, or '' for a token with no role."
    }
    Assert-RbacShouldName 'BeAllowedModel' 'GrantSource' $GrantSource ([Enum]::GetNames([ModelRbac.GrantSource]))
    # A pattern the role does not list fails a positive assertion by itself; under -Not it would pass vacuously.
    if ($Negate) { Assert-RbacShouldName 'BeAllowedModel' 'MatchedPattern' $MatchedPattern (Get-RbacShouldEntries $rbacConfig $Role 'Models') -CaseSensitive }
    $model = [string]$ActualValue
    $decision = Test-ModelAccess -Config $rbacConfig -Role $Role -Model $model -Semantics $Semantics -Detailed -ErrorAction Stop
    $holds = $decision.Allowed
    $through = ''
    if ($null -ne $GrantSource) {
        $holds = $holds -and "$($decision.GrantSource)" -eq "$GrantSource"
        $through += " through GrantSource $GrantSource"
    }
    if ($null -ne $MatchedPattern) {
        $holds = $holds -and $decision.MatchedPattern -ceq "$MatchedPattern"
        $through += " by '$MatchedPattern'"
    }
    $succeeded = if ($Negate) { -not $holds } else { $holds }
    $message = $null
    if (-not $succeeded) {
        $what = if ($model) { "model '$model'" } else { 'no model' }
        $expected = "Expected $(Format-RbacShouldRole $decision.Role) $(if ($Negate) { 'not ' })to be allowed $what$through ($($decision.Semantics))$(Format-RbacShouldBecause $Because)"
        $actual = if ($decision.Allowed) {
            "it was allowed $(Format-RbacShouldGrant $rbacConfig $decision.Role 'models' $decision.MatchedPattern "$($decision.GrantSource)")."
        }
        else {
            "it was denied: $($decision.Message)"
        }
        $message = "$expected, but $actual"
    }
    [pscustomobject]@{ Succeeded = $succeeded; FailureMessage = $message }
}

function script:Test-RbacShouldBeAllowedRoute {
    param(
        $ActualValue,
        [switch] $Negate,
        $CallerSessionState,
        [string] $Because,
        $Config,
        $Role,
        $Semantics = 'Corrected',
        $MatchedEntry
    )
    $each = Test-RbacShouldEach $ActualValue ${function:Test-RbacShouldBeAllowedRoute} $PSBoundParameters
    if ($each) { return $each }
    $rbacConfig = Resolve-RbacShouldConfig $Config 'BeAllowedRoute'
    if (-not $PSBoundParameters.ContainsKey('Role')) {
        throw "Should -BeAllowedRoute needs -Role: proxy_admin, team, internal_user, or '' for a token with no role."
    }
    if ($Negate) { Assert-RbacShouldName 'BeAllowedRoute' 'MatchedEntry' $MatchedEntry (Get-RbacShouldEntries $rbacConfig $Role 'Routes') -CaseSensitive }
    $decision = Test-RouteAccess -Config $rbacConfig -Role $Role -Route ([string]$ActualValue) -Semantics $Semantics -Detailed -ErrorAction Stop
    $holds = $decision.Allowed
    $through = ''
    if ($null -ne $MatchedEntry) {
        $holds = $holds -and $decision.MatchedEntry -ceq "$MatchedEntry"
        $through = " by '$MatchedEntry'"
    }
    $succeeded = if ($Negate) { -not $holds } else { $holds }
    $message = $null
    if (-not $succeeded) {
        $expected = "Expected $(Format-RbacShouldRole $decision.Role) $(if ($Negate) { 'not ' })to be allowed route '$($decision.Route)'$through ($($decision.Semantics))$(Format-RbacShouldBecause $Because)"
        $actual = if ($decision.Allowed) {
            $template = if ($decision.MatchedTemplate) { " via template '$($decision.MatchedTemplate)'" } else { '' }
            "it was allowed $(Format-RbacShouldGrant $rbacConfig $decision.Role 'routes' $decision.MatchedEntry $null)$template."
        }
        else {
            "it was denied: $($decision.Message)"
        }
        $message = "$expected, but $actual"
    }
    [pscustomobject]@{ Succeeded = $succeeded; FailureMessage = $message }
}

function script:Test-RbacShouldHaveRbacRole {
    param(
        $ActualValue,
        $ExpectedValue,
        [switch] $Negate,
        $CallerSessionState,
        [string] $Because,
        $Config,
        $JwksPath,
        $PublicKeyPath,
        [switch] $SkipSignatureValidation,
        $Audience,
        $Issuer,
        [switch] $IgnoreLifetime,
        $Semantics = 'Corrected',
        $ResolvedBy
    )
    $rbacConfig = Resolve-RbacShouldConfig $Config 'HaveRbacRole'
    if (-not [string]::IsNullOrEmpty([string]$ExpectedValue)) {
        Assert-RbacShouldName 'HaveRbacRole' 'ExpectedValue' $ExpectedValue @('proxy_admin', 'team', 'internal_user') -CaseSensitive
    }
    Assert-RbacShouldName 'HaveRbacRole' 'ResolvedBy' $ResolvedBy ([Enum]::GetNames([ModelRbac.ResolvedBy]))
    $value = $ActualValue
    $isToken = $value -is [string] -and -not $value.TrimStart().StartsWith('{')
    $noun = if ($isToken) { 'the token' } else { 'the claims' }
    $parameters = @{ Config = $rbacConfig; Semantics = $Semantics; ErrorAction = 'Stop'; WarningAction = 'SilentlyContinue' }
    if ($isToken) {
        $parameters.Token = $value
        if ($JwksPath) { $parameters.JwksPath = $JwksPath }
        elseif ($PublicKeyPath) { $parameters.PublicKeyPath = $PublicKeyPath }
        elseif ($SkipSignatureValidation) { $parameters.SkipSignatureValidation = $true }
        else { throw 'Should -HaveRbacRole needs -JwksPath, -PublicKeyPath or -SkipSignatureValidation to read a token (or pass claims: a hashtable, an object or JSON text).' }
        if ($Audience) { $parameters.Audience = $Audience }
        if ($Issuer) { $parameters.Issuer = $Issuer }
        if ($IgnoreLifetime) { $parameters.IgnoreLifetime = $true }
    }
    else {
        $parameters.Claims = $value
    }

    $expectedRole = if ([string]::IsNullOrEmpty([string]$ExpectedValue)) { $null } else { [string]$ExpectedValue }
    $expected = "Expected $noun $(if ($Negate) { 'not ' })to have $(if ($expectedRole) { "RBAC role $expectedRole" } else { 'no RBAC role' })$(if ($null -ne $ResolvedBy) { " resolved by $ResolvedBy" }) ($Semantics)$(Format-RbacShouldBecause $Because)"
    try {
        $identity = Get-JwtRbacRole @parameters
    }
    catch {
        # Fail closed: nothing can be asserted about a token that cannot be read. The error names kid/sub/jti at most.
        return [pscustomobject]@{ Succeeded = $false; FailureMessage = "$expected, but $noun could not be read: $($_.FullyQualifiedErrorId -replace ',.*$'): $($_.Exception.Message)" }
    }

    $holds = $identity.RbacRole -ceq $expectedRole -or ($null -eq $expectedRole -and [string]::IsNullOrEmpty($identity.RbacRole))
    if ($null -ne $ResolvedBy) { $holds = $holds -and "$($identity.ResolvedBy)" -eq "$ResolvedBy" }
    $succeeded = if ($Negate) { -not $holds } else { $holds }
    $message = $null
    if (-not $succeeded) {
        $who = if ($identity.Subject) { " (sub $($identity.Subject))" } else { '' }
        $actual = if ($identity.RbacRole) { "RBAC role $($identity.RbacRole)" } else { 'no RBAC role' }
        $upstream = if ($identity.UpstreamError) { "; LiteLLM today rejects it: $($identity.UpstreamError)" } else { '' }
        $message = "$expected, but $noun$who resolved to $actual by $($identity.ResolvedBy)$upstream."
    }
    [pscustomobject]@{ Succeeded = $succeeded; FailureMessage = $message }
}

$script:RbacShouldOperators = [ordered]@{
    BeAllowedModel = ${function:Test-RbacShouldBeAllowedModel}
    BeAllowedRoute = ${function:Test-RbacShouldBeAllowedRoute}
    HaveRbacRole   = ${function:Test-RbacShouldHaveRbacRole}
}
