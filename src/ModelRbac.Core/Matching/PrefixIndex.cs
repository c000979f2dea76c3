using System;
using System.Collections.Generic;
using System.Text;

namespace ModelRbac.Core.Matching;

/// <summary>
/// Patterns of the form <c>literal*</c>, answered together by one walk down a radix trie: every literal that
/// starts the name ends on the walk's path. O(name length), no allocation. Chains of single-child nodes where no
/// literal ends are merged into one edge label compared with a vectorised StartsWith, and the trie is stored in
/// flat arrays (edges of a node contiguous, sorted by first character), so a walk takes a few steps, not one per
/// character.
/// </summary>
internal sealed class PrefixIndex
{
    private readonly int[] _firstEdge;
    private readonly int[] _edgeCount;
    private readonly int[] _firstIndex;
    private readonly char[] _edgeFirstChar;
    private readonly int[] _edgeLabelStart;
    private readonly int[] _edgeLabelLength;
    private readonly int[] _edgeTarget;
    private readonly string _labels;
    private readonly int[] _rootAscii = new int[128];

    public PrefixIndex(IEnumerable<KeyValuePair<string, int>> literalsWithIndex)
    {
        var (children, firstIndex) = BuildCharacterTrie(literalsWithIndex);

        // Number the nodes where a literal ends or the trie branches, breadth-first; the rest become edge labels.
        var order = new List<int> { 0 };
        var nodeFirstIndex = new List<int> { firstIndex[0] };
        var edgesOf = new List<List<(char First, string Label, int Target)>>();
        for (var k = 0; k < order.Count; k++)
        {
            var edges = new List<(char, string, int)>();
            foreach (var pair in children[order[k]])
            {
                var label = new StringBuilder().Append(pair.Key);
                var node = pair.Value;
                while (firstIndex[node] < 0 && children[node].Count == 1)
                {
                    foreach (var only in children[node])
                    {
                        label.Append(only.Key);
                        node = only.Value;
                    }
                }

                edges.Add((pair.Key, label.ToString(), order.Count));
                order.Add(node);
                nodeFirstIndex.Add(firstIndex[node]);
            }

            edgesOf.Add(edges);
        }

        var nodeCount = order.Count;
        _firstEdge = new int[nodeCount];
        _edgeCount = new int[nodeCount];
        _firstIndex = nodeFirstIndex.ToArray();
        _edgeFirstChar = new char[nodeCount - 1];
        _edgeLabelStart = new int[nodeCount - 1];
        _edgeLabelLength = new int[nodeCount - 1];
        _edgeTarget = new int[nodeCount - 1];
        var labels = new StringBuilder();
        var edge = 0;
        for (var node = 0; node < nodeCount; node++)
        {
            _firstEdge[node] = edge;
            _edgeCount[node] = edgesOf[node].Count;
            foreach (var (first, label, target) in edgesOf[node])
            {
                _edgeFirstChar[edge] = first;
                _edgeLabelStart[edge] = labels.Length;
                _edgeLabelLength[edge] = label.Length;
                _edgeTarget[edge] = target;
                labels.Append(label);
                edge++;
            }
        }

        _labels = labels.ToString();
        for (var c = 0; c < 128; c++)
        {
            _rootAscii[c] = EdgeFrom(0, (char)c);
        }
    }

    public int Count { get; private set; }

    /// <summary>The smallest list index among literals that start <paramref name="name"/>, or -1.</summary>
    public int FirstMatchIndex(ReadOnlySpan<char> name)
    {
        var best = _firstIndex[0];
        var node = 0;
        var position = 0;
        while (position < name.Length)
        {
            var c = name[position];
            var edge = node == 0 && c < 128 ? _rootAscii[c] : EdgeFrom(node, c);
            if (edge < 0)
            {
                break;
            }

            // No literal ends inside a label, so a name that stops or differs within it can gain nothing more.
            var label = _labels.AsSpan(_edgeLabelStart[edge], _edgeLabelLength[edge]);
            if (!name.Slice(position).StartsWith(label))
            {
                break;
            }

            position += label.Length;
            node = _edgeTarget[edge];

            // A literal ending inside a surrogate pair cannot start the name in Python's code point terms.
            var index = _firstIndex[node];
            if (index >= 0 && (best < 0 || index < best) && CodePoints.IsBoundary(name, position))
            {
                best = index;
            }
        }

        return best;
    }

    private (List<SortedDictionary<char, int>> Children, List<int> FirstIndex) BuildCharacterTrie(IEnumerable<KeyValuePair<string, int>> literalsWithIndex)
    {
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

        return (children, firstIndex);
    }

    /// <summary>The edge out of <paramref name="node"/> whose label starts with <paramref name="c"/>, or -1.</summary>
    private int EdgeFrom(int node, char c)
    {
        var start = _firstEdge[node];
        var end = start + _edgeCount[node];
        for (var edge = start; edge < end; edge++)
        {
            var key = _edgeFirstChar[edge];
            if (key == c)
            {
                return edge;
            }

            if (key > c)
            {
                break;
            }
        }

        return -1;
    }
}
