using System;
using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// The registered-claim checks PyJWT makes after the signature, in its order (iat, nbf, exp, iss, aud) and with its
/// comparisons: expired when <c>exp &lt;= now - leeway</c>, not yet valid when <c>nbf</c> or <c>iat</c> &gt; now + leeway.
/// </summary>
internal static class RegisteredClaimChecks
{
    /// <summary>
    /// exp, nbf and iat must be numbers. Checked before the signature because IdentityModel cannot even read a token
    /// whose registered claims have other types; PyJWT would refuse it too (after its signature check).
    /// </summary>
    public static void CheckTypes(JwtClaims claims, string? label)
    {
        foreach (var name in new[] { "iat", "nbf", "exp" })
        {
            Seconds(claims.Root, name, label);
        }
    }

    public static void Check(JwtClaims claims, TokenValidationOptions options, string? label)
    {
        var root = claims.Root;
        var now = options.Clock.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var leeway = options.ClockSkew.TotalSeconds;
        if (!options.IgnoreLifetime)
        {
            if (Seconds(root, "iat", label) is { } iat && iat > now + leeway)
            {
                throw TokenErrors.Create(ErrorIds.TokenNotYetValid, "The token is not yet valid: it was issued in the future (iat).", label);
            }

            if (Seconds(root, "nbf", label) is { } nbf && nbf > now + leeway)
            {
                throw TokenErrors.Create(ErrorIds.TokenNotYetValid, $"The token is not valid before {Format(nbf)} (nbf).", label);
            }

            if (Seconds(root, "exp", label) is { } exp && exp <= now - leeway)
            {
                throw TokenErrors.Create(ErrorIds.TokenExpired, $"The token expired at {Format(exp)}.", label);
            }
        }

        if (options.Issuers is { Count: > 0 } issuers)
        {
            var iss = root.TryGetProperty("iss", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (iss is null || !Contains(issuers, iss))
            {
                throw TokenErrors.Create(ErrorIds.TokenIssuerInvalid,
                    iss is null ? "The token has no string iss claim; an issuer is required." : $"The issuer '{iss}' is not accepted.", label);
            }
        }

        if (options.Audiences is { Count: > 0 } audiences && !AudienceMatches(root, audiences))
        {
            throw TokenErrors.Create(ErrorIds.TokenAudienceInvalid, "The token's aud does not contain an accepted audience.", label);
        }
    }

    // aud may be a string or a list of strings; a list passes when it contains an accepted value.
    private static bool AudienceMatches(JsonElement root, IReadOnlyList<string> audiences)
    {
        if (!root.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            return Contains(audiences, aud.GetString()!);
        }

        if (aud.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in aud.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                // PyJWT rejects a list with a non-string member as an invalid claim format.
                return false;
            }
        }

        foreach (var item in aud.EnumerateArray())
        {
            if (Contains(audiences, item.GetString()!))
            {
                return true;
            }
        }

        return false;
    }

    private static double? Seconds(JsonElement root, string name, string? label)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (!PythonValues.TryGetSeconds(value, out var seconds))
        {
            throw TokenErrors.Create(ErrorIds.ClaimsInvalid, $"The {name} claim must be a number, not {PythonValues.TypeName(value)}.", label);
        }

        return seconds;
    }

    private static string Format(double seconds) =>
        seconds is > -62135596800 and < 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).ToString("u", System.Globalization.CultureInfo.InvariantCulture)
            : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
