using System;
using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Matching;

/// <summary>The first list entry that grants a model, and by which rule.</summary>
public readonly struct PatternGrant
{
    internal PatternGrant(int index, GrantSource source)
    {
        Index = index;
        Source = source;
    }

    /// <summary>The granting entry's index in the list, or -1 when none grants.</summary>
    public int Index { get; }

    /// <summary>The rule that granted; <see cref="GrantSource.Denied"/> when none did.</summary>
    public GrantSource Source { get; }

    /// <summary>True when some entry grants.</summary>
    public bool Granted => Index >= 0;
}

/// <summary>
/// A role's <c>models</c> list compiled once: exact names in a hash map, <c>literal*</c> patterns in a
/// <see cref="PrefixIndex"/>, other globs compiled, access-group names by id. Each structure reports the smallest
/// list index that grants, so the result is the first granting entry in list order without testing entries one by one.
/// </summary>
public sealed class ModelPatternList
{
    /// <summary>LiteLLM's special name for "every model".</summary>
    public const string AllProxyModels = "all-proxy-models";

    private readonly Dictionary<string, int> _exactFirstIndex = new(StringComparer.Ordinal);
    private readonly int _allModelsIndex = -1;
    private readonly PrefixIndex _prefixes;
    private readonly KeyValuePair<int, FnmatchPattern>[] _globs;
    private readonly Dictionary<int, int> _groupRefs = new();
    private readonly AccessGroupIndex _groups;
    private readonly bool _mayNameGroups;

    /// <summary>Compiles <paramref name="patterns"/> against the config's access groups.</summary>
    public ModelPatternList(IReadOnlyList<string> patterns, AccessGroupIndex groups)
    {
        Patterns = patterns;
        _groups = groups;
        var prefixes = new List<KeyValuePair<string, int>>();
        var globs = new List<KeyValuePair<int, FnmatchPattern>>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (!_exactFirstIndex.ContainsKey(pattern))
            {
                _exactFirstIndex[pattern] = i;
            }

            if (pattern is "*" or AllProxyModels)
            {
                if (_allModelsIndex < 0)
                {
                    _allModelsIndex = i;
                }

                continue;
            }

            if (FnmatchPattern.HasWildcardSyntax(pattern))
            {
                if (IsPlainPrefix(pattern))
                {
                    prefixes.Add(new KeyValuePair<string, int>(pattern.Substring(0, pattern.Length - 1), i));
                }
                else
                {
                    globs.Add(new KeyValuePair<int, FnmatchPattern>(i, FnmatchPattern.Compile(pattern)));
                }
            }

            _mayNameGroups = true;
            if (groups.TryGetGroupId(pattern, out var id) && !_groupRefs.ContainsKey(id))
            {
                _groupRefs[id] = i;
            }
        }

        _prefixes = new PrefixIndex(prefixes);
        _globs = globs.ToArray();
    }

    /// <summary>The list as written.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>Upstream's test: the model is an element of the list (exact, ordinal).</summary>
    public bool ContainsExactly(string model) => _exactFirstIndex.ContainsKey(model);

    /// <summary>Upstream's test with the position: the first index of the element equal to the model, or -1.</summary>
    public int ExactIndex(string model) => _exactFirstIndex.TryGetValue(model, out var index) ? index : -1;

    /// <summary>Corrected: the first entry that grants <paramref name="model"/> (SEMANTICS §4 rules 1–4). No allocation.</summary>
    public PatternGrant FindGrant(string model)
    {
        var best = -1;
        var source = GrantSource.Denied;
        if (_exactFirstIndex.TryGetValue(model, out var exact))
        {
            best = exact;
            source = GrantSource.Exact;
        }

        Consider(_allModelsIndex, GrantSource.AllModels, ref best, ref source);
        if (best == 0)
        {
            return new PatternGrant(best, source);
        }

        Consider(_prefixes.FirstMatchIndex(model.AsSpan()), GrantSource.Wildcard, ref best, ref source);
        if (_globs.Length > 0)
        {
            var present = CharacterMask.Of(model.AsSpan());
            foreach (var glob in _globs)
            {
                if (best >= 0 && glob.Key >= best)
                {
                    break;
                }

                if ((glob.Value.RequiredCharacters & ~present) == 0 && glob.Value.IsMatch(model.AsSpan()))
                {
                    Consider(glob.Key, GrantSource.Wildcard, ref best, ref source);
                    break;
                }
            }
        }

        if (_mayNameGroups && best != 0)
        {
            if (_groups.Incomplete is { } missing)
            {
                throw missing.ToException();
            }

            if (_groupRefs.Count > 0)
            {
                Consider(_groups.FirstServingIndex(model, _groupRefs), GrantSource.AccessGroup, ref best, ref source);
            }
        }

        return new PatternGrant(best, source);
    }

    private static void Consider(int index, GrantSource candidate, ref int best, ref GrantSource source)
    {
        // Strictly smaller only: at an equal index the earlier rule (Exact, AllModels, Wildcard) already won.
        if (index >= 0 && (best < 0 || index < best))
        {
            best = index;
            source = candidate;
        }
    }

    /// <summary>"literal*" with no other wildcard syntax: answered by the prefix index.</summary>
    private static bool IsPlainPrefix(string pattern) =>
        pattern.Length > 1 && pattern[pattern.Length - 1] == '*' && pattern.IndexOfAny(s_wildcardChars, 0, pattern.Length - 1) < 0;

    private static readonly char[] s_wildcardChars = { '*', '?', '[' };
}
