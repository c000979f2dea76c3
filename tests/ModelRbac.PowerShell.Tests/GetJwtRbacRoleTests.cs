using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelRbac.Core.Tests.Node;
using Xunit;

namespace ModelRbac.PowerShell.Tests;

/// <summary>Get-JwtRbacRole in-process: jose-signed tokens, both semantics, pipeline into Test-ModelAccess, error ids.</summary>
[Collection("node")]
public sealed class GetJwtRbacRoleTests : IDisposable
{
    private readonly PowerShellHost _host = new();
    private readonly NodeFixtures _fixtures;
    private readonly string _seed = Path.Combine(AppContext.BaseDirectory, "examples", "seed-repro.yaml");

    public GetJwtRbacRoleTests(NodeFixtures fixtures)
    {
        _fixtures = fixtures;
    }

    public void Dispose() => _host.Dispose();

    private Dictionary<string, object?> Vars(params string[] files)
    {
        var variables = new Dictionary<string, object?> { ["seed"] = _seed, ["jwks"] = _fixtures.JwksPath("multi"), ["pem"] = _fixtures.PathOf("rsa-public.pem") };
        foreach (var file in files)
        {
            variables[Path.GetFileNameWithoutExtension(file).Replace("-", "_")] = _fixtures.Token(file);
        }

        return variables;
    }

    [Fact]
    public void TheSeedTokenIsProxyAdminCorrectedAndInternalUserUpstream()
    {
        var (output, errors, warnings) = _host.Run("Get-JwtRbacRole -Token $rs256 -Config $seed -JwksPath $jwks -Audience modelrbac -Issuer https://idp.test", Vars("rs256.jwt"));
        Assert.Empty(errors);
        Assert.Empty(warnings);
        var identity = Assert.IsType<JwtRbacIdentity>(Assert.Single(output).BaseObject);
        Assert.Equal(("proxy_admin", ResolvedBy.AllowedUserRole), (identity.RbacRole, identity.ResolvedBy));
        Assert.Equal(("internal_user", ResolvedBy.UserId), (identity.UpstreamRbacRole, identity.UpstreamResolvedBy));
        Assert.True(identity.SignatureValidated);
        Assert.Equal("alice", identity.UserId);
        Assert.Null(identity.Email); // the seed config sets no user_email_jwt_field
        Assert.Equal(new[] { "proxy_admin" }, identity.Roles);
        Assert.Equal(new[] { "openid", "profile" }, identity.Scopes);
        Assert.False(identity.IsAdmin);
        Assert.Equal("https://idp.test", identity.Issuer);
        Assert.NotNull(identity.ExpiresUtc);
        Assert.Null(identity.UpstreamError);
        var (roles, _, _) = _host.Run("$id = Get-JwtRbacRole $rs256 -Config $seed -PublicKeyPath $pem; $id.Claims.resource_access.litellm.roles", Vars("rs256.jwt"));
        Assert.Equal("proxy_admin", Assert.Single(roles).BaseObject);
    }

    [Fact]
    public void UpstreamSemanticsPutsTheUpstreamRoleIntoRbacRole()
    {
        var (output, _, _) = _host.Run("Get-JwtRbacRole $rs256 -Config $seed -JwksPath $jwks -Semantics Upstream", Vars("rs256.jwt"));
        var identity = (JwtRbacIdentity)Assert.Single(output).BaseObject;
        Assert.Equal(("internal_user", ResolvedBy.UserId, RbacSemantics.Upstream), (identity.RbacRole, identity.ResolvedBy, identity.Semantics));
    }

    [Fact]
    public void ThePipelineIntoTestModelAccessUsesTheTokensRole()
    {
        var (output, errors, _) = _host.Run("Get-JwtRbacRole $rs256 -Config $seed -JwksPath $jwks | Test-ModelAccess -Config $seed -Model gpt-4o", Vars("rs256.jwt"));
        Assert.Empty(errors);
        Assert.Equal(true, Assert.Single(output).BaseObject);
        var (upstream, _, _) = _host.Run("Get-JwtRbacRole $rs256 -Config $seed -JwksPath $jwks -Semantics Upstream | Test-ModelAccess -Config $seed -Model gpt-4o -Semantics Upstream", Vars("rs256.jwt"));
        Assert.Equal(false, Assert.Single(upstream).BaseObject);
        var (none, noneErrors, _) = _host.Run("Get-JwtRbacRole -Claims @{ sub = 'x' } -Config $seed | Test-ModelAccess -Config $seed -Model gpt-4o -Detailed", Vars());
        Assert.Empty(noneErrors);
        var decision = (ModelAccessDecision)Assert.Single(none).BaseObject;
        Assert.False(decision.Allowed);
        Assert.Null(decision.Role);
        Assert.Equal("Unmatched token passed in. enforce_rbac is set to True. Token must belong to a proxy admin, team, or user.", decision.Message);
    }

    [Fact]
    public void BadTokensInAPipelineAreNonTerminatingAndNeverEchoed()
    {
        var files = new[] { "expired.jwt", "rs256.jwt", "alg-none.jwt", "hs256-keyconfusion.jwt", "tampered.jwt", "unknown-kid.jwt", "rs256-nokid-multi.jwt", "wrong-aud.jwt", "notyet.jwt" };
        var variables = Vars(files);
        var (output, errors, _) = _host.Run("$expired, $rs256, $alg_none, $hs256_keyconfusion, $tampered, $unknown_kid, $rs256_nokid_multi, $wrong_aud, $notyet, 'garbage' | Get-JwtRbacRole -Config $seed -JwksPath $jwks -Audience modelrbac -Verbose 4>&1", variables);
        Assert.Single(output, o => o.BaseObject is JwtRbacIdentity);
        Assert.Equal(
            new[] { "TokenExpired", "TokenAlgorithmNotAllowed", "TokenAlgorithmNotAllowed", "TokenSignatureInvalid", "TokenKeyNotFound", "TokenKeyNotFound", "TokenAudienceInvalid", "TokenNotYetValid", "TokenMalformed" },
            errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(errors, e => Assert.EndsWith(",ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand", e.FullyQualifiedErrorId));
        var transcript = string.Join("\n", errors.Select(e => e.ToString() + e.Exception + e.TargetObject + e.CategoryInfo))
            + string.Join("\n", output.Select(o => o.ToString()));
        foreach (var token in variables.Values.OfType<string>().Where(v => v.Count(c => c == '.') == 2))
        {
            foreach (var segment in token.Split('.').Where(s => s.Length >= 8))
            {
                Assert.DoesNotContain(segment, transcript, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AnUnusableKeySourceIsTerminating()
    {
        // try/catch only sees terminating errors.
        var (output, errors, _) = _host.Run("try { Get-JwtRbacRole $rs256 -Config $seed -JwksPath ./no-such-jwks.json } catch { $_.FullyQualifiedErrorId }", Vars("rs256.jwt"));
        Assert.Empty(errors);
        Assert.Equal("JwksUnavailable,ModelRbac.PowerShell.Commands.GetJwtRbacRoleCommand", Assert.Single(output).BaseObject);
    }

    [Fact]
    public void SkippingSignaturesWarnsAndSaysSo()
    {
        var (output, errors, warnings) = _host.Run("Get-JwtRbacRole $tampered -Config $seed -SkipSignatureValidation", Vars("tampered.jwt"));
        Assert.Empty(errors);
        Assert.Contains(warnings, w => w.Contains("SkipSignatureValidation", StringComparison.Ordinal));
        var identity = (JwtRbacIdentity)Assert.Single(output).BaseObject;
        Assert.False(identity.SignatureValidated);
        Assert.Equal("mallory", identity.UserId);
    }

    [Theory]
    [InlineData("@{ preferred_username = 'bob'; resource_access = @{ litellm = @{ roles = @('proxy_admin') } } }")]
    [InlineData("'{\"preferred_username\":\"bob\",\"resource_access\":{\"litellm\":{\"roles\":[\"proxy_admin\"]}}}'")]
    [InlineData("('{\"preferred_username\":\"bob\",\"resource_access\":{\"litellm\":{\"roles\":[\"proxy_admin\"]}}}' | ConvertFrom-Json)")]
    [InlineData("([pscustomobject]@{ preferred_username = 'bob'; resource_access = [pscustomobject]@{ litellm = @{ roles = 'proxy_admin' } } })")]
    public void ClaimsCanBeGivenDecoded(string claims)
    {
        var (output, errors, _) = _host.Run("Get-JwtRbacRole -Claims " + claims + " -Config $seed", Vars());
        Assert.Empty(errors);
        var identity = (JwtRbacIdentity)Assert.Single(output).BaseObject;
        Assert.Equal(("proxy_admin", ResolvedBy.AllowedUserRole, "bob", false), (identity.RbacRole, identity.ResolvedBy, identity.UserId, identity.SignatureValidated));
    }

    [Fact]
    public void ClaimsThatAreNotAnObjectAreClaimsInvalid()
    {
        var (_, errors, _) = _host.Run("Get-JwtRbacRole -Claims '[1,2]' -Config $seed; Get-JwtRbacRole -Claims 'nope' -Config $seed", Vars());
        Assert.Equal(new[] { "ClaimsInvalid", "ClaimsInvalid" }, errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
    }

    [Fact]
    public void AnUpstreamFailureIsReportedBesideTheCorrectedRole()
    {
        var (output, _, warnings) = _host.Run("Get-JwtRbacRole -Claims '{\"preferred_username\":\"bob\",\"scope\":null}' -Config $seed", Vars());
        Assert.Equal("LiteLLM today rejects this token with 401: Authentication Error, Unmapped scope type - <class 'NoneType'>. Supported types - list, str.", Assert.Single(warnings));
        var identity = (JwtRbacIdentity)Assert.Single(output).BaseObject;
        Assert.Equal((ResolvedBy.Error, (string?)null), (identity.UpstreamResolvedBy, identity.UpstreamRbacRole));
        Assert.Equal("Unmapped scope type - <class 'NoneType'>. Supported types - list, str.", identity.UpstreamError);
        Assert.Equal(("internal_user", ResolvedBy.UserId), (identity.RbacRole, identity.ResolvedBy));
    }

    [Fact]
    public void JwksUriFollowsDiscoveryAndFetchesOncePerPipeline()
    {
        using var server = new OidcServer(_fixtures.PathOf("jwks-private.json"));
        var variables = Vars("rs256.jwt", "es256.jwt", "ps256.jwt");
        variables["uri"] = server.Discovery.AbsoluteUri + "?run=" + Guid.NewGuid().ToString("N");
        var (output, errors, _) = _host.Run("$rs256, $es256, $ps256 | Get-JwtRbacRole -Config $seed -JwksUri $uri", variables);
        Assert.Empty(errors);
        Assert.Equal(3, output.Count);
        Assert.Equal((1, 1), server.Stats());
    }
}
