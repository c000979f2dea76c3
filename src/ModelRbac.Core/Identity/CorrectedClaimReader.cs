using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Identity;

/// <summary>
/// The getters under Corrected (SEMANTICS §2): a string where a list is wanted is a one-element list, JSON null is
/// absent, scopes fall back to <c>scp</c>. Values that cannot be a role or id are dropped (fail closed).
/// </summary>
internal static class CorrectedClaimReader
{
    /// <summary><c>scope</c>, or <c>scp</c> when <c>scope</c> is absent or null; a string is split on whitespace.</summary>
    public static List<string> Scopes(JwtClaims claims)
    {
        if (Present(claims.Root, "scope", out var scope) || Present(claims.Root, "scp", out scope))
        {
            return scope.ValueKind == JsonValueKind.String ? PythonValues.SplitOnWhitespace(scope.GetString()!) : Strings(scope);
        }

        return new List<string>();
    }

    /// <summary>The team claim (not the default): a string or number, or a list's first such item; else null.</summary>
    public static string? TeamClaim(ClaimFields fields, JwtClaims claims)
    {
        if (fields.TeamId is null || !claims.TryGet(fields.TeamId, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            using var items = value.EnumerateArray();
            if (!items.MoveNext())
            {
                return null;
            }

            value = items.Current;
        }

        return value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? PythonValues.ToText(value) : null;
    }

    /// <summary>The team ids claim as a list (a string is one id; numbers are ids too, as LiteLLM's str() makes them).</summary>
    public static List<string> TeamIds(ClaimFields fields, JwtClaims claims) =>
        fields.TeamIds is not null && claims.TryGet(fields.TeamIds, out var value) ? Strings(value, keepNumbers: true) : new List<string>();

    /// <summary>A user id claim present and not null.</summary>
    public static bool HasUserId(ClaimFields fields, JwtClaims claims) => UpstreamClaimReader.HasUserId(fields, claims);

    /// <summary>
    /// A roles claim as a list of strings (a string is one role, non-string items dropped); null when the field is
    /// unset or the claim absent or null. A present claim of another shape is an empty list.
    /// </summary>
    public static List<string>? Roles(ClaimPath? path, JwtClaims claims)
    {
        if (path is null || !claims.TryGet(path, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Strings(value);
    }

    private static bool Present(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static List<string> Strings(JsonElement value, bool keepNumbers = false)
    {
        var result = new List<string>();
        if (value.ValueKind == JsonValueKind.String || (keepNumbers && value.ValueKind == JsonValueKind.Number))
        {
            result.Add(PythonValues.ToText(value)!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String || (keepNumbers && item.ValueKind == JsonValueKind.Number))
                {
                    result.Add(PythonValues.ToText(item)!);
                }
            }
        }

        return result;
    }
}
