using System;
using System.Collections.Generic;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.PolicyTests;

/// <summary>One grant of the config that cases can exercise: a models or routes pattern, or an empty (deny-all) list.</summary>
/// <param name="Role">The entry's role.</param>
/// <param name="EntryIndex">The entry's position in role_permissions.</param>
/// <param name="Entry">The entry's YAML path (<c>general_settings.role_permissions[1]</c>).</param>
/// <param name="Gate">Models or routes.</param>
/// <param name="PatternIndex">The pattern's position in its list; null for an empty list.</param>
/// <param name="Pattern">The pattern; null for an empty list.</param>
/// <param name="YamlPath">The pattern's YAML path (<c>general_settings.role_permissions[1].models[0]</c>).</param>
/// <param name="Line">The pattern's line in the config (the entry's for an empty list).</param>
/// <param name="ExercisedBy">The names of the cases that granted through it (or were denied by an empty list).</param>
public sealed record PolicyCoverageItem(
    string? Role,
    int EntryIndex,
    string Entry,
    PolicyGate Gate,
    int? PatternIndex,
    string? Pattern,
    string YamlPath,
    int Line,
    IReadOnlyList<string> ExercisedBy)
{
    /// <summary>Some case was decided by it.</summary>
    public bool Exercised => ExercisedBy.Count > 0;
}

/// <summary>
/// Which role_permissions grants a set of case outcomes exercised: every models and routes pattern counts once
/// (it is exercised when a case was allowed through it), and so does every empty list (exercised by a case it
/// denied). Null lists grant everything and have nothing to cover.
/// </summary>
public sealed class PolicyCoverage
{
    private PolicyCoverage(IReadOnlyList<PolicyCoverageItem> items)
    {
        Items = items;
        foreach (var item in items)
        {
            Exercised += item.Exercised ? 1 : 0;
        }
    }

    /// <summary>The grants in config order.</summary>
    public IReadOnlyList<PolicyCoverageItem> Items { get; }

    /// <summary>How many grants some case exercised.</summary>
    public int Exercised { get; }

    /// <summary>Exercised grants as a percentage of all (100 when the config has none to cover).</summary>
    public double Percent => Items.Count == 0 ? 100.0 : Math.Round(100.0 * Exercised / Items.Count, 1);

    /// <summary>Measures <paramref name="outcomes"/> against the grants of <paramref name="config"/>.</summary>
    public static PolicyCoverage Measure(RbacConfiguration config, IEnumerable<PolicyCaseOutcome> outcomes)
    {
        var hits = new Dictionary<(int Entry, PolicyGate Gate, int Pattern), List<string>>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Error is not null || outcome.EntryIndex is not { } entry)
            {
                continue;
            }

            // -1 stands for the list itself: an empty list that denied the case.
            var key = (entry, outcome.Case.Gate, outcome.PatternIndex ?? -1);
            if (!hits.TryGetValue(key, out var names))
            {
                hits[key] = names = new List<string>();
            }

            if (!names.Contains(outcome.Case.Name))
            {
                names.Add(outcome.Case.Name);
            }
        }

        var items = new List<PolicyCoverageItem>();
        foreach (var entry in config.RolePermissions ?? Array.Empty<RolePermissionEntry>())
        {
            Add(items, hits, entry, PolicyGate.Model, entry.Models.GetOr(null), "models");
            Add(items, hits, entry, PolicyGate.Route, entry.Routes.GetOr(null), "routes");
        }

        return new PolicyCoverage(items);
    }

    private static void Add(
        List<PolicyCoverageItem> items,
        Dictionary<(int Entry, PolicyGate Gate, int Pattern), List<string>> hits,
        RolePermissionEntry entry,
        PolicyGate gate,
        IReadOnlyList<string>? list,
        string listName)
    {
        if (list is null)
        {
            return;
        }

        var role = entry.Role.GetOr(null);
        if (list.Count == 0)
        {
            items.Add(new PolicyCoverageItem(role, entry.Index, entry.YamlPath, gate, null, null, $"{entry.YamlPath}.{listName}", entry.Location.Line, Names(hits, (entry.Index, gate, -1))));
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var line = (gate == PolicyGate.Model ? entry.ModelLocation(i) : entry.RouteLocation(i)).Line;
            items.Add(new PolicyCoverageItem(role, entry.Index, entry.YamlPath, gate, i, list[i], $"{entry.YamlPath}.{listName}[{i}]", line, Names(hits, (entry.Index, gate, i))));
        }
    }

    private static IReadOnlyList<string> Names(Dictionary<(int Entry, PolicyGate Gate, int Pattern), List<string>> hits, (int, PolicyGate, int) key) =>
        hits.TryGetValue(key, out var names) ? names : Array.Empty<string>();
}
