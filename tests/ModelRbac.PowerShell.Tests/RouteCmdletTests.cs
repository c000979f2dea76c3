using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ModelRbac.PowerShell.Tests;

/// <summary>Test-RouteAccess and Expand-RoleRoute in-process: pipeline, query stripping, output types, error ids.</summary>
public sealed class RouteCmdletTests : IDisposable
{
    private readonly PowerShellHost _host = new();
    private readonly string _config = Path.Combine(AppContext.BaseDirectory, "examples", "route-gate.yaml");

    public void Dispose() => _host.Dispose();

    [Fact]
    public void RoutesBindFromThePipelineAndGiveOneBooleanEach()
    {
        var (output, errors, _) = _host.Run($"'/v1/chat/completions', '/key/generate', '/model-host/v1/predict' | Test-RouteAccess -Config '{_config}' -Role team");
        Assert.Empty(errors);
        Assert.Equal(new object[] { true, false, true }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public void TheQueryStringIsStrippedAndTheDecisionCarriesThePath()
    {
        var (output, errors, _) = _host.Run($"Test-RouteAccess -Config '{_config}' team '/v1/threads/abc?limit=10' -Detailed");
        Assert.Empty(errors);
        var decision = Assert.IsType<RouteAccessDecision>(Assert.Single(output).BaseObject);
        Assert.Equal("/v1/threads/abc", decision.Route);
        Assert.True(decision.Allowed);
        Assert.Equal("openai_routes", decision.MatchedEntry);
        Assert.Equal("/v1/threads/{thread_id}", decision.MatchedTemplate);
        Assert.Equal(RbacSemantics.Corrected, decision.Semantics);
        Assert.Null(decision.StatusCode);
        Assert.False(decision.Divergent);
    }

    [Fact]
    public void APlaceholderLiteralDivergesAndCarriesLiteLLMsDenialText()
    {
        var (output, errors, _) = _host.Run($"Test-RouteAccess -Config '{_config}' -Role internal_user -Route /v1/threads/abc -Semantics Upstream -Detailed");
        Assert.Empty(errors);
        var decision = Assert.IsType<RouteAccessDecision>(Assert.Single(output).BaseObject);
        Assert.False(decision.Allowed);
        Assert.Equal(403, decision.StatusCode);
        Assert.Equal(
            "Role=internal_user not allowed to call route=/v1/threads/abc. Allowed routes=['/v1/models', '/models', '/v1/threads/{thread_id}']",
            decision.Message);
        Assert.True(decision.Divergent);
        Assert.Equal(RbacSemantics.Upstream, decision.Semantics);
        var properties = Assert.Single(output).Properties.Select(p => p.Name).ToArray();
        Assert.Equal(
            new[] { "Role", "Route", "Allowed", "MatchedEntry", "MatchedTemplate", "Semantics", "StatusCode", "Message", "UpstreamAllowed", "UpstreamMessage", "Divergent" },
            properties);
    }

    [Fact]
    public void RoleBindsByPropertyNameAndNoRoleIsDenied()
    {
        var (output, errors, _) = _host.Run(
            $"[pscustomobject]@{{ RbacRole = 'team' }}, [pscustomobject]@{{ RbacRole = $null }} | Test-RouteAccess -Config '{_config}' -Route /v1/models -Detailed");
        Assert.Empty(errors);
        var decisions = output.Select(o => (RouteAccessDecision)o.BaseObject).ToList();
        Assert.True(decisions[0].Allowed);
        Assert.False(decisions[1].Allowed);
        Assert.StartsWith("Unmatched token passed in.", decisions[1].Message);
    }

    [Fact]
    public void AnInvalidRoleIsANonTerminatingRoleInvalid()
    {
        var (output, errors, _) = _host.Run(
            $"[pscustomobject]@{{ RbacRole = 'Team' }}, [pscustomobject]@{{ RbacRole = 'team' }} | Test-RouteAccess -Config '{_config}' -Route /v1/models");
        var error = Assert.Single(errors);
        Assert.Equal("RoleInvalid,ModelRbac.PowerShell.Commands.TestRouteAccessCommand", error.FullyQualifiedErrorId);
        Assert.Equal(true, Assert.Single(output).BaseObject);
    }

    [Fact]
    public void AnUnusableConfigIsTerminating()
    {
        var (output, errors, _) = _host.Run("try { Test-RouteAccess -Config ./no-such-config.yaml -Role team -Route /v1/models; 'not reached' } catch { $_.FullyQualifiedErrorId }");
        Assert.Empty(errors);
        Assert.Equal("ConfigNotFound,ModelRbac.PowerShell.Commands.TestRouteAccessCommand", Assert.Single(output).BaseObject);
    }

    [Fact]
    public void AnUnsetRoutesVariableIsANonTerminatingErrorNeverAllowed()
    {
        const string yaml = "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n  role_permissions:\n    - role: team\n      routes: [os.environ/ROUTES_CMDLET_UNSET_X]\n";
        var (output, errors, _) = _host.Run($"$c = Import-RbacConfig -Yaml \"{yaml.Replace("\n", "`n")}\"; Test-RouteAccess -Config $c team /v1/models, /x");
        Assert.Empty(output);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("ConfigEnvironmentMissing,", e.FullyQualifiedErrorId));
    }

    [Fact]
    public void AnEmptyRouteIsNoRouteAndAQueryOnlyRouteIsJudged()
    {
        var (output, errors, _) = _host.Run($"Test-RouteAccess -Config '{_config}' team '', '?x=1'");
        Assert.Empty(errors);
        Assert.Equal(new object[] { true, false }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public void ExpandRoleRouteListsTheRoleSurface()
    {
        var (output, errors, _) = _host.Run($"Expand-RoleRoute -Config '{_config}' -Role team, internal_user");
        Assert.Empty(errors);
        var grants = output.Select(o => (RoleRouteGrant)o.BaseObject).ToList();
        Assert.Contains(grants, g => g.Role == "team" && g.Entry == "openai_routes" && g.Template == "/v1/threads/{thread_id}" && g.Kind == "Group");
        Assert.Contains(grants, g => g.Role == "team" && g.Template == "/model-host/*" && g.Kind == "Prefix");
        Assert.Contains(grants, g => g.Role == "internal_user" && g.Template == "/v1/threads/{thread_id}" && g.Kind == "Template");
        var (upstream, _, warnings) = _host.Run($"Expand-RoleRoute -Config '{_config}' internal_user -Semantics Upstream | Where-Object Kind -eq Literal");
        Assert.Equal(3, upstream.Count);
        // Located at the entry itself (route-gate.yaml line 20), not at its role.
        var warning = Assert.Single(warnings);
        Assert.Contains(":20:", warning);
        Assert.Contains("(general_settings.role_permissions[1].routes[2]): '/v1/threads/{thread_id}' (internal_user) has a {placeholder}", warning);
        var (bad, badErrors, _) = _host.Run($"Expand-RoleRoute -Config '{_config}' -Role ''");
        Assert.Empty(bad);
        Assert.StartsWith("RoleInvalid,", Assert.Single(badErrors).FullyQualifiedErrorId);
    }
}
