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
    /// <summary>The default for <see cref="MaxDepthName"/>: nesting of objects and arrays, the top-level object counting 1.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The most a caller may raise the depth to: display and role reading walk the claims recursively.</summary>
    public const int HighestMaxDepth = 1000;

    /// <summary>The user-facing name of the claim nesting limit.</summary>
    public const string MaxDepthName = "MaxClaimDepth";

    private JwtClaims(JsonElement root)
    {
        Root = root;
    }

    /// <summary>The payload object (a detached clone: safe to keep).</summary>
    public JsonElement Root { get; }

    /// <summary>Parses payload JSON; ClaimsInvalid when it is not JSON, not an object, or nested deeper than <paramref name="maxDepth"/>.</summary>
    public static JwtClaims Parse(string json, int maxDepth = DefaultMaxDepth) => Parse(json, ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, maxDepth);

    /// <summary>Parses payload JSON, failing with the given id (TokenMalformed for a token's payload).</summary>
    internal static JwtClaims Parse(string json, string errorId, RbacErrorKind kind, int maxDepth)
    {
        CheckDepthSetting(maxDepth);
        JsonElement root;
        try
        {
            var utf8 = Encoding.UTF8.GetBytes(json);
            Prescan(utf8, maxDepth, errorId, kind, "claims");
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            // Only the position: the reader's message can quote a literal of any length from the payload.
            throw new RbacException(errorId, kind, $"The claims are not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).");
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
    public static JwtClaims FromObject(object? value, int maxDepth = DefaultMaxDepth)
    {
        CheckDepthSetting(maxDepth);
        if (value is not IDictionary)
        {
            throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData,
                "The claims must be a dictionary (a hashtable or object), not " + (value?.GetType().Name ?? "null") + ".");
        }

        using var buffer = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            Write(writer, value, 1, maxDepth);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The writer refuses text that is not valid UTF-16 (an unpaired surrogate in a name or value).
            throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, "A claim name or value is not valid UTF-16 text (an unpaired surrogate).");
        }

        return Parse(Encoding.UTF8.GetString(buffer.ToArray()), maxDepth);
    }

    /// <summary>ClaimsInvalid naming <see cref="MaxDepthName"/> for claims nested deeper than the limit.</summary>
    internal static RbacException DepthExceeded(int maxDepth) =>
        new(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, $"The claims nest objects and arrays deeper than allowed; the limit {MaxDepthName} is {maxDepth}.") { Limit = MaxDepthName };

    private static void CheckDepthSetting(int maxDepth)
    {
        if (maxDepth < 1 || maxDepth > HighestMaxDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, $"{MaxDepthName} must be between 1 and {HighestMaxDepth}.");
        }
    }

    /// <summary>
    /// A forward-only pass (no recursion) before the document is built. It finds nesting deeper than
    /// <paramref name="maxDepth"/>, so the failure names the limit instead of quoting the JSON reader, and strings
    /// or names holding an unpaired surrogate escape (<c>"\ud800"</c>): valid JSON that System.Text.Json refuses to
    /// turn into a string at the first read, which would otherwise escape later as an unexpected exception.
    /// Python reads such strings, but LiteLLM cannot store or encode them; refusing them fails closed.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    internal static void Prescan(byte[] utf8, int? maxDepth, string errorId, RbacErrorKind kind, string what)
    {
        // One level of headroom: the reader lets the first level past the limit through, and this pass reports it.
        // Without a limit of ours (a token header) the reader's default applies and its failure is "not JSON".
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 ?? 0 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + 1 > maxDepth)
            {
                throw DepthExceeded(maxDepth.Value);
            }

            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new RbacException(errorId, kind,
                        $"A string in the {what} holds an unpaired UTF-16 surrogate escape (such as \\ud800), which is refused rather than read.");
                }
            }
        }
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

    /// <summary>
    /// The writer would turn an unpaired surrogate into U+FFFD without a word; refuse it, as the JSON path refuses
    /// its escaped form.
    /// </summary>
    private static string Checked(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, "A claim name or value holds an unpaired UTF-16 surrogate, which is refused rather than read.");
            }
        }

        return text;
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth, int maxDepth)
    {
        // depth is the level this value's container would open; scalars never nest.
        if (depth > maxDepth && value is IEnumerable and not string)
        {
            throw DepthExceeded(maxDepth);
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(Checked(text));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case char character:
                writer.WriteStringValue(character.ToString());
                break;
            // ConvertFrom-Json turns ISO 8601 strings into dates; write them back in that form, not the culture's.
            case DateTime date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case System.Numerics.BigInteger big:
                // ConvertFrom-Json's type for an integer beyond long: still a JSON number, digit for digit.
                writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
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

                    writer.WritePropertyName(Checked(key));
                    Write(writer, entry.Value, depth + 1, maxDepth);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, depth + 1, maxDepth);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData,
                    "A claim value of type " + value.GetType().Name + " cannot be represented as JSON.");
        }
    }
}
