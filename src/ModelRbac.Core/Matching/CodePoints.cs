using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Matching;

/// <summary>
/// UTF-16 ↔ code point helpers. Python strings are code point sequences, so a surrogate pair is one character;
/// a lone surrogate counts as one character of its own.
/// </summary>
internal static class CodePoints
{
    public static int[] From(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            result.Add(Next(text.AsSpan(), i, out var width));
            i += width;
        }

        return result.ToArray();
    }

    /// <summary>The code point starting at <paramref name="index"/>; <paramref name="width"/> is 1 or 2 units.</summary>
    public static int Next(ReadOnlySpan<char> text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>The code point ending just before <paramref name="end"/>; <paramref name="width"/> is 1 or 2 units.</summary>
    public static int Previous(ReadOnlySpan<char> text, int end, out int width)
    {
        var c = text[end - 1];
        if (char.IsLowSurrogate(c) && end - 2 >= 0 && char.IsHighSurrogate(text[end - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(text[end - 2], c);
        }

        width = 1;
        return c;
    }

    /// <summary>False only inside a surrogate pair: Python has no position there.</summary>
    public static bool IsBoundary(ReadOnlySpan<char> text, int index) =>
        index <= 0 || index >= text.Length || !(char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]));

    public static string ToText(int codePoint) =>
        codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
}
