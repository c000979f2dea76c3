using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ModelRbac.Core.Claims;

/// <summary>
/// A claim path as LiteLLM's <c>get_nested_value</c> reads it (reference §2.1): a leading <c>metadata.</c> is
/// stripped once, <c>\.</c> is a literal dot, keys are case-sensitive, lists cannot be indexed.
/// </summary>
public sealed class ClaimPath
{
    private const string MetadataPrefix = "metadata.";
    private readonly string[] _segments;
    private readonly bool _unmatchable;

    private ClaimPath(string text, string[] segments, bool unmatchable)
    {
        Text = text;
        _segments = segments;
        _unmatchable = unmatchable;
    }

    /// <summary>The path as configured.</summary>
    public string Text { get; }

    /// <summary>The keys walked, in order (after the prefix strip and unescaping).</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Parses a configured path; an empty path, or one with an empty segment, never matches.</summary>
    public static ClaimPath Parse(string text)
    {
        var body = text.StartsWith(MetadataPrefix, System.StringComparison.Ordinal) ? text.Substring(MetadataPrefix.Length) : text;
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] == '.')
            {
                current.Append('.');
                i++;
            }
            else if (body[i] == '.')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(body[i]);
            }
        }

        segments.Add(current.ToString());
        // Python's walk fails on a key nobody writes; an empty key is what "a..b" or a stray dot produces.
        var unmatchable = body.Length == 0 || segments.Exists(s => s.Length == 0);
        return new ClaimPath(text, segments.ToArray(), unmatchable);
    }

    /// <summary>
    /// Walks the path. True with the value (JSON null included) when every key exists; false when a key is missing
    /// or a non-object (list, string, number) is met on the way.
    /// </summary>
    public bool TryGet(JsonElement root, out JsonElement value)
    {
        value = default;
        if (_unmatchable)
        {
            return false;
        }

        var current = root;
        foreach (var segment in _segments)
        {
            // TryGetProperty is ordinal and, for a repeated key, takes the last one, as Python's json does.
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
            {
                return false;
            }

            current = next;
        }

        value = current;
        return true;
    }
}
