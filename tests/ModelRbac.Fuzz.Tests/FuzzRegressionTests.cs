using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Tokens;
using Xunit;

namespace ModelRbac.Fuzz.Tests;

/// <summary>Every input the fuzzer ever failed on (tests/fixtures/fuzz/TARGET/*.bin) now keeps every invariant.</summary>
public sealed class FuzzRegressionTests
{
    private static string FixtureFolder(string target) => Path.Combine(AppContext.BaseDirectory, "fixtures", "fuzz", target);

    public static IEnumerable<object[]> Fixtures() =>
        new[] { "token", "config" }.SelectMany(target => Directory.GetFiles(FixtureFolder(target), "*.bin")
            .OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { target, Path.GetFileName(f) }));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void AFuzzFindingReplaysClean(string target, string file)
    {
        var outcome = FuzzLoop.Replay(Targets.Create(target), File.ReadAllBytes(Path.Combine(FixtureFolder(target), file)));
        Assert.Null(outcome);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("config")]
    public void EveryTargetHasFixtures(string target) => Assert.NotEmpty(Directory.GetFiles(FixtureFolder(target), "*.bin"));

    [Theory]
    [InlineData("yamldotnet-empty-tag-prefix.bin")]
    [InlineData("yamldotnet-global-tag-uri.bin")]
    [InlineData("yamldotnet-no-more-tokens.bin")]
    [InlineData("yamldotnet-plain-scalar-state.bin")]
    public void YamlDotNetsOtherExceptionsAreConfigParseErrorsWithALine(string file)
    {
        var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(FixtureFolder("config"), file)));
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(text, "fuzz.yaml"));
        Assert.Equal(ErrorIds.ConfigParseError, ex.ErrorId);
        Assert.True(ex.Location!.Line > 0);
    }

    [Fact]
    public void ALoneSurrogateEscapeInATokenIsTokenMalformedAndInClaimsClaimsInvalid()
    {
        var payload = "{\"sub\":\"\\ud800\"}";
        var token = B64("{\"alg\":\"none\"}") + "." + B64(payload) + ".";
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(token, null, new TokenValidationOptions { SkipSignatureValidation = true }));
        Assert.Equal(ErrorIds.TokenMalformed, ex.ErrorId);
        Assert.Contains("surrogate", ex.Message);
        Assert.Equal(ErrorIds.ClaimsInvalid, Assert.Throws<RbacException>(() => JwtClaims.Parse("{\"a\":{\"\\udc00x\":1}}")).ErrorId);
        var header = B64("{\"alg\":\"\\ud800\"}") + "." + B64("{}") + ".";
        Assert.Equal(ErrorIds.TokenMalformed, Assert.Throws<RbacException>(() => TokenValidator.Validate(header, null, new TokenValidationOptions { SkipSignatureValidation = true })).ErrorId);
        // A surrogate pair written as two escapes is one valid character.
        Assert.Equal("\U0001F600", JwtClaims.Parse("{\"sub\":\"\\ud83d\\ude00\"}").TopLevelString("sub"));
    }

    [Fact]
    public void ALoneSurrogateInClaimsGivenAsObjectsIsClaimsInvalid()
    {
        var claims = new System.Collections.Hashtable { ["sub"] = "a\ud800" };
        Assert.Equal(ErrorIds.ClaimsInvalid, Assert.Throws<RbacException>(() => JwtClaims.FromObject(claims)).ErrorId);
    }

    private static string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
