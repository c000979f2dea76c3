using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ModelRbac.PowerShell.Tests;

/// <summary>Get-RbacAccessMatrix, Compare-RbacConfig and Test-RbacConfig in-process: output types, errors, the CI gate.</summary>
public sealed class AuditCmdletTests : IDisposable
{
    private readonly PowerShellHost _host = new();
    private readonly string _seed = Path.Combine(AppContext.BaseDirectory, "examples", "seed-repro.yaml");
    private readonly string _routes = Path.Combine(AppContext.BaseDirectory, "examples", "route-gate.yaml");
    private readonly string _temp = Directory.CreateTempSubdirectory("modelrbac-audit-").FullName;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public void TheMatrixHasOneFlatRowPerModelWithARoleColumnEach()
    {
        var (output, errors, _) = _host.Run($"Get-RbacAccessMatrix -Config '{_seed}' -Model claude-3-opus");
        Assert.Empty(errors);
        var rows = output.Select(o => Assert.IsType<RbacAccessMatrixRow>(o.BaseObject)).ToList();
        Assert.Equal(new[] { "bedrock-claude-draft-rep-sonnet", "bedrock-claude-haiku", "gpt-4o", "claude-3-opus" }, rows.Select(r => r.Model));
        Assert.Equal(new bool?[] { true, true, false, false }, rows.Select(r => r.internal_user));
        Assert.All(rows, r => Assert.True(r.proxy_admin));
        Assert.All(rows, r => Assert.True(r.team));
        Assert.Equal(new[] { "proxy_admin internal_user", "proxy_admin internal_user", "proxy_admin", "proxy_admin" }, rows.Select(r => r.DivergentRoles));
        Assert.Equal(new[] { true, true, true, false }, rows.Select(r => r.Deployed));
        Assert.Equal(
            new[] { "Model", "Deployed", "proxy_admin", "team", "internal_user", "Semantics", "Divergent", "DivergentRoles" },
            output[0].Properties.Select(p => p.Name));
    }

    [Fact]
    public void UpstreamColumnsAndARoleSubsetLeaveTheOtherColumnsNull()
    {
        var (output, errors, _) = _host.Run($"Get-RbacAccessMatrix -Config '{_seed}' -Role internal_user -Semantics Upstream");
        Assert.Empty(errors);
        var rows = output.Select(o => (RbacAccessMatrixRow)o.BaseObject).ToList();
        Assert.All(rows, r => Assert.Null(r.proxy_admin));
        Assert.All(rows, r => Assert.Null(r.team));
        Assert.All(rows, r => Assert.False(r.internal_user));
        Assert.Equal(new[] { true, true, false }, rows.Select(r => r.Divergent));
    }

    [Fact]
    public void DetailedCellsCarryTheGrantingEntryAndItsLine()
    {
        var (output, errors, _) = _host.Run($"Get-RbacAccessMatrix -Config '{_seed}' -Role internal_user -Detailed");
        Assert.Empty(errors);
        var cell = Assert.IsType<RbacAccessCell>(output[0].BaseObject);
        Assert.Equal(("bedrock-claude-draft-rep-sonnet", "internal_user", true, GrantSource.Wildcard, "bedrock-claude-*"), (cell.Model, cell.Role, cell.Allowed, cell.GrantSource, cell.MatchedPattern));
        Assert.Equal(("general_settings.role_permissions[0].models[0]", 27), (cell.YamlPath, cell.Line!.Value));
        Assert.True(cell.Divergent);
        var denied = (RbacAccessCell)output[2].BaseObject;
        Assert.Equal((false, GrantSource.Denied, (string?)null), (denied.Allowed, denied.GrantSource, denied.MatchedPattern));
    }

    [Fact]
    public void AnInvalidRoleIsNonTerminatingAndTheOtherColumnsStillCome()
    {
        var (output, errors, _) = _host.Run($"Get-RbacAccessMatrix -Config '{_seed}' -Role Team, team");
        var error = Assert.Single(errors);
        Assert.Equal("RoleInvalid,ModelRbac.PowerShell.Commands.GetRbacAccessMatrixCommand", error.FullyQualifiedErrorId);
        Assert.Equal(3, output.Count);
    }

    [Fact]
    public void AsHtmlWritesAFileAndReturnsItsFileInfo()
    {
        var report = Path.Combine(_temp, "report.html");
        var (output, errors, _) = _host.Run($"Get-RbacAccessMatrix -Config '{_seed}' -AsHtml -Path '{report}'");
        Assert.Empty(errors);
        Assert.Equal(report, Assert.IsType<FileInfo>(Assert.Single(output).BaseObject).FullName);
        var html = File.ReadAllText(report);
        Assert.Contains("data-model=\"gpt-4o\"", html);
        Assert.Contains("data-rule=\"MR006\"", html);

        var (text, textErrors, _) = _host.Run($"Get-RbacAccessMatrix -Config '{_seed}' -AsHtml");
        Assert.Empty(textErrors);
        Assert.Equal(html, Assert.IsType<string>(Assert.Single(text).BaseObject));
    }

    [Fact]
    public void CompareAcrossSemanticsListsWhatTodaysLiteLLMRevokes()
    {
        var (output, errors, _) = _host.Run($"Compare-RbacConfig -Config '{_routes}' -AcrossSemantics");
        Assert.Empty(errors);
        var change = Assert.IsType<RbacAccessChange>(Assert.Single(output).BaseObject);
        Assert.Equal((RbacAccessSubject.Route, "internal_user", "/v1/threads/{thread_id}", RbacAccessChangeKind.Revoked), (change.Kind, change.Role, change.Name, change.Change));
        Assert.Equal((RbacSemantics.Corrected, RbacSemantics.Upstream), (change.ReferenceSemantics, change.DifferenceSemantics));
        Assert.Equal(("/v1/threads/{thread_id}", 20), (change.ReferenceEntry, change.ReferenceLine!.Value));
        Assert.Equal("general_settings.role_permissions[1].routes", change.DifferenceYamlPath);
    }

    [Fact]
    public void CompareTwoConfigsTakesObjectsOrPathsAndFiltersRoles()
    {
        var (output, errors, _) = _host.Run($"$a = Import-RbacConfig '{_seed}'; Compare-RbacConfig $a '{_routes}' -Role internal_user");
        Assert.Empty(errors);
        var changes = output.Select(o => (RbacAccessChange)o.BaseObject).ToList();
        Assert.All(changes, c => Assert.Equal("internal_user", c.Role));
        // seed: internal_user gets the bedrock models, routes unrestricted; route-gate: models unrestricted, three routes.
        Assert.Contains(changes, c => c.Kind == RbacAccessSubject.Model && c.Name == "gpt-4o" && c.Change == RbacAccessChangeKind.Granted);
        Assert.Contains(changes, c => c.Kind == RbacAccessSubject.Route && c.Name == "/v1/chat/completions" && c.Change == RbacAccessChangeKind.Revoked);
        Assert.DoesNotContain(changes, c => c.Kind == RbacAccessSubject.Route && c.Name == "/v1/models");
    }

    [Fact]
    public void CompareStopsOnAnUnusableConfig()
    {
        var (output, errors, _) = _host.Run($"Compare-RbacConfig '{_seed}' '{Path.Combine(_temp, "missing.yaml")}'");
        Assert.Empty(output);
        Assert.Equal("ConfigNotFound,ModelRbac.PowerShell.Commands.CompareRbacConfigCommand", Assert.Single(errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void TestRbacConfigReportsARefusedConfigAsFindingsInsteadOfThrowing()
    {
        var broken = Path.Combine(_temp, "broken.yaml");
        File.WriteAllText(broken, "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n    audience: a\n    user_roles_jwt_field: roles\n  role_permissions:\n    - role: internal_user_viewer\n      models: [gpt-4o]\n");
        var (output, errors, _) = _host.Run($"Test-RbacConfig '{broken}'");
        Assert.Empty(errors);
        var findings = output.Select(o => Assert.IsType<RbacLintFinding>(o.BaseObject)).ToList();
        Assert.Equal(new[] { ("MR003", 5), ("MR002", 7) }, findings.Select(f => (f.Rule, f.Line!.Value)));
        Assert.All(findings, f => Assert.Equal(RbacLintSeverity.Error, f.Severity));
        Assert.Equal(broken, findings[0].File);
        Assert.StartsWith(broken + ":7:", findings[1].ToString());

        var (_, strictErrors, _) = _host.Run($"Import-RbacConfig '{broken}'");
        Assert.Equal("ConfigInvalid,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand", Assert.Single(strictErrors).FullyQualifiedErrorId);
    }

    [Fact]
    public void FailOnIsATerminatingGateAfterTheFindingsAreWritten()
    {
        var (output, errors, _) = _host.Run($"Test-RbacConfig '{_seed}' -FailOn Warning");
        Assert.Equal(3, output.Count);
        var error = Assert.Single(errors);
        Assert.Equal("ConfigLintFailed,ModelRbac.PowerShell.Commands.TestRbacConfigCommand", error.FullyQualifiedErrorId);
        Assert.Contains("3 findings at or above Warning", error.Exception.Message);
        Assert.Contains("MR006 UpstreamExactMatch", error.Exception.Message);

        var (passOutput, passErrors, _) = _host.Run($"Test-RbacConfig '{_seed}' -FailOn Error");
        Assert.Empty(passErrors);
        Assert.Equal(3, passOutput.Count);

        var (_, gateErrors, _) = _host.Run($"try {{ Test-RbacConfig '{_seed}' -FailOn Warning | Out-Null; 'passed' }} catch {{ 'stopped' }}");
        Assert.Empty(gateErrors);
    }

    [Fact]
    public void AMissingConfigFailsTheGateEvenWithoutFindings()
    {
        var (output, errors, _) = _host.Run($"Test-RbacConfig '{Path.Combine(_temp, "missing.yaml")}', '{_routes}' -FailOn Error");
        Assert.Equal(2, output.Count);
        Assert.Equal(
            new[] { "ConfigNotFound,ModelRbac.PowerShell.Commands.TestRbacConfigCommand", "ConfigLintFailed,ModelRbac.PowerShell.Commands.TestRbacConfigCommand" },
            errors.Select(e => e.FullyQualifiedErrorId));
    }

    [Fact]
    public void SarifPathWritesEveryPipelinedConfigsFindings()
    {
        var sarif = Path.Combine(_temp, "out.sarif");
        var (output, errors, _) = _host.Run($"'{_seed}', '{_routes}' | Test-RbacConfig -SarifPath '{sarif}'");
        Assert.Empty(errors);
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(output.Count, results.GetArrayLength());
        Assert.Equal(5, output.Count);
    }

    [Fact]
    public void ClaimsSamplesFeedTheStringRolesRule()
    {
        var config = Path.Combine(_temp, "roles.yaml");
        File.WriteAllText(config, "general_settings:\n  litellm_jwtauth:\n    audience: a\n    roles_jwt_field: groups\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n");
        var (output, errors, _) = _host.Run($"Test-RbacConfig '{config}' -Claims @{{ groups = 'admins' }}, '{{\"groups\": [\"admins\"]}}'");
        Assert.Empty(errors);
        var finding = (RbacLintFinding)Assert.Single(output).BaseObject;
        Assert.Equal(("MR014", 4), (finding.Rule, finding.Line!.Value));

        var (_, badErrors, _) = _host.Run($"Test-RbacConfig '{config}' -Claims '[1]'");
        Assert.Equal("ClaimsInvalid,ModelRbac.PowerShell.Commands.TestRbacConfigCommand", Assert.Single(badErrors).FullyQualifiedErrorId);
    }
}
