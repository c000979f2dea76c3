using System;
using System.Collections.Generic;
using System.Text;

namespace ModelRbac.Core.Matching;

/// <summary>
/// A pattern compiled once for CPython 3.11 <c>fnmatch.fnmatchcase</c> semantics. Matching is a plain loop over
/// the name: the pattern is split at '*' into fixed-width segments; the first is anchored at the start, the last at
/// the end, and each middle one is taken at its leftmost place. No backtracking, no allocation, O(name × pattern).
/// </summary>
public sealed class FnmatchPattern
{
    private readonly Segment[] _segments;
    private readonly bool _hasStar;

    private FnmatchPattern(string text, Segment[] segments, bool hasStar)
    {
        Text = text;
        _segments = segments;
        _hasStar = hasStar;
        foreach (var segment in segments)
        {
            MinimumLength += segment.Items.Length;
            foreach (var item in segment.Items)
            {
                if (item.Kind == GlobItemKind.Literal)
                {
                    RequiredCharacters |= CharacterMask.Bit(item.CodePoint);
                }
            }
        }
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The fewest UTF-16 units a matching name can have.</summary>
    public int MinimumLength { get; }

    /// <summary>A <see cref="CharacterMask"/> of the literal characters every match contains (a cheap pre-filter).</summary>
    internal ulong RequiredCharacters { get; }

    /// <summary>True when the pattern uses '*', '?' or '[' (SEMANTICS §4: such entries are wildcards).</summary>
    public static bool HasWildcardSyntax(string pattern) => pattern.IndexOfAny(s_wildcardChars) >= 0;

    private static readonly char[] s_wildcardChars = { '*', '?', '[' };

    /// <summary>Parses <paramref name="pattern"/> once.</summary>
    public static FnmatchPattern Compile(string pattern)
    {
        var items = FnmatchTranslator.Translate(pattern);
        var segments = new List<Segment>();
        var current = new List<GlobItem>();
        var hasStar = false;
        foreach (var item in items)
        {
            if (item.Kind == GlobItemKind.Star)
            {
                hasStar = true;
                segments.Add(new Segment(current.ToArray()));
                current.Clear();
            }
            else
            {
                current.Add(item);
            }
        }

        segments.Add(new Segment(current.ToArray()));
        return new FnmatchPattern(pattern, segments.ToArray(), hasStar);
    }

    /// <summary>True when the whole of <paramref name="name"/> matches.</summary>
    public bool IsMatch(ReadOnlySpan<char> name)
    {
        if (name.Length < MinimumLength)
        {
            return false;
        }

        if (!_hasStar)
        {
            return _segments[0].MatchForward(name, 0, out var end) && end == name.Length;
        }

        var first = _segments[0];
        var last = _segments[_segments.Length - 1];
        if (!first.MatchForward(name, 0, out var position))
        {
            return false;
        }

        if (!last.MatchBackward(name, name.Length, out var tailStart) || tailStart < position)
        {
            return false;
        }

        var window = name.Slice(0, tailStart);
        for (var s = 1; s < _segments.Length - 1; s++)
        {
            if (!_segments[s].FindLeftmost(window, position, out position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pattern as written.</summary>
    public override string ToString() => Text;

    /// <summary>A run of pattern items between stars; each item matches exactly one code point.</summary>
    private sealed class Segment
    {
        private readonly string? _literal;

        public Segment(GlobItem[] items)
        {
            Items = items;
            var literal = new StringBuilder();
            foreach (var item in items)
            {
                if (item.Kind != GlobItemKind.Literal)
                {
                    return;
                }

                literal.Append(CodePoints.ToText(item.CodePoint));
            }

            _literal = literal.ToString();
        }

        public GlobItem[] Items { get; }

        public bool MatchForward(ReadOnlySpan<char> name, int start, out int end)
        {
            end = start;
            if (_literal is not null)
            {
                end = start + _literal.Length;
                return name.Slice(start).StartsWith(_literal.AsSpan(), StringComparison.Ordinal) && CodePoints.IsBoundary(name, end);
            }

            foreach (var item in Items)
            {
                if (end >= name.Length)
                {
                    return false;
                }

                var codePoint = CodePoints.Next(name, end, out var width);
                if (!Accepts(item, codePoint))
                {
                    return false;
                }

                end += width;
            }

            return true;
        }

        public bool MatchBackward(ReadOnlySpan<char> name, int end, out int start)
        {
            start = end;
            if (_literal is not null)
            {
                start = end - _literal.Length;
                return start >= 0 && name.Slice(0, end).EndsWith(_literal.AsSpan(), StringComparison.Ordinal) && CodePoints.IsBoundary(name, start);
            }

            for (var k = Items.Length - 1; k >= 0; k--)
            {
                if (start <= 0)
                {
                    return false;
                }

                var codePoint = CodePoints.Previous(name, start, out var width);
                if (!Accepts(Items[k], codePoint))
                {
                    return false;
                }

                start -= width;
            }

            return true;
        }

        /// <summary>The leftmost match at or after <paramref name="from"/> within <paramref name="window"/>.</summary>
        public bool FindLeftmost(ReadOnlySpan<char> window, int from, out int end)
        {
            if (_literal is not null && _literal.Length > 0)
            {
                var searchFrom = from;
                while (searchFrom <= window.Length - _literal.Length)
                {
                    var found = window.Slice(searchFrom).IndexOf(_literal.AsSpan(), StringComparison.Ordinal);
                    if (found < 0)
                    {
                        break;
                    }

                    var at = searchFrom + found;
                    end = at + _literal.Length;
                    if (CodePoints.IsBoundary(window, at) && CodePoints.IsBoundary(window, end))
                    {
                        return true;
                    }

                    searchFrom = at + 1;
                }

                end = from;
                return false;
            }

            for (var at = from; at <= window.Length; at++)
            {
                if (CodePoints.IsBoundary(window, at) && MatchForward(window, at, out end))
                {
                    return true;
                }
            }

            end = from;
            return false;
        }

        private static bool Accepts(GlobItem item, int codePoint) => item.Kind switch
        {
            GlobItemKind.Literal => item.CodePoint == codePoint,
            GlobItemKind.AnyCharacter => true,
            _ => item.Class!.Contains(codePoint),
        };
    }
}
