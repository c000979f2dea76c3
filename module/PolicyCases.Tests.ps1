# The Pester container Invoke-RbacPolicyTest runs: one test per policy case and model or route. The cases were
# read and validated before the run; each test asks the runner to decide its case, so Pester times and reports it.
param($Runner, $Tests, $Title)

Describe $Title {
    It '<Name>' -ForEach $Tests {
        $result = $Runner.Run($CaseIndex, $TargetIndex)
        if (-not $result.Passed) {
            # A Should-style error: Pester reports the case file and line, not this file.
            throw [Pester.Factory]::CreateShouldErrorRecord($result.Message, $File, [string]$Line, $LineText, $true, $result)
        }
    }
}
