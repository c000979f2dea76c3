using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Routing;

/// <summary>
/// Parameterised templates bucketed by their leading literal, so a route only meets the templates whose leading
/// literal is one of its own prefixes. Leading literals that end in '/' (nearly all: <c>/v1/threads/</c>) are keyed
/// by a hash of that text, and a route's prefixes up to each '/' are hashed incrementally in one pass; the rest
/// (<c>/realtime?</c>) are tried in list order. A hash collision only adds candidates: every candidate is matched in full.
/// </summary>
internal sealed class ParameterisedTemplateIndex
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private readonly Dictionary<ulong, KeyValuePair<int, RouteTemplate>[]> _bySlashPrefix = new();
    private readonly KeyValuePair<int, RouteTemplate>[] _unaligned;
    private readonly int _longestSlashPrefix;

    public ParameterisedTemplateIndex(IEnumerable<KeyValuePair<int, RouteTemplate>> templatesInOrder)
    {
        var buckets = new Dictionary<ulong, List<KeyValuePair<int, RouteTemplate>>>();
        var unaligned = new List<KeyValuePair<int, RouteTemplate>>();
        foreach (var pair in templatesInOrder)
        {
            var leading = pair.Value.LeadingLiteral;
            if (leading.Length == 0 || leading[leading.Length - 1] != '/')
            {
                unaligned.Add(pair);
                continue;
            }

            var key = Hash(leading);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = new List<KeyValuePair<int, RouteTemplate>>();
            }

            bucket.Add(pair);
            if (leading.Length > _longestSlashPrefix)
            {
                _longestSlashPrefix = leading.Length;
            }
        }

        foreach (var bucket in buckets)
        {
            _bySlashPrefix[bucket.Key] = bucket.Value.ToArray();
        }

        _unaligned = unaligned.ToArray();
    }

    /// <summary>The smallest list index below <paramref name="before"/> of a template matching <paramref name="path"/>, or <paramref name="before"/>.</summary>
    public int FirstMatchBefore(string path, int before)
    {
        var best = before;
        best = FirstIn(_unaligned, path, best);
        var hash = FnvOffset;
        var end = path.Length < _longestSlashPrefix ? path.Length : _longestSlashPrefix;
        for (var i = 0; i < end; i++)
        {
            var c = path[i];
            hash = (hash ^ c) * FnvPrime;
            if (c == '/' && _bySlashPrefix.TryGetValue(hash, out var bucket))
            {
                best = FirstIn(bucket, path, best);
            }
        }

        return best;
    }

    private static int FirstIn(KeyValuePair<int, RouteTemplate>[] candidates, string path, int best)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Key >= best)
            {
                break;
            }

            if (candidate.Value.Matches(path.AsSpan()))
            {
                return candidate.Key;
            }
        }

        return best;
    }

    private static ulong Hash(string text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }
}
