using System;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// Validates a compact JWS as LiteLLM does (reference §2.4, SEMANTICS §6), mapping every failure to one contract
/// error id. The header's alg is checked here before IdentityModel sees the token, the key is chosen by LiteLLM's
/// rule (<see cref="KeySet.Choose"/>), IdentityModel's JsonWebTokenHandler verifies the signature with that one key,
/// and the registered claims are checked as PyJWT checks them.
/// </summary>
public static class TokenValidator
{
    // The size limit is TokenValidationOptions.MaxTokenLength, checked before decoding; IdentityModel's own must not differ.
    /// <summary>The nesting IdentityModel's payload reader accepts (System.Text.Json's default).</summary>
    internal const int IdentityModelClaimDepth = 64;

    private static readonly JsonWebTokenHandler s_handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = int.MaxValue };

    /// <summary>Validates <paramref name="token"/>; <paramref name="keys"/> may be null only when skipping signatures.</summary>
    /// <exception cref="RbacException">One of the Token* ids, JwksUnavailable or ClaimsInvalid.</exception>
    public static ValidatedToken Validate(string token, KeySet? keys, TokenValidationOptions options)
    {
        var jws = CompactJws.Decode(token, options.MaxTokenLength, options.MaxClaimDepth);
        if (!options.SkipSignatureValidation)
        {
            RegisteredClaimChecks.CheckTypes(jws.Claims, jws.Label);
            // The same text that was decoded: surrounding white space (a trailing newline from a file) is not the token's.
            VerifySignature(token.Trim(), jws, keys ?? throw new ArgumentNullException(nameof(keys)));
        }

        RegisteredClaimChecks.Check(jws.Claims, options, jws.Label);
        return new ValidatedToken(jws.Claims, !options.SkipSignatureValidation, jws.Algorithm, jws.KeyId, jws.Label);
    }

    private static void VerifySignature(string token, CompactJws jws, KeySet keys)
    {
        if (!TokenAlgorithms.IsAllowed(jws.Algorithm))
        {
            throw TokenErrors.Create(ErrorIds.TokenAlgorithmNotAllowed,
                $"The algorithm '{jws.Algorithm ?? "(none given)"}' is not allowed; accepted: {string.Join(", ", TokenAlgorithms.Allowed)}.", jws.Label);
        }

        if (!jws.HasSignature)
        {
            throw TokenErrors.Create(ErrorIds.TokenSignatureInvalid, "The token's signature is empty.", jws.Label);
        }

        var chosen = keys.Choose(jws.HasKeyId, jws.KeyId);
        if (chosen is null)
        {
            var why = !jws.HasKeyId && keys.Keys.Count > 1 ? "the token names no kid and the key set has several keys"
                : $"no key has kid '{jws.KeyId}'";
            throw TokenErrors.Create(ErrorIds.TokenKeyNotFound, $"No matching public key in {keys.Source}: {why} ({keys.DescribeKids()}).", jws.Label);
        }

        if (chosen.Key is null)
        {
            throw TokenErrors.Create(ErrorIds.TokenKeyNotFound, $"The matching key in {keys.Source} is a '{chosen.KeyType}' key, which cannot verify {jws.Algorithm}.", jws.Label);
        }

        var parameters = new TokenValidationParameters
        {
            // The one key LiteLLM's rule chose; "try all" lets IdentityModel use it even when kids differ or are absent.
            IssuerSigningKey = chosen.Key,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = TokenAlgorithms.Allowed,
            RequireSignedTokens = true,
            // Lifetime, issuer and audience follow PyJWT's rules in RegisteredClaimChecks.
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateIssuerSigningKey = false,
            ValidateTokenReplay = false,
        };

        TokenValidationResult result;
        try
        {
            result = s_handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            throw Map(ex, jws);
        }

        if (!result.IsValid)
        {
            throw Map(result.Exception, jws);
        }
    }

    // IdentityModel's own messages are not passed on: they may quote token parts when PII logging is on.
    private static RbacException Map(Exception? failure, CompactJws jws) => failure switch
    {
        SecurityTokenInvalidAlgorithmException => TokenErrors.Create(ErrorIds.TokenAlgorithmNotAllowed, $"The algorithm '{jws.Algorithm}' is not allowed.", jws.Label),
        // The compact form and the registered claims' types were checked already; what IdentityModel still cannot read
        // is a claim it interprets more strictly than PyJWT.
        SecurityTokenMalformedException => TokenErrors.Create(ErrorIds.ClaimsInvalid, "IdentityModel cannot read the token's claims.", jws.Label),
        // Its JSON reader stops at 64 levels whatever MaxClaimDepth allows: a claims failure, not a bad signature.
        ArgumentException { InnerException: System.Text.Json.JsonException } => TokenErrors.Create(ErrorIds.ClaimsInvalid,
            $"IdentityModel cannot read the token's claims to verify the signature (it reads at most {IdentityModelClaimDepth} levels of nesting, whatever {Claims.JwtClaims.MaxDepthName} allows).", jws.Label),
        // Everything else (bad signature, a key IdentityModel refuses, such as RSA under 2048 bits) fails closed here.
        _ => TokenErrors.Create(ErrorIds.TokenSignatureInvalid, "The signature does not verify with the matching key.", jws.Label),
    };
}
