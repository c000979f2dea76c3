using System.Linq;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Tokens;
using ModelRbac.Core.Yaml;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>Every input limit: refused just past it with an error naming it, accepted at it, and raisable.</summary>
public sealed class InputLimitTests
{
    private static string Entry(string pattern, string field = "models") =>
        "general_settings:\n  role_permissions:\n    - role: internal_user\n      " + field + ": ['" + pattern + "']\n";

    [Fact]
    public void TheConfigSizeLimitNamesMaxConfigCharacters()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText("model_list: []\n", limits: new YamlLimits { MaxCharacters = 5 }));
        Assert.Equal(ErrorIds.ConfigInvalid, ex.ErrorId);
        Assert.Equal("MaxConfigCharacters", ex.Limit);
        Assert.Contains("the limit MaxConfigCharacters is 5", ex.Message);
        ConfigLoader.LoadText("model_list: []\n", limits: new YamlLimits { MaxCharacters = 15 });
    }

    [Fact]
    public void TheYamlDepthLimitNamesMaxYamlDepthAndItsLine()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText("a:\n  b: [[1]]\n", "deep.yaml", limits: new YamlLimits { MaxDepth = 3 }));
        Assert.Equal("MaxYamlDepth", ex.Limit);
        Assert.Equal(2, ex.Location!.Line);
        ConfigLoader.LoadText("a:\n  b: [[1]]\n", limits: new YamlLimits { MaxDepth = 4 });
    }

    [Fact]
    public void TheAliasExpansionLimitNamesMaxYamlNodes()
    {
        const string yaml = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n";
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(yaml, limits: new YamlLimits { MaxExpandedNodes = 50 }));
        Assert.Equal("MaxYamlNodes", ex.Limit);
        Assert.Contains("alias", ex.Message);
        ConfigLoader.LoadText(yaml, limits: new YamlLimits { MaxExpandedNodes = 200 });
    }

    [Theory]
    [InlineData("models")]
    [InlineData("routes")]
    public void ALongPatternIsRefusedAtItsYamlPath(string field)
    {
        var pattern = new string('a', 1025);
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(Entry(pattern, field), "p.yaml"));
        Assert.Equal(ErrorIds.ConfigInvalid, ex.ErrorId);
        Assert.Equal("MaxPatternLength", ex.Limit);
        Assert.Equal($"general_settings.role_permissions[0].{field}[0]", ex.Location!.YamlPath);
        Assert.Contains("1,025 characters", ex.Message);
        ConfigLoader.LoadText(Entry(new string('a', 1024), field));
        var raised = ConfigLoader.LoadText(Entry(pattern, field), limits: new YamlLimits { MaxPatternLength = 2048 });
        Assert.NotNull(raised.FindRoleEntry("internal_user"));
    }

    [Fact]
    public void APatternFromTheEnvironmentIsMeasuredAfterResolution()
    {
        var environment = new System.Collections.Hashtable { ["LONG_PATTERN"] = new string('*', 2000) };
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(Entry("os.environ/LONG_PATTERN"), environment: environment));
        Assert.Equal("MaxPatternLength", ex.Limit);
    }

    [Fact]
    public void AWildcardModelNameIsAPatternButAnExactOneIsNot()
    {
        var longName = new string('m', 1500);
        ConfigLoader.LoadText("model_list:\n  - model_name: " + longName + "\n");
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText("model_list:\n  - model_name: " + longName + "*\n"));
        Assert.Equal("model_list[0].model_name", ex.Location!.YamlPath);
        Assert.Equal("MaxPatternLength", ex.Limit);
    }

    [Fact]
    public void TheTokenLengthLimitNamesMaxTokenLengthAndNoPartOfTheToken()
    {
        var token = "eyJhbGciOiJSUzI1NiJ9." + new string('Q', 200) + ".c2lnbmF0dXJl";
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(token, null, new TokenValidationOptions { SkipSignatureValidation = true, MaxTokenLength = 100 }));
        Assert.Equal(ErrorIds.TokenMalformed, ex.ErrorId);
        Assert.Equal("MaxTokenLength", ex.Limit);
        Assert.DoesNotContain("eyJhbGciOiJSUzI1NiJ9", ex.ToString());
        Assert.Null(ex.Target);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void ClaimsMayNestUpToMaxClaimDepthCountingThePayload(int depth, bool accepted)
    {
        var json = Nested(depth);
        if (accepted)
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Object, JwtClaims.Parse(json).Root.ValueKind);
            return;
        }

        var ex = Assert.Throws<RbacException>(() => JwtClaims.Parse(json));
        Assert.Equal(ErrorIds.ClaimsInvalid, ex.ErrorId);
        Assert.Equal("MaxClaimDepth", ex.Limit);
        Assert.Contains("the limit MaxClaimDepth is 64", ex.Message);
        Assert.NotNull(JwtClaims.Parse(json, maxDepth: 65));
    }

    [Fact]
    public void ClaimsBuiltFromObjectsHaveTheSameDepthLimit()
    {
        object value = "leaf";
        for (var i = 0; i < 10; i++)
        {
            value = new System.Collections.Hashtable { ["k"] = value };
        }

        JwtClaims.FromObject(value, maxDepth: 10);
        var ex = Assert.Throws<RbacException>(() => JwtClaims.FromObject(value, maxDepth: 9));
        Assert.Equal("MaxClaimDepth", ex.Limit);
    }

    [Fact]
    public void ATokenPayloadOverTheClaimDepthIsClaimsInvalidEvenWhenSkippingSignatures()
    {
        var token = B64("{\"alg\":\"none\"}") + "." + B64(Nested(70)) + ".";
        var options = new TokenValidationOptions { SkipSignatureValidation = true };
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(token, null, options));
        Assert.Equal(ErrorIds.ClaimsInvalid, ex.ErrorId);
        Assert.Equal("MaxClaimDepth", ex.Limit);
        var raised = TokenValidator.Validate(token, null, new TokenValidationOptions { SkipSignatureValidation = true, MaxClaimDepth = 70 });
        Assert.False(raised.SignatureValidated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void AClaimDepthOutsideOneToAThousandIsRefused(int depth)
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => JwtClaims.Parse("{}", depth));
    }

    /// <summary>An object nesting <paramref name="depth"/> levels, the outer one included: {"a":{"a":…{}}}.</summary>
    internal static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

    private static string B64(string text) =>
        System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
