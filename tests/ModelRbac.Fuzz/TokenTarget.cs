using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Identity;
using ModelRbac.Core.Tokens;

namespace ModelRbac.Fuzz;

/// <summary>
/// The token parser and validator, then role resolution and the model gate on whatever decodes. Invariants: only
/// RbacException with a token id escapes, and no error text or target holds any segment of the token.
/// </summary>
public sealed class TokenTarget : IFuzzTarget
{
    private static readonly HashSet<string> s_tokenIds = new(StringComparer.Ordinal)
    {
        ErrorIds.TokenMalformed, ErrorIds.TokenAlgorithmNotAllowed, ErrorIds.TokenSignatureInvalid, ErrorIds.TokenKeyNotFound,
        ErrorIds.TokenExpired, ErrorIds.TokenNotYetValid, ErrorIds.TokenAudienceInvalid, ErrorIds.TokenIssuerInvalid, ErrorIds.ClaimsInvalid,
    };

    private readonly KeySet _keys;
    private readonly TokenValidationOptions _verify;
    private readonly TokenValidationOptions _skip;
    private readonly RbacConfiguration _config;
    private readonly JwtIdentityResolver _resolver;
    private readonly byte[] _exampleToken;

    public TokenTarget(string examples)
    {
        _keys = KeySources.FromJwksFile(Path.Combine(examples, "example-jwks.json"));
        // A fixed clock: the same input must take the same path on every run.
        var clock = new FixedClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _verify = new TokenValidationOptions { Audiences = new[] { "litellm" }, Issuers = new[] { "https://idp.example.test/realms/main" }, Clock = clock };
        _skip = new TokenValidationOptions { SkipSignatureValidation = true, IgnoreLifetime = true, Clock = clock };
        _config = ConfigLoader.LoadText(Fuzz.Seeds.RichJwtConfig, "fuzz-token.yaml");
        _resolver = new JwtIdentityResolver(_config.JwtAuth);
        _exampleToken = File.ReadAllBytes(Path.Combine(examples, "alice.jwt"));
    }

    public string Name => "token";

    public int MaxInputLength => 4096;

    public IReadOnlyList<byte[]> Dictionary { get; } = Fragments.Json;

    public IEnumerable<byte[]> Seeds()
    {
        yield return Prefix(0, _exampleToken);
        var parts = Encoding.ASCII.GetString(_exampleToken).Trim().Split('.');
        var header = Decode(parts[0]);
        var payload = Decode(parts[1]);
        var signature = Decode(parts[2]);
        yield return Structured(header, payload, signature);
        foreach (var claims in ModelRbac.Fuzz.Seeds.Payloads)
        {
            yield return Structured(Encoding.UTF8.GetBytes("{\"alg\":\"RS256\",\"kid\":\"example-rsa\"}"), Encoding.UTF8.GetBytes(claims), signature);
            yield return Structured(Encoding.UTF8.GetBytes("{\"alg\":\"none\"}"), Encoding.UTF8.GetBytes(claims), Array.Empty<byte>());
        }
    }

    public void Run(byte[] input)
    {
        var token = ToToken(input);
        Check(token, () => TokenValidator.Validate(token, _keys, _verify));
        Check(token, () => TokenValidator.Validate(token, null, _skip));
    }

    /// <summary>
    /// First byte even: the rest is token text. Odd: the rest is header, payload and signature bytes separated by
    /// NUL, each base64url-encoded here, so mutations reach the JSON and claim code rather than the base64 check.
    /// </summary>
    public static string ToToken(byte[] input)
    {
        if (input.Length == 0)
        {
            return string.Empty;
        }

        if ((input[0] & 1) == 0)
        {
            return Encoding.UTF8.GetString(input, 1, input.Length - 1);
        }

        var segments = new List<string>();
        var start = 1;
        for (var i = 1; i <= input.Length; i++)
        {
            if (i == input.Length || (input[i] == 0 && segments.Count < 2))
            {
                segments.Add(Encode(input.AsSpan(start, i - start).ToArray()));
                start = i + 1;
            }
        }

        while (segments.Count < 3)
        {
            segments.Add(string.Empty);
        }

        return string.Join(".", segments);
    }

    private void Check(string token, Func<ValidatedToken> validate)
    {
        ValidatedToken validated;
        try
        {
            validated = validate();
        }
        catch (RbacException ex)
        {
            if (!s_tokenIds.Contains(ex.ErrorId))
            {
                throw new FuzzFinding("unexpected error id " + ex.ErrorId + ": " + ex.Message);
            }

            Leaks.AssertAbsent(token, ex.ToString() + "\n" + ex.Target + "\n" + ex.Limit);
            return;
        }

        foreach (var semantics in new[] { Semantics.Corrected, Semantics.Upstream })
        {
            JwtIdentity identity;
            try
            {
                identity = _resolver.Resolve(validated.Claims, semantics, validated.SignatureValidated);
            }
            catch (RbacException ex) when (ex.ErrorId == ErrorIds.ClaimsInvalid)
            {
                Leaks.AssertAbsent(token, ex.ToString());
                continue;
            }

            Decisions.CheckModel(_config, identity.Chosen.Role, "gpt-4o");
        }
    }

    private static byte[] Prefix(byte first, byte[] rest)
    {
        var result = new byte[rest.Length + 1];
        result[0] = first;
        rest.CopyTo(result, 1);
        return result;
    }

    private static byte[] Structured(byte[] header, byte[] payload, byte[] signature)
    {
        var buffer = new MemoryStream();
        buffer.WriteByte(1);
        buffer.Write(header);
        buffer.WriteByte(0);
        buffer.Write(payload);
        buffer.WriteByte(0);
        buffer.Write(signature);
        return buffer.ToArray();
    }

    private static byte[] Decode(string segment) =>
        Convert.FromBase64String(segment.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (segment.Length % 4)) % 4));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class FixedClock : IClock
    {
        public FixedClock(DateTimeOffset now) => UtcNow = now;

        public DateTimeOffset UtcNow { get; }
    }
}
