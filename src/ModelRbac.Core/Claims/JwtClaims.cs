using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Claims;

/// <summary>A decoded JWT payload: a JSON object, read with <see cref="ClaimPath"/>.</summary>
public sealed class JwtClaims
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    private JwtClaims(JsonElement root)
    {
        Root = root;
    }

    /// <summary>The payload object (a detached clone: safe to keep).</summary>
    public JsonElement Root { get; }

    /// <summary>Parses payload JSON; ClaimsInvalid when it is not JSON or not an object.</summary>
    public static JwtClaims Parse(string json) => Parse(json, ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData);

    /// <summary>Parses payload JSON, failing with the given id (TokenMalformed for a token's payload).</summary>
    internal static JwtClaims Parse(string json, string errorId, RbacErrorKind kind)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, s_options);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            // The JSON reader's message quotes at most a position, never the text.
            throw new RbacException(errorId, kind, "The claims are not valid JSON (" + ex.Message + ").");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RbacException(errorId, kind, "The claims must be a JSON object, not " + PythonValues.TypeName(root) + ".");
        }

        return new JwtClaims(root);
    }

    /// <summary>
    /// Builds claims from plain .NET values: dictionaries (string keys), lists, strings, numbers, booleans, null.
    /// ClaimsInvalid for anything else or a top level that is not a dictionary.
    /// </summary>
    public static JwtClaims FromObject(object? value)
    {
        if (value is not IDictionary)
        {
            throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData,
                "The claims must be a dictionary (a hashtable or object), not " + (value?.GetType().Name ?? "null") + ".");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, 0);
        }

        return Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Looks a path up; false when it is absent (JSON null counts as present).</summary>
    public bool TryGet(ClaimPath path, out JsonElement value) => path.TryGet(Root, out value);

    /// <summary>A top-level string claim (sub, iss, jti...), or null.</summary>
    public string? TopLevelString(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// The payload as plain values for display: objects become ordered key/value lists, arrays object arrays,
    /// integers long (or decimal when large), other numbers double.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> ToPlain() => (IReadOnlyList<KeyValuePair<string, object?>>)ToPlain(Root)!;

    private static object? ToPlain(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<KeyValuePair<string, object?>>();
                foreach (var property in value.EnumerateObject())
                {
                    members.Add(new KeyValuePair<string, object?>(property.Name, ToPlain(property.Value)));
                }

                return members;
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (var item in value.EnumerateArray())
                {
                    items.Add(ToPlain(item));
                }

                return items.ToArray();
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var integer))
                {
                    return integer;
                }

                if (value.TryGetDecimal(out var large) && PythonValues.TypeName(value) == "int")
                {
                    return large;
                }

                return value.GetDouble();
            default:
                return null;
        }
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, "The claims are nested more than 64 levels deep.");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case char character:
                writer.WriteStringValue(character.ToString());
                break;
            case DateTime or DateTimeOffset:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                writer.WriteNumberValue(unsigned);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case float or double:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(real) || double.IsInfinity(real))
                {
                    throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, "A claim is NaN or infinite, which JSON cannot carry.");
                }

                writer.WriteNumberValue(real);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key is not string key)
                    {
                        throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData,
                            "Claim names must be strings, not " + (entry.Key?.GetType().Name ?? "null") + ".");
                    }

                    writer.WritePropertyName(key);
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData,
                    "A claim value of type " + value.GetType().Name + " cannot be represented as JSON.");
        }
    }
}
