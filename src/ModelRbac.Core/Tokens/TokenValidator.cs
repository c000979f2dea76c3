using System;
using Microsoft.IdentityModel.Tokens;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// Validates a compact JWS as LiteLLM does (reference §2.4, SEMANTICS §6), mapping every failure to one contract
/// error id. The header's alg is checked here before IdentityModel sees the token, the key is chosen by LiteLLM's
/// rule (<see cref="KeySet.Choose"/>), IdentityModel's crypto provider verifies the signature with that one key,
/// and the registered claims are checked as PyJWT checks them.
/// </summary>
public static class TokenValidator
{
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

        // The signature over the first two segments, checked by IdentityModel's crypto provider for the chosen key:
        // its token reader is not involved, so registered claims of odd types (iss: 5, exp: 1e20), which PyJWT reads
        // after the signature, and nesting up to MaxClaimDepth do not stop the signature from being checked.
        var signingInputEnd = token.LastIndexOf('.');
        if (!Base64Url.TryDecode(token.Substring(signingInputEnd + 1), out var signature))
        {
            throw TokenErrors.Create(ErrorIds.TokenSignatureInvalid, "The token's signature is not base64url.", jws.Label);
        }

        var signingInput = System.Text.Encoding.ASCII.GetBytes(token.Substring(0, signingInputEnd));
        if (!Verify(chosen.Key, jws.Algorithm!, signingInput, signature))
        {
            throw TokenErrors.Create(ErrorIds.TokenSignatureInvalid, "The signature does not verify with the matching key.", jws.Label);
        }
    }

    // IdentityModel's own messages are not passed on: they may quote key or token parts when PII logging is on.
    private static bool Verify(SecurityKey key, string algorithm, byte[] signingInput, byte[] signature)
    {
        SignatureProvider? provider = null;
        try
        {
            // A key that cannot do the algorithm (an EC key for RS256, a curve for another ES size, an RSA key under
            // IdentityModel's minimum) is refused here: it fails closed as a bad signature.
            provider = key.CryptoProviderFactory.CreateForVerifying(key, algorithm);
            return provider.Verify(signingInput, signature);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException or System.Security.Cryptography.CryptographicException or SecurityTokenException)
        {
            return false;
        }
        finally
        {
            if (provider is not null)
            {
                key.CryptoProviderFactory.ReleaseSignatureProvider(provider);
            }
        }
    }
}
