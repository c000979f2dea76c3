# Dependency isolation (pitfalls P2-P4): another module's older YamlDotNet and Microsoft.IdentityModel already in the
# session, as Az, Microsoft.Graph or powershell-yaml put them there, must neither break ModelRbac nor be used by it.
# Each scenario runs in a fresh pwsh: assemblies cannot be unloaded, and this session already imported ModelRbac.
BeforeDiscovery {
    $script:scenarios = @(
        @{ Order = 'OlderFirst'; Description = 'older copies loaded before Import-Module ModelRbac' }
        @{ Order = 'ModelRbacFirst'; Description = 'older copies loaded after ModelRbac has been used' }
    )
}

BeforeAll {
    $packages = $env:MODELRBAC_NUGET_PACKAGES
    if (-not $packages -or -not (Test-Path -LiteralPath $packages)) { throw "MODELRBAC_NUGET_PACKAGES is not set to the NuGet packages folder ($packages)" }
    # Restored by the PackageDownload items of tests/ModelRbac.PowerShell.Tests; versions below ModelRbac's own.
    $script:olderAssemblies = @(
        'yamldotnet/16.3.0/lib/net8.0/YamlDotNet.dll'
        'microsoft.identitymodel.abstractions/7.7.1/lib/net8.0/Microsoft.IdentityModel.Abstractions.dll'
        'microsoft.identitymodel.logging/7.7.1/lib/net8.0/Microsoft.IdentityModel.Logging.dll'
        'microsoft.identitymodel.tokens/7.7.1/lib/net8.0/Microsoft.IdentityModel.Tokens.dll'
        'microsoft.identitymodel.jsonwebtokens/7.7.1/lib/net8.0/Microsoft.IdentityModel.JsonWebTokens.dll'
    ) | ForEach-Object { Join-Path $packages $_ }
    foreach ($path in $olderAssemblies) { if (-not (Test-Path -LiteralPath $path)) { throw "Missing $path; restore tests/ModelRbac.PowerShell.Tests" } }

    $script:examples = (Resolve-Path (Join-Path $PSScriptRoot '../../examples')).Path
    $script:probe = Join-Path $TestDrive 'probe.ps1'
    Set-Content -LiteralPath $probe -Value @'
param([string] $Module, [string] $OlderPaths, [string] $Examples, [string] $Order)
$ErrorActionPreference = 'Stop'
$token = (Get-Content -Raw -LiteralPath (Join-Path $Examples 'alice.jwt')).Trim()
function Use-OlderCopies {
    foreach ($path in $OlderPaths.Split([IO.Path]::PathSeparator)) { Add-Type -Path $path }
    # Work with the older copies as their owner module would: a YAML document and a JWT parsed by them.
    $yaml = [YamlDotNet.Serialization.Deserializer]::new().Deserialize([IO.StringReader]::new("older: yes"))
    $jwt = [Microsoft.IdentityModel.JsonWebTokens.JsonWebToken]::new($token)
    [pscustomobject]@{ Yaml = [string]@($yaml.Values)[0]; Subject = $jwt.Subject }
}
function Use-ModelRbac {
    $config = Import-RbacConfig -LiteralPath (Join-Path $Examples 'seed-repro.yaml')
    $identity = Get-JwtRbacRole -Token $token -Config $config -JwksPath (Join-Path $Examples 'example-jwks.json') -Audience litellm
    [pscustomobject]@{
        Allowed            = Test-ModelAccess -Config $config -Role internal_user -Model bedrock-claude-draft-rep-sonnet
        RbacRole           = $identity.RbacRole
        SignatureValidated = $identity.SignatureValidated
        Piped              = $identity | Test-ModelAccess -Config $config -Model gpt-4o
    }
}
if ($Order -eq 'OlderFirst') { $theirs = Use-OlderCopies; Import-Module $Module; $ours = Use-ModelRbac }
else { Import-Module $Module; $ours = Use-ModelRbac; $theirs = Use-OlderCopies; $ours = Use-ModelRbac }
$names = 'YamlDotNet', 'Microsoft.IdentityModel.Tokens', 'Microsoft.IdentityModel.JsonWebTokens', 'Microsoft.IdentityModel.Logging', 'Microsoft.IdentityModel.Abstractions'
$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in $names + 'ModelRbac.Core' } | ForEach-Object {
    [pscustomobject]@{ Name = $_.GetName().Name; Version = $_.GetName().Version.ToString(); Context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
}
[pscustomobject]@{ Older = $theirs; Ours = $ours; Loaded = @($loaded) } | ConvertTo-Json -Depth 6
'@
    function script:Invoke-Probe([string] $Order) {
        $json = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $probe -Module $env:MODELRBAC_MODULE -OlderPaths ($olderAssemblies -join [IO.Path]::PathSeparator) -Examples $examples -Order $Order
        if ($LASTEXITCODE -ne 0) { throw "The probe pwsh failed ($LASTEXITCODE): $json" }
        $json | Out-String | ConvertFrom-Json
    }
}

Describe 'Dependency isolation: <Description>' -ForEach $scenarios {
    BeforeAll {
        $script:result = Invoke-Probe $Order
    }

    It 'leaves the older copies working for their owner' {
        $result.Older.Yaml | Should -BeExactly 'yes'
        $result.Older.Subject | Should -BeExactly '5b0f7c2e-0d5a-4c1e-9a0e-7f1f2a6e9d11'
    }

    It 'decides and validates JWTs with ModelRbac' {
        $result.Ours.Allowed | Should -BeTrue
        $result.Ours.RbacRole | Should -BeExactly 'proxy_admin'
        $result.Ours.SignatureValidated | Should -BeTrue
        $result.Ours.Piped | Should -BeTrue
    }

    It 'keeps the older <_> in the default context and ModelRbac''s own in the ModelRbac context' -ForEach @(
        'YamlDotNet', 'Microsoft.IdentityModel.Tokens', 'Microsoft.IdentityModel.Logging', 'Microsoft.IdentityModel.Abstractions'
    ) {
        $copies = @($result.Loaded | Where-Object Name -EQ $_)
        $copies.Count | Should -Be 2
        $older = @($copies | Where-Object Context -EQ 'Default')
        $ours = @($copies | Where-Object Context -EQ 'ModelRbac')
        $older.Count | Should -Be 1
        $ours.Count | Should -Be 1
        [version]$older[0].Version | Should -BeLessThan ([version]$ours[0].Version)
        $expectedOlder = if ($_ -eq 'YamlDotNet') { '16.0.0.0' } else { '7.7.1.0' }
        $older[0].Version | Should -Be $expectedOlder
    }

    It 'leaves the older Microsoft.IdentityModel.JsonWebTokens the only copy (ModelRbac verifies through Microsoft.IdentityModel.Tokens)' {
        $copies = @($result.Loaded | Where-Object Name -EQ 'Microsoft.IdentityModel.JsonWebTokens')
        $copies.Count | Should -Be 1
        $copies[0].Context | Should -Be 'Default'
        $copies[0].Version | Should -Be '7.7.1.0'
    }

    It 'loads ModelRbac.Core once, in the ModelRbac context' {
        $core = @($result.Loaded | Where-Object Name -EQ 'ModelRbac.Core')
        $core.Count | Should -Be 1
        $core[0].Context | Should -Be 'ModelRbac'
    }
}
