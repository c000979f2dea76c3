using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Matching;

/// <summary>
/// Patterns of the form <c>literal*</c>, answered together by one walk down a character trie: every literal that
/// starts the name ends on the walk's path. O(name length), no allocation. The trie is stored in flat arrays
/// (edges of a node are contiguous and sorted) so a walk touches a few cache lines, not one object per step.
/// </summary>
internal sealed class PrefixIndex
{
    private readonly int[] _firstEdge;
    private readonly int[] _edgeCount;
    private readonly int[] _firstIndex;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeTarget;
    private readonly int[] _rootAscii = new int[128];

    public PrefixIndex(IEnumerable<KeyValuePair<string, int>> literalsWithIndex)
    {
        // Build with maps, then number nodes breadth-first into the flat arrays.
        var children = new List<SortedDictionary<char, int>> { new() };
        var firstIndex = new List<int> { -1 };
        foreach (var pair in literalsWithIndex)
        {
            var node = 0;
            foreach (var c in pair.Key)
            {
                if (!children[node].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add(new SortedDictionary<char, int>());
                    firstIndex.Add(-1);
                    children[node][c] = next;
                }

                node = next;
            }

            if (firstIndex[node] < 0 || pair.Value < firstIndex[node])
            {
                firstIndex[node] = pair.Value;
            }

            Count++;
        }

        var nodeCount = children.Count;
        _firstEdge = new int[nodeCount];
        _edgeCount = new int[nodeCount];
        _firstIndex = firstIndex.ToArray();
        _edgeChar = new char[nodeCount - 1];
        _edgeTarget = new int[nodeCount - 1];
        var edge = 0;
        for (var node = 0; node < nodeCount; node++)
        {
            _firstEdge[node] = edge;
            _edgeCount[node] = children[node].Count;
            foreach (var pair in children[node])
            {
                _edgeChar[edge] = pair.Key;
                _edgeTarget[edge] = pair.Value;
                edge++;
            }
        }

        for (var c = 0; c < 128; c++)
        {
            _rootAscii[c] = Child(0, (char)c);
        }
    }

    public int Count { get; }

    /// <summary>The smallest list index among literals that start <paramref name="name"/>, or -1.</summary>
    public int FirstMatchIndex(ReadOnlySpan<char> name)
    {
        var best = _firstIndex[0];
        var node = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            node = i == 0 && c < 128 ? _rootAscii[c] : Child(node, c);
            if (node < 0)
            {
                break;
            }

            // A literal ending inside a surrogate pair cannot start the name in Python's code point terms.
            var index = _firstIndex[node];
            if (index >= 0 && (best < 0 || index < best) && CodePoints.IsBoundary(name, i + 1))
            {
                best = index;
            }
        }

        return best;
    }

    private int Child(int node, char c)
    {
        var start = _firstEdge[node];
        var end = start + _edgeCount[node];
        for (var edge = start; edge < end; edge++)
        {
            var key = _edgeChar[edge];
            if (key == c)
            {
                return _edgeTarget[edge];
            }

            if (key > c)
            {
                break;
            }
        }

        return -1;
    }
}
