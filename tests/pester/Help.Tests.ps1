# Every exported cmdlet has real help: synopsis, description, examples with output, every parameter described.
BeforeDiscovery {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:cmdlets = @(Get-Command -Module ModelRbac -CommandType Cmdlet | ForEach-Object {
        $name = $_.Name
        @{
            Name       = $name
            Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters } |
                ForEach-Object { @{ Cmdlet = $name; Parameter = $_ } })
        }
    })
}

BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $script:help = Get-Help $Name -Full
    }

    It 'has a synopsis of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name \[?-"   # the auto-generated synopsis is the syntax line
    }

    It 'has a description' {
        ($help.Description.Text -join ' ').Length | Should -BeGreaterThan 80
    }

    It 'has at least two examples, each with its output' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.Examples.Example) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks.Text -join "`n") | Should -BeLike '*Output:*'
        }
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $parameterHelp = (Get-Help $Cmdlet -Parameter $Parameter)
        ($parameterHelp.Description.Text -join ' ').Length | Should -BeGreaterThan 10
    }
}

Describe 'INPUTS in help' {
    It 'names what <_> takes from the pipeline' -ForEach @('Test-ModelAccess', 'Test-RouteAccess', 'Get-JwtRbacRole') {
        $command = Get-Command $_
        $piped = @($command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } })
        $inputs = @((Get-Help $_ -Full).inputTypes.inputType)
        $inputs.Count | Should -Be $piped.Count
        ($inputs.description.Text -join ' ') | Should -BeLike '*by*to -*'
    }

    It 'says Test-ModelAccess takes model names by value and the role by property name' {
        $text = (Get-Help Test-ModelAccess -Full).inputTypes.inputType.description.Text -join "`n"
        $text | Should -BeLike '*by value to -Model*'
        $text | Should -BeLike '*by property name (Role, RbacRole) to -Role*'
    }
}
