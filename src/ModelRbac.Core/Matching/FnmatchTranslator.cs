using System.Collections.Generic;

namespace ModelRbac.Core.Matching;

/// <summary>One element of a parsed pattern.</summary>
internal enum GlobItemKind : byte
{
    Literal,
    AnyCharacter,
    Class,
    Star,
}

/// <summary>A parsed pattern element: a literal code point, '?', a bracket class, or '*'.</summary>
internal readonly struct GlobItem
{
    public GlobItem(GlobItemKind kind, int codePoint, CharClass? charClass)
    {
        Kind = kind;
        CodePoint = codePoint;
        Class = charClass;
    }

    public GlobItemKind Kind { get; }

    public int CodePoint { get; }

    public CharClass? Class { get; }
}

/// <summary>
/// A port of CPython 3.11 <c>fnmatch.translate</c>'s tokenising, producing items instead of a regex, so that
/// bracket expressions (unclosed '[', '[!]', reversed ranges removed with their ends, hyphen splitting) mean
/// exactly what they mean to <c>fnmatch.fnmatchcase</c>.
/// </summary>
internal static class FnmatchTranslator
{
    public static List<GlobItem> Translate(string pattern)
    {
        var pat = CodePoints.From(pattern);
        var result = new List<GlobItem>();
        int i = 0, n = pat.Length;
        while (i < n)
        {
            var c = pat[i];
            i++;
            if (c == '*')
            {
                if (result.Count == 0 || result[result.Count - 1].Kind != GlobItemKind.Star)
                {
                    result.Add(new GlobItem(GlobItemKind.Star, 0, null));
                }
            }
            else if (c == '?')
            {
                result.Add(new GlobItem(GlobItemKind.AnyCharacter, 0, null));
            }
            else if (c == '[')
            {
                i = TranslateBracket(pat, i, result);
            }
            else
            {
                result.Add(new GlobItem(GlobItemKind.Literal, c, null));
            }
        }

        return result;
    }

    /// <summary>Handles the text after a '['; returns where scanning resumes.</summary>
    private static int TranslateBracket(int[] pat, int i, List<GlobItem> result)
    {
        var n = pat.Length;
        var j = i;
        if (j < n && pat[j] == '!')
        {
            j++;
        }

        if (j < n && pat[j] == ']')
        {
            j++;
        }

        while (j < n && pat[j] != ']')
        {
            j++;
        }

        if (j >= n)
        {
            // Unclosed: the '[' is a literal and scanning resumes right after it.
            result.Add(new GlobItem(GlobItemKind.Literal, '[', null));
            return i;
        }

        var stuff = BuildClassBody(pat, i, j);
        if (stuff.Count == 0)
        {
            result.Add(new GlobItem(GlobItemKind.Class, 0, CharClass.Nothing));
        }
        else if (stuff.Count == 1 && stuff[0] == '!')
        {
            result.Add(new GlobItem(GlobItemKind.Class, 0, CharClass.AnyCharacter));
        }
        else
        {
            if (stuff[0] == '!')
            {
                stuff[0] = '^';
            }
            else if (stuff[0] == '^' || stuff[0] == '[')
            {
                stuff.Insert(0, '\\');
            }

            result.Add(new GlobItem(GlobItemKind.Class, 0, CharClass.FromRegexBody(stuff)));
        }

        return j + 1;
    }

    /// <summary>The class body as translate escapes it: chunks split on range hyphens, empty ranges removed.</summary>
    private static List<int> BuildClassBody(int[] pat, int i, int j)
    {
        var hasHyphen = false;
        for (var k = i; k < j; k++)
        {
            hasHyphen |= pat[k] == '-';
        }

        List<int> stuff;
        if (!hasHyphen)
        {
            stuff = EscapeChunk(pat, i, j, escapeHyphen: false);
        }
        else
        {
            var chunks = new List<List<int>>();
            var start = i;
            var k = pat[i] == '!' ? i + 2 : i + 1;
            while (true)
            {
                k = Find(pat, '-', k, j);
                if (k < 0)
                {
                    break;
                }

                chunks.Add(Slice(pat, start, k));
                start = k + 1;
                k += 3;
            }

            var last = Slice(pat, start, j);
            if (last.Count > 0)
            {
                chunks.Add(last);
            }
            else
            {
                chunks[chunks.Count - 1].Add('-');
            }

            for (var m = chunks.Count - 1; m > 0; m--)
            {
                var previous = chunks[m - 1];
                if (previous[previous.Count - 1] > chunks[m][0])
                {
                    previous.RemoveAt(previous.Count - 1);
                    previous.AddRange(chunks[m].GetRange(1, chunks[m].Count - 1));
                    chunks.RemoveAt(m);
                }
            }

            stuff = new List<int>();
            for (var m = 0; m < chunks.Count; m++)
            {
                if (m > 0)
                {
                    stuff.Add('-');
                }

                var chunk = chunks[m].ToArray();
                stuff.AddRange(EscapeChunk(chunk, 0, chunk.Length, escapeHyphen: true));
            }
        }

        // translate also escapes '&', '~' and '|' (set operations); escaped or not they are literals here.
        return stuff;
    }

    private static List<int> EscapeChunk(int[] source, int from, int to, bool escapeHyphen)
    {
        var escaped = new List<int>(to - from);
        for (var k = from; k < to; k++)
        {
            var c = source[k];
            if (c == '\\' || (escapeHyphen && c == '-'))
            {
                escaped.Add('\\');
            }

            escaped.Add(c);
        }

        return escaped;
    }

    private static int Find(int[] pat, int value, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (pat[k] == value)
            {
                return k;
            }
        }

        return -1;
    }

    private static List<int> Slice(int[] pat, int from, int to)
    {
        var slice = new List<int>(System.Math.Max(0, to - from));
        for (var k = from; k < to; k++)
        {
            slice.Add(pat[k]);
        }

        return slice;
    }
}
