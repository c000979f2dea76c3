using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Tests.Node;
using ModelRbac.Core.Tokens;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>Tokens signed by jose (tests/node), validated by TokenValidator: good tokens pass, hostile ones map to one id.</summary>
[Collection("node")]
public sealed class TokenValidationTests
{
    private readonly NodeFixtures _fixtures;

    public TokenValidationTests(NodeFixtures fixtures)
    {
        _fixtures = fixtures;
    }

    private TokenValidationOptions Options => new() { Audiences = new[] { _fixtures.Audience }, Issuers = new[] { _fixtures.Issuer } };

    public static IEnumerable<object[]> ManifestFiles() => new[]
    {
        "rs256.jwt", "ps256.jwt", "es256.jwt", "rs384.jwt", "rs256-nokid.jwt", "rs256-nokid-multi.jwt", "expired.jwt",
        "notyet.jwt", "wrong-aud.jwt", "wrong-iss.jwt", "unknown-kid.jwt", "rs256-wrongkey.jwt", "alg-none.jwt",
        "hs256-keyconfusion.jwt", "tampered.jwt",
    }.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void EveryManifestTokenGetsItsExpectedOutcome(string file)
    {
        var entry = _fixtures.Tokens.Single(t => t.File == file);
        var token = _fixtures.Token(file);
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath(entry.Jwks));
        if (entry.Expected == "valid")
        {
            var result = TokenValidator.Validate(token, keys, Options);
            Assert.True(result.SignatureValidated);
            Assert.Equal("alice", result.Claims.TopLevelString("preferred_username"));
            return;
        }

        var expectedId = entry.Expected switch
        {
            "expired" => ErrorIds.TokenExpired,
            "notyet" => ErrorIds.TokenNotYetValid,
            "wrong-aud" => ErrorIds.TokenAudienceInvalid,
            "wrong-iss" => ErrorIds.TokenIssuerInvalid,
            "key-not-found" => ErrorIds.TokenKeyNotFound,
            "alg-not-allowed" => ErrorIds.TokenAlgorithmNotAllowed,
            "signature-invalid" => ErrorIds.TokenSignatureInvalid,
            _ => throw new InvalidOperationException("unknown expectation " + entry.Expected),
        };
        AssertFails(token, keys, Options, expectedId);
    }

    [Fact]
    public void MultipleManifestCoversEveryExpectation()
    {
        var expectations = _fixtures.Tokens.Select(t => t.Expected).ToHashSet();
        Assert.Subset(expectations, new HashSet<string> { "valid", "expired", "notyet", "wrong-aud", "wrong-iss", "key-not-found", "alg-not-allowed", "signature-invalid" });
        Assert.Equal(_fixtures.Tokens.Select(t => t.File).OrderBy(f => f), ManifestFiles().Select(f => (string)f[0]).OrderBy(f => f));
    }

    [Theory]
    // The header names another algorithm than the key's: the chosen key cannot verify it, or the signature (which
    // covers the header) no longer matches. Never valid.
    [InlineData("RS256")]
    [InlineData("ES384")]
    [InlineData("PS256")]
    public void AHeaderAlgorithmTheKeyDidNotSignWithNeverVerifies(string alg)
    {
        var parts = _fixtures.Token("es256.jwt").Trim().Split('.');
        var forged = B64("{\"alg\":\"" + alg + "\",\"kid\":\"ec-1\"}") + "." + parts[1] + "." + parts[2];
        AssertFails(forged, KeySources.FromJwksFile(_fixtures.JwksPath("multi")), Options, ErrorIds.TokenSignatureInvalid);
    }

    [Fact]
    public void WhiteSpaceAroundASignedTokenIsNotPartOfIt()
    {
        var keys = KeySources.FromPemFile(_fixtures.PathOf("rsa-public.pem"));
        Assert.True(TokenValidator.Validate("  " + _fixtures.Token("rs256.jwt").Trim() + "\r\n", keys, Options).SignatureValidated);
    }

    [Fact]
    public void APemPublicKeyVerifiesRsa1TokensWhateverTheirKid()
    {
        var keys = KeySources.FromPemFile(_fixtures.PathOf("rsa-public.pem"));
        Assert.True(keys.IsPem);
        Assert.True(TokenValidator.Validate(_fixtures.Token("rs256.jwt"), keys, Options).SignatureValidated);
        Assert.True(TokenValidator.Validate(_fixtures.Token("rs256-nokid-multi.jwt"), keys, Options).SignatureValidated);
        AssertFails(_fixtures.Token("ps256.jwt"), keys, Options, ErrorIds.TokenSignatureInvalid);
        AssertFails(_fixtures.Token("hs256-keyconfusion.jwt"), keys, Options, ErrorIds.TokenAlgorithmNotAllowed);
    }

    [Fact]
    public void AnEcPemVerifiesEs256()
    {
        var keys = KeySources.FromPemFile(_fixtures.PathOf("ec-public.pem"));
        Assert.True(TokenValidator.Validate(_fixtures.Token("es256.jwt"), keys, Options).SignatureValidated);
        AssertFails(_fixtures.Token("rs256.jwt"), keys, Options, ErrorIds.TokenSignatureInvalid);
    }

    [Fact]
    public void ATokenWithAKidAgainstTheSingleKeyWithoutKidIsKeyNotFound()
    {
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath("singleNoKid"));
        AssertFails(_fixtures.Token("rs256.jwt"), keys, Options, ErrorIds.TokenKeyNotFound);
    }

    [Fact]
    public void SkippingSignaturesDecodesAnyAlgorithmButStillChecksLifetimeAndAudience()
    {
        var none = TokenValidator.Validate(_fixtures.Token("alg-none.jwt"), null, new TokenValidationOptions { SkipSignatureValidation = true, Audiences = new[] { _fixtures.Audience } });
        Assert.False(none.SignatureValidated);
        Assert.Equal("none", none.Algorithm);
        Assert.False(TokenValidator.Validate(_fixtures.Token("tampered.jwt"), null, new TokenValidationOptions { SkipSignatureValidation = true }).SignatureValidated);
        AssertFails(_fixtures.Token("expired.jwt"), null, new TokenValidationOptions { SkipSignatureValidation = true }, ErrorIds.TokenExpired);
        AssertFails(_fixtures.Token("wrong-aud.jwt"), null, new TokenValidationOptions { SkipSignatureValidation = true, Audiences = new[] { _fixtures.Audience } }, ErrorIds.TokenAudienceInvalid);
    }

    [Fact]
    public void ClockSkewAndIgnoreLifetimeRelaxOnlyLifetime()
    {
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath("multi"));
        var expired = _fixtures.Token("expired.jwt");
        Assert.True(TokenValidator.Validate(expired, keys, new TokenValidationOptions { IgnoreLifetime = true }).SignatureValidated);
        Assert.True(TokenValidator.Validate(expired, keys, new TokenValidationOptions { ClockSkew = TimeSpan.FromHours(2) }).SignatureValidated);
        var later = new FixedClock(DateTimeOffset.UtcNow.AddHours(2));
        AssertFails(_fixtures.Token("rs256.jwt"), keys, new TokenValidationOptions { Clock = later }, ErrorIds.TokenExpired);
        AssertFails(_fixtures.Token("tampered.jwt"), keys, new TokenValidationOptions { IgnoreLifetime = true }, ErrorIds.TokenSignatureInvalid);
    }

    [Fact]
    public void AListAudiencePassesWhenItContainsTheAudience()
    {
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath("multi"));
        var token = _fixtures.Sign("{\"sub\":\"u1\",\"aud\":[\"other\",\"modelrbac\"]}");
        Assert.True(TokenValidator.Validate(token, keys, new TokenValidationOptions { Audiences = new[] { "modelrbac" } }).SignatureValidated);
        AssertFails(token, keys, new TokenValidationOptions { Audiences = new[] { "nobody" } }, ErrorIds.TokenAudienceInvalid);
        // No audience configured: aud is not checked (LiteLLM without JWT_AUDIENCE).
        Assert.True(TokenValidator.Validate(token, keys, new TokenValidationOptions()).SignatureValidated);
    }

    public static IEnumerable<object[]> GarbageTokens()
    {
        yield return new object[] { "not-a-jwt", ErrorIds.TokenMalformed };
        yield return new object[] { "a.b", ErrorIds.TokenMalformed };
        yield return new object[] { "a.b.c.d.e", ErrorIds.TokenMalformed };
        yield return new object[] { "!!!.###.$$$", ErrorIds.TokenMalformed };
        yield return new object[] { B64("[1,2]") + "." + B64("{}") + ".c2ln", ErrorIds.TokenMalformed };
        yield return new object[] { B64("{\"alg\":\"RS256\"}") + "." + B64("not json") + ".c2ln", ErrorIds.TokenMalformed };
        yield return new object[] { B64("{\"alg\":\"RS256\"}") + "." + B64("[\"array\"]") + ".c2ln", ErrorIds.TokenMalformed };
        yield return new object[] { B64("{\"alg\":\"RS256\"}") + "." + B64("\"text\"") + ".c2ln", ErrorIds.TokenMalformed };
        yield return new object[] { B64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}") + "." + B64("{\"sub\":\"x\"}") + ".", ErrorIds.TokenSignatureInvalid };
        yield return new object[] { B64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}") + "." + B64("{\"sub\":\"x\"}") + ".AAAA", ErrorIds.TokenSignatureInvalid };
        yield return new object[] { B64("{\"alg\":\"HS512\",\"kid\":\"rsa-1\"}") + "." + B64("{\"sub\":\"x\"}") + ".AAAA", ErrorIds.TokenAlgorithmNotAllowed };
        yield return new object[] { B64("{\"alg\":\"EdDSA\",\"kid\":\"rsa-1\"}") + "." + B64("{\"sub\":\"x\"}") + ".AAAA", ErrorIds.TokenAlgorithmNotAllowed };
        yield return new object[] { B64("{\"kid\":\"rsa-1\"}") + "." + B64("{\"sub\":\"x\"}") + ".AAAA", ErrorIds.TokenAlgorithmNotAllowed };
        yield return new object[] { B64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}") + "." + B64("{\"exp\":\"soon\"}") + ".AAAA", ErrorIds.ClaimsInvalid };
        yield return new object[] { new string('A', 1024 * 1024) + "." + B64("{}") + ".AAAA", ErrorIds.TokenMalformed };
    }

    [Theory]
    [MemberData(nameof(GarbageTokens))]
    public void GarbageMapsToOneIdAndNeverEchoesTheToken(string token, string errorId)
    {
        AssertFails(token, KeySources.FromJwksFile(_fixtures.JwksPath("multi")), Options, errorId);
    }

    [Fact]
    public void APayloadThatIsNotJsonIsNamedByPositionNotByItsText()
    {
        // The payload "n" + another token: the JSON reader would quote that whole literal in its own message.
        var embedded = B64("{\"alg\":\"RS256\"}") + "." + B64("{\"sub\":\"embedded-secret-subject\"}") + ".c2lnbmF0dXJlLXNlY3JldA";
        var token = B64("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}") + "." + B64("n" + embedded + new string('q', 20_000)) + ".AAAA";
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(token, KeySources.FromJwksFile(_fixtures.JwksPath("multi")), Options));
        Assert.Equal(ErrorIds.TokenMalformed, ex.ErrorId);
        Assert.DoesNotContain("c2lnbmF0dXJlLXNlY3JldA", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("qqqqqqqq", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 200, ex.Message);
    }

    [Fact]
    public void AOneMegabyteSignedTokenIsRefusedBeforeDecoding()
    {
        var padding = new string('x', 1024 * 1024);
        var token = _fixtures.Sign("{\"sub\":\"u1\",\"pad\":\"" + padding + "\"}");
        AssertFails(token, KeySources.FromJwksFile(_fixtures.JwksPath("multi")), Options, ErrorIds.TokenMalformed);
        Assert.True(TokenValidator.Validate(token, KeySources.FromJwksFile(_fixtures.JwksPath("multi")), new TokenValidationOptions { MaxTokenLength = 2 * 1024 * 1024 }).SignatureValidated);
    }

    [Fact]
    public void ASignedTokenNestingPastMaxClaimDepthIsClaimsInvalidUntilTheLimitIsRaised()
    {
        var token = _fixtures.Sign(InputLimitTests.Nested(80).Replace("{\"a\":", "{\"sub\":\"deep\",\"a\":"));
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath("multi"));
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(token, keys, new TokenValidationOptions()));
        Assert.Equal(ErrorIds.ClaimsInvalid, ex.ErrorId);
        Assert.Equal("MaxClaimDepth", ex.Limit);
        // The signature is checked over the bytes, not through a claims reader: a raised limit verifies it too.
        Assert.True(TokenValidator.Validate(token, keys, new TokenValidationOptions { MaxClaimDepth = 80 }).SignatureValidated);
        Assert.False(TokenValidator.Validate(token, null, new TokenValidationOptions { MaxClaimDepth = 80, SkipSignatureValidation = true }).SignatureValidated);
    }

    [Theory]
    // PyJWT reads these after the signature and checks iss/aud only when asked: a valid signature stands.
    [InlineData("{\"sub\":\"u1\",\"iss\":5}")]
    [InlineData("{\"sub\":\"u1\",\"aud\":5}")]
    [InlineData("{\"sub\":\"u1\",\"aud\":[\"litellm\",5]}")]
    [InlineData("{\"sub\":\"u1\",\"exp\":1e20}")]
    public void ASignedTokenWithOddlyTypedRegisteredClaimsVerifies(string payload)
    {
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath("multi"));
        Assert.True(TokenValidator.Validate(_fixtures.Sign(payload), keys, new TokenValidationOptions()).SignatureValidated);
    }

    [Fact]
    public void AListAudienceWithANonStringMemberIsAnAudienceFailureWhenAnAudienceIsRequired()
    {
        var keys = KeySources.FromJwksFile(_fixtures.JwksPath("multi"));
        AssertFails(_fixtures.Sign("{\"sub\":\"u1\",\"aud\":[\"litellm\",5]}"), keys, new TokenValidationOptions { Audiences = new[] { "litellm" } }, ErrorIds.TokenAudienceInvalid);
    }

    [Fact]
    public void KeySourceFailuresAreJwksUnavailable()
    {
        Assert.Equal(ErrorIds.JwksUnavailable, Assert.Throws<RbacException>(() => KeySources.FromJwksFile(_fixtures.PathOf("missing.json"))).ErrorId);
        var bad = _fixtures.PathOf("bad-jwks.json");
        File.WriteAllText(bad, "{ not json");
        Assert.Equal(ErrorIds.JwksUnavailable, Assert.Throws<RbacException>(() => KeySources.FromJwksFile(bad)).ErrorId);
        File.WriteAllText(bad, "{\"keys\": []}");
        Assert.Equal(ErrorIds.JwksUnavailable, Assert.Throws<RbacException>(() => KeySources.FromJwksFile(bad)).ErrorId);
        Assert.Equal(ErrorIds.JwksUnavailable, Assert.Throws<RbacException>(() => KeySources.FromPemFile(_fixtures.PathOf("rsa-private.pem"))).ErrorId);
    }

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void AssertFails(string token, KeySet? keys, TokenValidationOptions options, string errorId)
    {
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(token, keys, options));
        Assert.Equal(errorId, ex.ErrorId);
        foreach (var segment in token.Split('.').Where(s => s.Length >= 8))
        {
            Assert.DoesNotContain(segment, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(segment, ex.Target?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }
}

internal sealed class FixedClock : IClock
{
    public FixedClock(DateTimeOffset now)
    {
        UtcNow = now;
    }

    public DateTimeOffset UtcNow { get; set; }
}
