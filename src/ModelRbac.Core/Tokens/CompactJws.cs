using System;
using System.Text;
using System.Text.Json;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>A compact JWS split and decoded without any validation: header fields, claims and a safe label.</summary>
internal sealed class CompactJws
{
    private CompactJws(string? alg, string? kid, bool hasKid, JwtClaims claims, bool hasSignature)
    {
        Algorithm = alg;
        KeyId = kid;
        HasKeyId = hasKid;
        Claims = claims;
        HasSignature = hasSignature;
        Label = MakeLabel(kid, claims);
    }

    /// <summary>The header's <c>alg</c> when it is a string.</summary>
    public string? Algorithm { get; }

    /// <summary>The header's <c>kid</c> when it is a string.</summary>
    public string? KeyId { get; }

    /// <summary>Whether the header has a <c>kid</c> member at all.</summary>
    public bool HasKeyId { get; }

    /// <summary>The decoded payload.</summary>
    public JwtClaims Claims { get; }

    /// <summary>The signature segment is not empty.</summary>
    public bool HasSignature { get; }

    /// <summary>"kid=…, sub=…, jti=…" for messages.</summary>
    public string? Label { get; }

    /// <summary>Decodes; TokenMalformed for anything that is not three base64url segments of JSON objects.</summary>
    public static CompactJws Decode(string token, int maxLength, int maxClaimDepth)
    {
        if (token.Length > maxLength)
        {
            throw TokenErrors.LimitExceeded(
                $"The token is malformed: it is {token.Length:N0} characters long; the limit {TokenValidationOptions.MaxTokenLengthName} is {maxLength:N0}.",
                TokenValidationOptions.MaxTokenLengthName);
        }

        var segments = token.Trim().Split('.');
        if (segments.Length == 5)
        {
            throw TokenErrors.Malformed("it has five segments (an encrypted JWE); only signed JWS tokens can be read.");
        }

        if (segments.Length != 3)
        {
            throw TokenErrors.Malformed($"a JWT has three dot-separated segments, this has {segments.Length}.");
        }

        var header = DecodeObject(segments[0], "header");
        var claims = JwtClaims.Parse(DecodeText(segments[1], "payload"), ErrorIds.TokenMalformed, RbacErrorKind.InvalidData, maxClaimDepth);
        var alg = header.TryGetProperty("alg", out var algValue) && algValue.ValueKind == JsonValueKind.String ? algValue.GetString() : null;
        var hasKid = header.TryGetProperty("kid", out var kidValue);
        var kid = hasKid && kidValue.ValueKind == JsonValueKind.String ? kidValue.GetString() : null;
        if (segments[2].Length > 0 && !Base64Url.TryDecode(segments[2], out _))
        {
            throw TokenErrors.Malformed("the signature segment is not base64url.", MakeLabel(kid, claims));
        }

        return new CompactJws(alg, kid, hasKid && kidValue.ValueKind != JsonValueKind.Null, claims, segments[2].Length > 0);
    }

    private static JsonElement DecodeObject(string segment, string name)
    {
        try
        {
            var text = DecodeText(segment, name);
            JwtClaims.Prescan(Encoding.UTF8.GetBytes(text), null, ErrorIds.TokenMalformed, RbacErrorKind.InvalidData, name);
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw TokenErrors.Malformed($"the {name} is not a JSON object.");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw TokenErrors.Malformed($"the {name} is not JSON.");
        }
    }

    private static string DecodeText(string segment, string name)
    {
        if (!Base64Url.TryDecode(segment, out var bytes))
        {
            throw TokenErrors.Malformed($"the {name} segment is not base64url.");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw TokenErrors.Malformed($"the {name} is not UTF-8 text.");
        }
    }

    private static string? MakeLabel(string? kid, JwtClaims claims)
    {
        var parts = new StringBuilder();
        Append(parts, "kid", kid);
        Append(parts, "sub", claims.TopLevelString("sub"));
        Append(parts, "jti", claims.TopLevelString("jti"));
        return parts.Length == 0 ? null : parts.ToString();
    }

    private static void Append(StringBuilder parts, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // Bounded: a hostile token may carry a huge sub; the label is for humans.
        var shown = value.Length > 80 ? value.Substring(0, 80) + "…" : value;
        parts.Append(parts.Length == 0 ? string.Empty : ", ").Append(name).Append('=').Append(shown);
    }
}
