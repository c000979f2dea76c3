using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelRbac.Fuzz.Tests;

/// <summary>
/// An independent oracle for <c>fnmatch.fnmatchcase</c>: a line-by-line port of CPython 3.11's <c>fnmatch.translate</c>
/// to a .NET regular expression, run with the non-backtracking engine. .NET classes hold UTF-16 units, so every code
/// point of the pattern and name is first renamed, in order, to one BMP character: ranges keep their meaning and a
/// surrogate pair stays one character, as it is one code point to Python.
/// </summary>
internal static class ReferenceFnmatch
{
    private const int Range = -1;

    public static bool IsMatch(string name, string pattern)
    {
        var pat = CodePoints(pattern);
        var nm = CodePoints(name);
        var rename = pat.Concat(nm).Distinct().OrderBy(c => c).Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (char)(0x100 + p.i));
        var regex = @"\A(?:" + Translate(pat, rename) + @")\z";
        var subject = new string(nm.Select(c => rename[c]).ToArray());
        return Regex.IsMatch(subject, regex, RegexOptions.NonBacktracking | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>Python's view of a str: a surrogate pair is one code point, a lone surrogate is itself.</summary>
    public static int[] CodePoints(string text)
    {
        var result = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                result.Add(text[i]);
            }
        }

        return result.ToArray();
    }

    private static string Translate(int[] pat, Dictionary<int, char> rename)
    {
        var res = new StringBuilder();
        var lastWasStar = false;
        int i = 0, n = pat.Length;
        while (i < n)
        {
            var c = pat[i];
            i++;
            if (c == '*')
            {
                if (!lastWasStar)
                {
                    res.Append(".*");
                }

                lastWasStar = true;
                continue;
            }

            lastWasStar = false;
            if (c == '?')
            {
                res.Append('.');
            }
            else if (c == '[')
            {
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
                    res.Append(Escape(rename['[']));
                    continue;
                }

                // stuff, as a list of code points with Range where translate() leaves an unescaped '-'.
                var stuff = new List<int>();
                if (!Contains(pat, '-', i, j))
                {
                    stuff.AddRange(pat[i..j]);
                }
                else
                {
                    var chunks = new List<List<int>>();
                    var k = pat[i] == '!' ? i + 2 : i + 1;
                    while (true)
                    {
                        k = Find(pat, '-', k, j);
                        if (k < 0)
                        {
                            break;
                        }

                        chunks.Add(pat[i..k].ToList());
                        i = k + 1;
                        k += 3;
                    }

                    var chunk = pat[i..j].ToList();
                    if (chunk.Count > 0)
                    {
                        chunks.Add(chunk);
                    }
                    else
                    {
                        chunks[^1].Add('-');
                    }

                    // Remove empty ranges -- invalid in RE.
                    for (k = chunks.Count - 1; k > 0; k--)
                    {
                        if (chunks[k - 1][^1] > chunks[k][0])
                        {
                            chunks[k - 1] = chunks[k - 1].Take(chunks[k - 1].Count - 1).Concat(chunks[k].Skip(1)).ToList();
                            chunks.RemoveAt(k);
                        }
                    }

                    for (var c2 = 0; c2 < chunks.Count; c2++)
                    {
                        if (c2 > 0)
                        {
                            stuff.Add(Range);
                        }

                        stuff.AddRange(chunks[c2]);
                    }
                }

                i = j + 1;
                if (stuff.Count == 0)
                {
                    res.Append(@"[^\s\S]");
                }
                else if (stuff.Count == 1 && stuff[0] == '!')
                {
                    res.Append('.');
                }
                else
                {
                    var negated = stuff[0] == '!';
                    res.Append(negated ? "[^" : "[");
                    foreach (var item in negated ? stuff.Skip(1) : stuff)
                    {
                        res.Append(item == Range ? "-" : Escape(rename[item]));
                    }

                    res.Append(']');
                }
            }
            else
            {
                res.Append(Escape(rename[c]));
            }
        }

        return res.ToString();
    }

    private static string Escape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    private static bool Contains(int[] pat, int value, int from, int to) => Find(pat, value, from, to) >= 0;

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
}
