using System.Collections.Generic;

namespace ModelRbac.Core.Matching;

/// <summary>
/// A bracket expression of an fnmatch pattern, as CPython 3.11's <c>fnmatch.translate</c> builds it and
/// <c>re</c> reads it: inclusive code point ranges, optionally negated.
/// </summary>
internal sealed class CharClass
{
    private readonly int[] _lows;
    private readonly int[] _highs;

    private CharClass(int[] lows, int[] highs, bool negated)
    {
        _lows = lows;
        _highs = highs;
        Negated = negated;
    }

    public bool Negated { get; }

    /// <summary>A class matching any one character (CPython's "negated empty range").</summary>
    public static CharClass AnyCharacter { get; } = new(new int[0], new int[0], negated: true);

    /// <summary>A class matching nothing (CPython's "empty range").</summary>
    public static CharClass Nothing { get; } = new(new int[0], new int[0], negated: false);

    public bool Contains(int codePoint)
    {
        var inside = false;
        for (var i = 0; i < _lows.Length; i++)
        {
            if (codePoint >= _lows[i] && codePoint <= _highs[i])
            {
                inside = true;
                break;
            }
        }

        return inside != Negated;
    }

    /// <summary>
    /// Reads the body CPython hands to <c>re</c> (<paramref name="body"/>, after its '!'→'^' and escaping steps):
    /// a leading '^' negates, "\x" is the literal x, and an unescaped '-' between two items is a range.
    /// </summary>
    public static CharClass FromRegexBody(List<int> body)
    {
        var lows = new List<int>();
        var highs = new List<int>();
        var pos = 0;
        var negated = false;
        if (body.Count > 0 && body[0] == '^')
        {
            negated = true;
            pos = 1;
        }

        while (pos < body.Count)
        {
            var low = ReadItem(body, ref pos);
            if (pos < body.Count && body[pos] == '-' && pos + 1 < body.Count)
            {
                pos++;
                var high = ReadItem(body, ref pos);
                if (high < low)
                {
                    // re would raise "bad character range"; translate's clean-up makes this unreachable, so fail closed.
                    return Nothing;
                }

                lows.Add(low);
                highs.Add(high);
            }
            else
            {
                lows.Add(low);
                highs.Add(low);
            }
        }

        return new CharClass(lows.ToArray(), highs.ToArray(), negated);
    }

    private static int ReadItem(List<int> body, ref int pos)
    {
        if (body[pos] == '\\' && pos + 1 < body.Count)
        {
            pos += 2;
            return body[pos - 1];
        }

        return body[pos++];
    }
}
