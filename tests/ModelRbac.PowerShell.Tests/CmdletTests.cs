using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ModelRbac.PowerShell.Tests;

/// <summary>The cmdlets in-process: output types, pipeline binding, error ids and fail-closed behaviour.</summary>
public sealed class CmdletTests : IDisposable
{
    private readonly PowerShellHost _host = new();
    private readonly string _seed = Path.Combine(AppContext.BaseDirectory, "examples", "seed-repro.yaml");

    public void Dispose() => _host.Dispose();

    [Fact]
    public void TestModelAccessWritesOneBooleanPerModel()
    {
        var (output, errors, _) = _host.Run($"Test-ModelAccess -Config '{_seed}' -Role internal_user -Model bedrock-claude-draft-rep-sonnet, gpt-4o");
        Assert.Empty(errors);
        Assert.Equal(new object[] { true, false }, output.Select(o => o.BaseObject));
        var (upstream, _, _) = _host.Run($"'bedrock-claude-draft-rep-sonnet' | Test-ModelAccess -Config '{_seed}' -Role internal_user -Semantics Upstream");
        Assert.Equal(false, Assert.Single(upstream).BaseObject);
    }

    [Fact]
    public void DetailedDecisionsCarryTheContractProperties()
    {
        var (output, errors, _) = _host.Run($"$c = Import-RbacConfig -LiteralPath '{_seed}'; Test-ModelAccess -Config $c internal_user bedrock-claude-draft-rep-sonnet -Detailed");
        Assert.Empty(errors);
        var decision = Assert.IsType<ModelAccessDecision>(Assert.Single(output).BaseObject);
        Assert.True(decision.Allowed);
        Assert.Equal(GrantSource.Wildcard, decision.GrantSource);
        Assert.Equal("bedrock-claude-*", decision.MatchedPattern);
        Assert.Equal(RbacSemantics.Corrected, decision.Semantics);
        Assert.False(decision.UpstreamAllowed);
        Assert.True(decision.Divergent);
        Assert.Equal("Role=internal_user not allowed to call model=bedrock-claude-draft-rep-sonnet. Allowed models=['bedrock-claude-*']", decision.UpstreamMessage);
    }

    [Fact]
    public void RoleBindsByPropertyNameFromTheRbacRoleAlias()
    {
        var (output, errors, _) = _host.Run(
            $"[pscustomobject]@{{ RbacRole = 'proxy_admin' }}, [pscustomobject]@{{ RbacRole = $null }} | Test-ModelAccess -Config '{_seed}' -Model gpt-4o -Detailed");
        Assert.Empty(errors);
        var decisions = output.Select(o => (ModelAccessDecision)o.BaseObject).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.True(decisions[0].Allowed);
        Assert.False(decisions[1].Allowed);
        Assert.Null(decisions[1].Role);
        Assert.StartsWith("Unmatched token passed in.", decisions[1].Message);
    }

    [Fact]
    public void AnInvalidRoleIsANonTerminatingRoleInvalidWithNoOutput()
    {
        var (output, errors, _) = _host.Run(
            $"[pscustomobject]@{{ RbacRole = 'internal_user_viewer' }}, [pscustomobject]@{{ RbacRole = 'proxy_admin' }} | Test-ModelAccess -Config '{_seed}' -Model gpt-4o");
        var error = Assert.Single(errors);
        Assert.Equal("RoleInvalid,ModelRbac.PowerShell.Commands.TestModelAccessCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(true, Assert.Single(output).BaseObject);
    }

    [Fact]
    public void AnUnusableConfigIsTerminating()
    {
        var (output, errors, _) = _host.Run("try { Test-ModelAccess -Config ./no-such-config.yaml -Role team -Model a -ErrorAction SilentlyContinue; 'not reached' } catch { $_.FullyQualifiedErrorId }");
        Assert.Empty(errors);
        Assert.Equal("ConfigNotFound,ModelRbac.PowerShell.Commands.TestModelAccessCommand", Assert.Single(output).BaseObject);

        var (_, wrongType, _) = _host.Run("Test-ModelAccess -Config 42 -Role team -Model a");
        Assert.Equal("ConfigInvalid,ModelRbac.PowerShell.Commands.TestModelAccessCommand", Assert.Single(wrongType).FullyQualifiedErrorId);
    }

    [Fact]
    public void ImportRbacConfigReportsLocationsAndWarnings()
    {
        var (output, errors, _) = _host.Run("Import-RbacConfig -Yaml \"general_settings:`n  role_permissions:`n    internal_user: {models: [a]}`n\"");
        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.Equal("ConfigInvalid,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand", error.FullyQualifiedErrorId);
        Assert.Contains("general_settings.role_permissions", error.Exception.Message);
        Assert.Contains("<yaml>:3:", error.Exception.Message);

        var (config, none, warnings) = _host.Run("Import-RbacConfig -Yaml \"general_settings:`n  litellm_jwtauth:`n    enforce_rbca: true`n\"");
        Assert.Empty(none);
        Assert.Single(config);
        Assert.Contains(warnings, w => w.Contains("'enforce_rbac'"));
    }

    [Fact]
    public void ImportRbacConfigExposesTheContractProperties()
    {
        var (output, errors, _) = _host.Run($"Import-RbacConfig '{_seed}'");
        Assert.Empty(errors);
        var config = Assert.IsType<RbacConfig>(Assert.Single(output).BaseObject);
        Assert.Equal(_seed, config.Path);
        Assert.True(config.EnforceRbac);
        Assert.Equal(new[] { "internal_user", "proxy_admin" }, config.Roles.Select(r => r.Role));
        Assert.Equal(3, config.Deployments.Count);
        Assert.Equal("preferred_username", config.JwtAuth["user_id_jwt_field"]);
    }

    [Fact]
    public void ExpandRolePermissionListsGrantsAndWarnsAboutDeadEntries()
    {
        var (output, errors, warnings) = _host.Run($"Expand-RolePermission -Config '{_seed}' -Role internal_user -Semantics Upstream");
        Assert.Empty(errors);
        Assert.Empty(output);
        Assert.Contains(warnings, w => w.Contains("'bedrock-claude-*'") && w.Contains("models[0]"));

        var (grants, _, _) = _host.Run($"Expand-RolePermission -Config '{_seed}' -Role internal_user");
        Assert.Equal(new[] { "bedrock-claude-draft-rep-sonnet", "bedrock-claude-haiku" }, grants.Select(g => ((RoleModelGrant)g.BaseObject).Model));
    }
}
