# The audit cmdlets (issue 5) against the built module: the matrix as CSV and HTML, the diff, the lint as a CI gate.
BeforeAll {
    Import-Module $env:MODELRBAC_MODULE -Force
    $script:seed = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/seed-repro.yaml')).Path
    $script:routes = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/route-gate.yaml')).Path
    $script:config = Import-RbacConfig -LiteralPath $seed

    function Read-XmlPage([string] $Path) {
        $settings = [Xml.XmlReaderSettings]::new()
        $settings.DtdProcessing = [Xml.DtdProcessing]::Ignore
        $reader = [Xml.XmlReader]::Create($Path, $settings)
        try { $page = [xml]::new(); $page.Load($reader); $page } finally { $reader.Dispose() }
    }
}

Describe 'Get-RbacAccessMatrix' {
    It 'exports flat rows to CSV and reads them back' {
        $csv = Join-Path $TestDrive 'matrix.csv'
        Get-RbacAccessMatrix -Config $config | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        @($rows[0].PSObject.Properties.Name) | Should -Be @('Model', 'Deployed', 'proxy_admin', 'team', 'internal_user', 'Semantics', 'Divergent', 'DivergentRoles')
        $rows.Model | Should -Be @('bedrock-claude-draft-rep-sonnet', 'bedrock-claude-haiku', 'gpt-4o')
        $rows.internal_user | Should -Be @('True', 'True', 'False')
        $rows[2].DivergentRoles | Should -BeExactly 'proxy_admin'
    }

    It 'formats as a table with a column per role' {
        $text = Get-RbacAccessMatrix -Config $config | Format-Table | Out-String -Width 200
        $text | Should -Match 'Model\s+proxy_admin\s+team\s+internal_user\s+Semantics\s+DivergentRoles'
        $text | Should -Match 'gpt-4o\s+True\s+True\s+False\s+Corrected\s+proxy_admin'
    }

    It 'writes an HTML page in which every cell is present and matches -Detailed' {
        $report = Join-Path $TestDrive 'report.html'
        $file = Get-RbacAccessMatrix -Config $config -Model 'claude-3-opus' -AsHtml -Path $report
        $file.FullName | Should -Be $report
        $page = Read-XmlPage $report
        $cells = Get-RbacAccessMatrix -Config $config -Model 'claude-3-opus' -Detailed
        $rendered = $page.SelectNodes('//table[@id="matrix"]/tbody/tr/td')
        $rendered.Count | Should -Be 12
        $cells.Count | Should -Be 12
        foreach ($cell in $cells) {
            $node = $page.SelectSingleNode(('//table[@id="matrix"]/tbody/tr[@data-model="{0}"]/td[@data-role="{1}"]' -f $cell.Model, $cell.Role))
            $node | Should -Not -BeNullOrEmpty
            $node.GetAttribute('data-allowed') | Should -BeExactly $cell.Allowed.ToString().ToLowerInvariant()
            $node.GetAttribute('data-upstream-allowed') | Should -BeExactly $cell.UpstreamAllowed.ToString().ToLowerInvariant()
            $node.GetAttribute('data-divergent') | Should -BeExactly $cell.Divergent.ToString().ToLowerInvariant()
            if ($cell.MatchedPattern) { $node.GetAttribute('title') | Should -BeLike "*'$($cell.MatchedPattern)'*" }
        }
        $page.SelectNodes('//table[@id="findings"]/tbody/tr').Count | Should -Be @(Test-RbacConfig -Config $config).Count
        (Get-Content -Raw -LiteralPath $report) | Should -Not -Match '<(script|link)\b|src='
    }
}

Describe 'Compare-RbacConfig' {
    BeforeAll {
        $script:before = Join-Path $TestDrive 'before.yaml'
        $script:after = Join-Path $TestDrive 'after.yaml'
        $head = "model_list:`n  - model_name: gpt-4o`n  - model_name: claude-haiku`ngeneral_settings:`n  litellm_jwtauth:`n    enforce_rbac: true`n  role_permissions:`n"
        Set-Content -LiteralPath $before -Value ($head + "    - role: team`n      models: [gpt-4o, claude-haiku]`n      routes: [openai_routes]`n")
        Set-Content -LiteralPath $after -Value ($head + "    - role: team`n      models: [gpt-4o]`n      routes: [openai_routes, /model-host/*]`n")
    }

    It 'lists the revoked model and the granted route with the entry on each side' {
        $changes = Compare-RbacConfig -ReferenceConfig $before -DifferenceConfig $after
        $changes.Count | Should -Be 2
        $model = $changes | Where-Object Kind -EQ 'Model'
        $model.Role | Should -BeExactly 'team'
        $model.Name | Should -BeExactly 'claude-haiku'
        "$($model.Change)" | Should -BeExactly 'Revoked'
        $model.ReferenceEntry | Should -BeExactly 'claude-haiku'
        $model.ReferenceYamlPath | Should -BeExactly 'general_settings.role_permissions[0].models[1]'
        $model.ReferenceLine | Should -Be 9
        $model.DifferenceEntry | Should -BeNullOrEmpty
        $route = $changes | Where-Object Kind -EQ 'Route'
        "$($route.Change)" | Should -BeExactly 'Granted'
        $route.Name | Should -BeExactly '/model-host/*'
        $route.DifferenceEntry | Should -BeExactly '/model-host/*'
    }

    It 'the reverse direction swaps Granted and Revoked' {
        $changes = Compare-RbacConfig $after $before
        ($changes | ForEach-Object { "$($_.Kind) $($_.Change)" }) | Should -Be @('Model Granted', 'Route Revoked')
    }

    It 'across semantics: what breaks on today''s LiteLLM' {
        $changes = Compare-RbacConfig -Config $routes -AcrossSemantics
        $changes.Name | Should -BeExactly '/v1/threads/{thread_id}'
        $changes.Path | Should -BeExactly '/v1/threads/sample'
    }
}

Describe 'Test-RbacConfig' {
    It 'writes findings with rule ids, YAML paths and lines' {
        $findings = Test-RbacConfig $seed
        $findings.Rule | Should -Be @('MR013', 'MR006', 'MR006')
        $findings.Line | Should -Be @(19, 27, 29)
        $findings[1].YamlPath | Should -BeExactly 'general_settings.role_permissions[0].models[0]'
        "$($findings[1])" | Should -BeLike "$seed`:27:*MR006 UpstreamExactMatch*"
    }

    It 'is a CI gate: pwsh exits non-zero on warnings with -FailOn Warning and zero with -FailOn Error' {
        $pwsh = Join-Path $PSHOME 'pwsh'
        $command = "Import-Module '$env:MODELRBAC_MODULE'; Test-RbacConfig '$seed' -FailOn {0} | Out-Null"
        & $pwsh -NoProfile -NonInteractive -Command ($command -f 'Warning') 2>&1 | Out-Null
        $LASTEXITCODE | Should -Not -Be 0
        & $pwsh -NoProfile -NonInteractive -Command ($command -f 'Error') 2>&1 | Out-Null
        $LASTEXITCODE | Should -Be 0
    }

    It 'reports a config LiteLLM refuses as Error findings and fails -FailOn Error' {
        $broken = Join-Path $TestDrive 'broken.yaml'
        Set-Content -LiteralPath $broken -Value "general_settings:`n  litellm_jwtauth:`n    object_id_jwt_field: oid`n    audience: a`n"
        { Import-RbacConfig $broken -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigInvalid,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand'
        $findings = Test-RbacConfig $broken
        $findings.Rule | Should -BeExactly 'MR004'
        "$($findings.Severity)" | Should -BeExactly 'Error'
        { Test-RbacConfig $broken -FailOn Error } | Should -Throw -ErrorId 'ConfigLintFailed,ModelRbac.PowerShell.Commands.TestRbacConfigCommand'
    }

    It 'writes SARIF 2.1.0 with the required shape' {
        $sarif = Join-Path $TestDrive 'lint.sarif'
        $findings = Test-RbacConfig $seed, $routes -SarifPath $sarif
        $log = Get-Content -Raw -LiteralPath $sarif | ConvertFrom-Json
        $log.version | Should -BeExactly '2.1.0'
        $log.'$schema' | Should -Match 'sarif-2\.1\.0'
        $log.runs.Count | Should -Be 1
        $log.runs[0].tool.driver.name | Should -BeExactly 'ModelRbac'
        @($log.runs[0].tool.driver.rules).Count | Should -Be 18
        @($log.runs[0].results).Count | Should -Be @($findings).Count
        foreach ($result in $log.runs[0].results) {
            $result.ruleId | Should -Match '^MR\d{3}$'
            $result.level | Should -BeIn @('error', 'warning', 'note')
            $result.message.text | Should -Not -BeNullOrEmpty
            $result.locations[0].physicalLocation.artifactLocation.uri | Should -Not -BeNullOrEmpty
            $result.locations[0].physicalLocation.region.startLine | Should -BeGreaterThan 0
        }
    }
}
