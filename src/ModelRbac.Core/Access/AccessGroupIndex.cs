using System;
using System.Collections.Generic;
using ModelRbac.Core.Config;
using ModelRbac.Core.Matching;

namespace ModelRbac.Core.Access;

/// <summary>
/// Which access groups serve a model (SEMANTICS §4 rule 4): the groups of deployments whose <c>model_name</c>
/// equals it (as a string, wildcard names included); only when none does, those of wildcard <c>model_name</c>s
/// (like <c>openai/*</c>) that match it.
/// </summary>
public sealed class AccessGroupIndex
{
    private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
    private readonly List<string> _groupNames = new();
    private readonly Dictionary<string, int[]> _exactModelGroups = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<FnmatchPattern, int[]>> _wildcardDeployments = new();

    internal AccessGroupIndex(IReadOnlyList<Deployment> deployments)
    {
        var exact = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var wildcard = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var deployment in deployments)
        {
            var name = deployment.ModelName;
            var groups = deployment.AccessGroups;
            Incomplete ??= name.Missing ?? groups.Missing;
            if (name.Missing is not null || groups.Missing is not null || name.Get() is not { } modelName)
            {
                continue;
            }

            // Every model_name is an exact name (a request for the string "openai/*" is served by that deployment
            // alone); a wildcard one also serves the names it matches, when no deployment is named exactly.
            if (!exact.TryGetValue(modelName, out var ids))
            {
                ids = new HashSet<int>();
                exact[modelName] = ids;
                if (FnmatchPattern.HasWildcardSyntax(modelName))
                {
                    wildcard[modelName] = ids;
                }
            }

            foreach (var group in groups.Get() ?? Array.Empty<string>())
            {
                ids.Add(IdOf(group));
            }
        }

        foreach (var pair in exact)
        {
            _exactModelGroups[pair.Key] = ToArray(pair.Value);
        }

        foreach (var pair in wildcard)
        {
            _wildcardDeployments.Add(new KeyValuePair<FnmatchPattern, int[]>(FnmatchPattern.Compile(pair.Key), ToArray(pair.Value)));
        }
    }

    /// <summary>The group names in first-seen order.</summary>
    public IReadOnlyList<string> GroupNames => _groupNames;

    /// <summary>A deployment field whose variable is unset; group decisions then fail instead of guessing.</summary>
    public MissingVariable? Incomplete { get; }

    /// <summary>True when some deployment lists <paramref name="name"/> in <c>model_info.access_groups</c>.</summary>
    public bool IsGroup(string name) => _groupIds.ContainsKey(name);

    internal bool TryGetGroupId(string name, out int id) => _groupIds.TryGetValue(name, out id);

    /// <summary>
    /// The smallest list index among <paramref name="groupRefs"/> (group id → first list index) whose group serves
    /// <paramref name="model"/>, or -1. Allocation-free.
    /// </summary>
    internal int FirstServingIndex(string model, Dictionary<int, int> groupRefs)
    {
        var best = -1;
        if (_exactModelGroups.TryGetValue(model, out var groups))
        {
            return Best(groups, groupRefs, best);
        }

        foreach (var deployment in _wildcardDeployments)
        {
            if (deployment.Key.IsMatch(model.AsSpan()))
            {
                best = Best(deployment.Value, groupRefs, best);
            }
        }

        return best;
    }

    /// <summary>The group names a model is served through (for reports; allocates).</summary>
    public IReadOnlyList<string> GroupsServing(string model)
    {
        var result = new List<string>();
        if (_exactModelGroups.TryGetValue(model, out var groups))
        {
            foreach (var id in groups)
            {
                result.Add(_groupNames[id]);
            }

            return result;
        }

        foreach (var deployment in _wildcardDeployments)
        {
            if (deployment.Key.IsMatch(model.AsSpan()))
            {
                foreach (var id in deployment.Value)
                {
                    if (!result.Contains(_groupNames[id]))
                    {
                        result.Add(_groupNames[id]);
                    }
                }
            }
        }

        return result;
    }

    private static int Best(int[] groups, Dictionary<int, int> groupRefs, int best)
    {
        foreach (var id in groups)
        {
            if (groupRefs.TryGetValue(id, out var index) && (best < 0 || index < best))
            {
                best = index;
            }
        }

        return best;
    }

    private int IdOf(string group)
    {
        if (!_groupIds.TryGetValue(group, out var id))
        {
            id = _groupNames.Count;
            _groupIds[group] = id;
            _groupNames.Add(group);
        }

        return id;
    }

    private static int[] ToArray(HashSet<int> set)
    {
        var array = new int[set.Count];
        set.CopyTo(array);
        Array.Sort(array);
        return array;
    }
}
