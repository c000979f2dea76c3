using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ModelRbac.Core.Claims;

/// <summary>How Python (LiteLLM) sees a decoded JSON value: its type name, its truthiness, its <c>str()</c>.</summary>
public static class PythonValues
{
    /// <summary>The Python class json.loads produces: NoneType, bool, int, float, str, list, dict.</summary>
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "NoneType",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => IsInteger(value) ? "int" : "float",
        JsonValueKind.String => "str",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        _ => "NoneType",
    };

    /// <summary>Python's <c>bool(value)</c>.</summary>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
        JsonValueKind.True => true,
        JsonValueKind.Number => value.TryGetDouble(out var d) && d != 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => HasProperties(value),
        _ => false,
    };

    /// <summary>A display string: strings as they are, numbers as written, booleans as Python prints them, else JSON.</summary>
    public static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => value.GetRawText(),
    };

    /// <summary>Python's <c>str.split()</c> without arguments: runs of whitespace separate, ends are trimmed.</summary>
    public static List<string> SplitOnWhitespace(string text)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || IsPythonSpace(text[i]);
            if (boundary && start >= 0)
            {
                parts.Add(text.Substring(start, i - start));
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return parts;
    }

    /// <summary>What iterating a Python str yields: its code points (a surrogate pair is one).</summary>
    public static IEnumerable<string> CodePoints(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return text.Substring(i++, 2);
            }
            else
            {
                yield return text[i].ToString();
            }
        }
    }

    // str.isspace() also counts the information separators U+001C..U+001F, which char.IsWhiteSpace does not.
    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001c' && c <= '\u001f');

    private static bool IsInteger(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
    }

    private static bool HasProperties(JsonElement value)
    {
        using var properties = value.EnumerateObject();
        return properties.MoveNext();
    }

    /// <summary>Parses a JSON number as a double (invariant culture), for timestamps.</summary>
    internal static bool TryGetSeconds(JsonElement value, out double seconds)
    {
        seconds = 0;
        return value.ValueKind == JsonValueKind.Number
            && double.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
    }
}
