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
