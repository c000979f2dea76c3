# The .nupkg from build.ps1 -Task Package installs with PSResourceGet and works when imported by name.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:moduleDir = Split-Path $env:MODELRBAC_MODULE
    $script:version = (Import-PowerShellDataFile $env:MODELRBAC_MODULE).ModuleVersion
    $script:pwsh = Join-Path $PSHOME 'pwsh'

    # Runs a child pwsh with a throwaway HOME; environment variables are process-wide, so restore them afterwards.
    function Invoke-ChildPwsh([string] $HomePath, [string] $Script) {
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; PSModulePath = $env:PSModulePath }
        try {
            $env:HOME = $HomePath; $env:XDG_DATA_HOME = $null; $env:PSModulePath = $null
            @(& $pwsh -NoProfile -NonInteractive -Command $Script 2>&1 | ForEach-Object { "$_" })
        }
        finally {
            foreach ($name in $saved.Keys) { Set-Item -Path "env:$name" -Value $saved[$name] }
        }
    }
}

Describe 'Packaging' {
    It 'Install-PSResource installs the package from a local repository and a fresh pwsh imports it by name' {
        # Pack the built module the way build.ps1 -Task Package does, into this test's own folder.
        $feed = Join-Path $TestDrive 'feed'
        $null = New-Item -ItemType Directory -Path $feed
        Compress-PSResource -Path $moduleDir -DestinationPath $feed
        Join-Path $feed "ModelRbac.$version.nupkg" | Should -Exist

        # A throwaway HOME: the repository registration and the CurrentUser scope live under it, not the real profile.
        $fakeHome = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory -Path $fakeHome
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name ModelRbacTest -Uri '$feed' -Trusted
Install-PSResource -Name ModelRbac -Repository ModelRbacTest -Scope CurrentUser -TrustRepository -Quiet
(Get-InstalledPSResource -Name ModelRbac -Scope CurrentUser).Version.ToString()
"@
        $installed = @(Invoke-ChildPwsh $fakeHome $script)
        $LASTEXITCODE | Should -Be 0 -Because ($installed -join "`n")
        $installed[-1] | Should -Be $version

        $check = @"
`$ErrorActionPreference = 'Stop'
Import-Module ModelRbac
(Get-Module ModelRbac).ModuleBase
Test-ModelAccess -Config '$root/examples/seed-repro.yaml' -Role internal_user -Model bedrock-claude-draft-rep-sonnet
"@
        $result = @(Invoke-ChildPwsh $fakeHome $check)
        $LASTEXITCODE | Should -Be 0 -Because ($result -join "`n")
        $result[0] | Should -BeLike "$fakeHome*"
        $result[1] | Should -Be 'True'
    }
}
