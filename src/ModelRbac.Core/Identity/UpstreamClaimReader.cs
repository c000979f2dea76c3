using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Identity;

/// <summary>
/// LiteLLM's getters as they behave today (reference §2.2, §2.3), type quirks included: a string roles claim is
/// iterated character by character, a string team-ids claim is dropped, a null scope raises.
/// </summary>
internal static class UpstreamClaimReader
{
    /// <summary><c>get_scopes</c>: only <c>scope</c>; str split on whitespace, list as is, missing empty, else raises.</summary>
    public static List<string> Scopes(JwtClaims claims)
    {
        if (!claims.Root.TryGetProperty("scope", out var scope))
        {
            return new List<string>();
        }

        switch (scope.ValueKind)
        {
            case JsonValueKind.String:
                return PythonValues.SplitOnWhitespace(scope.GetString()!);
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (var item in scope.EnumerateArray())
                {
                    // Non-string items cannot equal admin_jwt_scope; shown as Python prints them.
                    items.Add(PythonValues.ToText(item) ?? "None");
                }

                return items;
            default:
                throw new PythonError("Unmapped scope type - <class '" + PythonValues.TypeName(scope) + "'>. Supported types - list, str.");
        }
    }

    /// <summary>
    /// <c>get_team_id(token, None)</c>: the claim (a list gives its first element), team_id_default when the field is
    /// unset or the claim missing; null for a JSON null or an empty list.
    /// </summary>
    public static (JsonElement? Value, bool FromDefault) TeamId(ClaimFields fields, JwtClaims claims)
    {
        if (fields.TeamId is null || !claims.TryGet(fields.TeamId, out var value))
        {
            return fields.TeamIdDefault is null ? (null, false) : (JsonString(fields.TeamIdDefault), true);
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            using var items = value.EnumerateArray();
            if (!items.MoveNext())
            {
                return (null, false);
            }

            value = items.Current;
        }

        return value.ValueKind == JsonValueKind.Null ? (null, false) : (value, false);
    }

    /// <summary><c>get_team_ids_from_jwt</c>: a list claim's items; anything else (a string too) is <c>[]</c>.</summary>
    public static List<string> TeamIds(ClaimFields fields, JwtClaims claims)
    {
        var ids = new List<string>();
        if (fields.TeamIds is not null && claims.TryGet(fields.TeamIds, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (PythonValues.ToText(item) is { } text)
                {
                    ids.Add(text);
                }
            }
        }

        return ids;
    }

    /// <summary><c>get_user_id(token, None) is not None</c>: any present value that is not JSON null.</summary>
    public static bool HasUserId(ClaimFields fields, JwtClaims claims) =>
        fields.UserId is not null && claims.TryGet(fields.UserId, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// What <c>for role in value</c> yields in Python: a str's characters, a list's items, a dict's keys; raises for
    /// numbers and booleans. Null when the field is unset, the claim missing or JSON null.
    /// </summary>
    public static List<JsonElement?>? IteratedRoles(ClaimPath? path, JwtClaims claims)
    {
        if (path is null || !claims.TryGet(path, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var items = new List<JsonElement?>();
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var character in PythonValues.CodePoints(value.GetString()!))
                {
                    items.Add(JsonString(character));
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    items.Add(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    items.Add(JsonString(property.Name));
                }

                break;
            default:
                throw PythonError.NotIterable(PythonValues.TypeName(value));
        }

        return items;
    }

    /// <summary><c>is_allowed_user_role</c>: any iterated value (by equality) in user_allowed_roles.</summary>
    public static bool IsAllowedUserRole(ClaimFields fields, List<JsonElement?> roles)
    {
        if (fields.UserAllowedRoles is null)
        {
            return false;
        }

        foreach (var role in roles)
        {
            if (role is { ValueKind: JsonValueKind.String } text && Contains(fields.UserAllowedRoles, text.GetString()!))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>_rbac_role_from_role_mapping</c>: the first mapping in config order whose role is in <c>set(claim)</c>.
    /// A falsy claim gives none; building the set raises for numbers and unhashable items, as Python does.
    /// </summary>
    public static string? MappedRole(ClaimFields fields, JwtClaims claims)
    {
        if (fields.RoleMappings is null || fields.Roles is null || !claims.TryGet(fields.Roles, out var value) || !PythonValues.IsTruthy(value))
        {
            return null;
        }

        var set = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var item in IteratedRoles(fields.Roles, claims)!)
        {
            var element = item!.Value;
            if (element.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                throw PythonError.Unhashable(PythonValues.TypeName(element));
            }

            if (element.ValueKind == JsonValueKind.String)
            {
                set.Add(element.GetString()!);
            }
        }

        foreach (var mapping in fields.RoleMappings)
        {
            if (set.Contains(mapping.Role))
            {
                return mapping.InternalRole;
            }
        }

        return null;
    }

    internal static JsonElement JsonString(string text)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
