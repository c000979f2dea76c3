using ModelRbac.Core.Claims;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>get_nested_value (reference §2.1): prefix strip, escaped dots, case, no list indexing.</summary>
public sealed class ClaimPathTests
{
    private static readonly JwtClaims Claims = JwtClaims.Parse(
        "{\"user\":{\"sub\":\"u123\",\"email\":\"user@example.com\"},\"kubernetes.io\":{\"namespace\":\"my-app\"},"
        + "\"roles\":[\"a\",\"b\"],\"roles[0]\":\"literal\",\"metadata\":{\"x\":1},\"User\":{\"sub\":\"upper\"},"
        + "\"n\":null,\"\":{\"\":\"empty\"},\"https://example.com/roles\":[\"admin\"],\"s\":\"text\"}");

    [Theory]
    [InlineData("user.sub", "u123")] // vector 28
    [InlineData("metadata.user.email", "user@example.com")] // vector 35: the prefix is stripped once
    [InlineData("kubernetes\\.io.namespace", "my-app")] // vector 36
    [InlineData("User.sub", "upper")] // case-sensitive
    [InlineData("roles[0]", "literal")] // brackets are part of the key
    [InlineData("https://example\\.com/roles", "[\"admin\"]")] // Auth0 namespaced claim
    public void PathsResolve(string path, string expected)
    {
        Assert.True(ClaimPath.Parse(path).TryGet(Claims.Root, out var value));
        Assert.Equal(expected, value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText());
    }

    [Theory]
    [InlineData("roles.0")] // lists cannot be indexed
    [InlineData("metadata.x")] // a real top-level "metadata" cannot be addressed
    [InlineData("user.SUB")]
    [InlineData("s.length")] // a string in the middle of the path
    [InlineData("user..sub")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("kubernetes.io.namespace")]
    public void PathsThatDoNotResolve(string path)
    {
        Assert.False(ClaimPath.Parse(path).TryGet(Claims.Root, out _));
    }

    [Fact]
    public void JsonNullIsPresent()
    {
        Assert.True(ClaimPath.Parse("n").TryGet(Claims.Root, out var value));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, value.ValueKind);
    }

    [Theory]
    [InlineData("openid  profile\tlitellm_proxy_admin\n", new[] { "openid", "profile", "litellm_proxy_admin" })]
    [InlineData("a\u001fb\u00a0c\u2003d", new[] { "a", "b", "c", "d" })]
    [InlineData("   ", new string[0])]
    public void ScopeStringsSplitAsPythonStrSplit(string text, string[] expected)
    {
        Assert.Equal(expected, PythonValues.SplitOnWhitespace(text));
    }
}

/// <summary>Claims built from .NET values (what -Claims gets from ConvertFrom-Json or a hashtable).</summary>
public sealed class ClaimsFromObjectTests
{
    [Fact]
    public void ABigIntegerIsANumberAndADateIsItsIso8601Text()
    {
        var value = new System.Collections.Specialized.OrderedDictionary
        {
            ["sub"] = new System.DateTime(2024, 1, 1, 0, 0, 0, System.DateTimeKind.Utc),
            ["n"] = System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture),
            ["at"] = new System.DateTimeOffset(2024, 1, 1, 12, 30, 0, System.TimeSpan.FromHours(2)),
        };
        var claims = JwtClaims.FromObject(value, maxDepth: 8);
        Assert.Equal("2024-01-01T00:00:00Z", claims.Root.GetProperty("sub").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, claims.Root.GetProperty("n").ValueKind);
        Assert.Equal("123456789012345678901234567890", claims.Root.GetProperty("n").GetRawText());
        Assert.Equal("2024-01-01T12:30:00+02:00", claims.Root.GetProperty("at").GetString());
    }
}
