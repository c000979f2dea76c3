using System.Collections.Generic;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// Reads a JWKS document into a <see cref="KeySet"/>. As LiteLLM does, the body's <c>keys</c> array is used, or else
/// the body itself as one key, and a key is rebuilt from kty, kid, n, e, x, y and crv only (x5c, alg and use are
/// ignored, so a JWK's own alg cannot widen or narrow what it verifies).
/// </summary>
public static class JwksReader
{
    /// <summary>Parses JWKS JSON; JwksUnavailable when it is not JSON or holds no key object.</summary>
    public static KeySet Parse(string json, string source)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Unavailable(source, "it is not JSON (" + ex.Message + ")");
        }

        var keys = new List<VerificationKey>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out var array))
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Unavailable(source, "its \"keys\" member is not a list");
            }

            foreach (var item in array.EnumerateArray())
            {
                keys.Add(Read(item, source));
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            keys.Add(Read(root, source));
        }

        if (keys.Count == 0)
        {
            throw Unavailable(source, "it holds no keys");
        }

        return new KeySet(keys, source, isPem: false);
    }

    internal static RbacException Unavailable(string source, string reason) =>
        new(ErrorIds.JwksUnavailable, RbacErrorKind.ResourceUnavailable, $"The key set {source} is unusable: {reason}.") { Target = source };

    private static VerificationKey Read(JsonElement jwk, string source)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            throw Unavailable(source, "a key is not a JSON object");
        }

        var kty = Member(jwk, "kty") ?? string.Empty;
        var kid = Member(jwk, "kid");
        var key = new JsonWebKey { Kty = kty, Kid = kid };
        switch (kty)
        {
            case "RSA":
                key.N = Member(jwk, "n");
                key.E = Member(jwk, "e");
                return new VerificationKey(kid, key.N is null || key.E is null ? null : Usable(key), kty);
            case "EC":
                key.Crv = Member(jwk, "crv");
                key.X = Member(jwk, "x");
                key.Y = Member(jwk, "y");
                return new VerificationKey(kid, key.Crv is null || key.X is null || key.Y is null ? null : Usable(key), kty);
            default:
                // Kept so it still counts for LiteLLM's one-key rule, but it can verify nothing.
                return new VerificationKey(kid, null, kty);
        }
    }

    /// <summary>
    /// Converts once, at load, to an RSA/ECDsa key so each validation reuses IdentityModel's cached signature
    /// provider for it; a JWK IdentityModel cannot convert (bad curve, bad base64) can verify nothing.
    /// </summary>
    internal static SecurityKey? Usable(JsonWebKey key)
    {
        try
        {
            return JsonWebKeyConverter.TryConvertToSecurityKey(key, out var converted) ? converted : null;
        }
        catch (System.Exception ex) when (ex is System.ArgumentException or System.FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static string? Member(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
