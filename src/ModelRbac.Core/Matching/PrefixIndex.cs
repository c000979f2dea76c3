using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Matching;

/// <summary>
/// Patterns of the form <c>literal*</c>, answered together: a binary search finds the greatest literal ≤ the name,
/// and every literal that is a prefix of the name lies on that literal's chain of shorter literals. O(log n + chain).
/// </summary>
internal sealed class PrefixIndex
{
    private readonly string[] _literals;
    private readonly int[] _firstIndex;
    private readonly int[] _parent;

    public PrefixIndex(IEnumerable<KeyValuePair<string, int>> literalsWithIndex)
    {
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in literalsWithIndex)
        {
            if (!best.TryGetValue(pair.Key, out var index) || pair.Value < index)
            {
                best[pair.Key] = pair.Value;
            }
        }

        _literals = new string[best.Count];
        best.Keys.CopyTo(_literals, 0);
        Array.Sort(_literals, StringComparer.Ordinal);
        _firstIndex = new int[_literals.Length];
        _parent = new int[_literals.Length];
        var open = new List<int>();
        for (var i = 0; i < _literals.Length; i++)
        {
            _firstIndex[i] = best[_literals[i]];

            // In sorted order the literals that are prefixes of this one form a stack of still-open ancestors.
            while (open.Count > 0 && !_literals[i].StartsWith(_literals[open[open.Count - 1]], StringComparison.Ordinal))
            {
                open.RemoveAt(open.Count - 1);
            }

            _parent[i] = open.Count > 0 ? open[open.Count - 1] : -1;
            open.Add(i);
        }
    }

    public int Count => _literals.Length;

    /// <summary>The smallest list index among literals that start <paramref name="name"/>, or -1.</summary>
    public int FirstMatchIndex(ReadOnlySpan<char> name)
    {
        var lo = 0;
        var hi = _literals.Length - 1;
        var candidate = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (_literals[mid].AsSpan().SequenceCompareTo(name) <= 0)
            {
                candidate = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (candidate < 0)
        {
            return -1;
        }

        var common = CommonPrefixLength(_literals[candidate].AsSpan(), name);
        var result = -1;
        for (var node = candidate; node >= 0; node = _parent[node])
        {
            var length = _literals[node].Length;
            if (length <= common && CodePoints.IsBoundary(name, length) && (result < 0 || _firstIndex[node] < result))
            {
                result = _firstIndex[node];
            }
        }

        return result;
    }

    private static int CommonPrefixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
