using System.Collections.Generic;
using CorePolicy = ModelRbac.Core.PolicyTests;

namespace ModelRbac;

/// <summary>A role_permissions grant (a models or routes pattern, or an empty list) and whether a policy case exercised it.</summary>
public sealed class RbacPolicyCoverage
{
    internal RbacPolicyCoverage(CorePolicy.PolicyCoverageItem item)
    {
        Role = item.Role;
        Entry = item.Entry;
        Gate = item.Gate.ToString();
        Pattern = item.Pattern;
        YamlPath = item.YamlPath;
        Line = item.Line;
        Exercised = item.Exercised;
        ExercisedBy = item.ExercisedBy;
    }

    /// <summary>The entry's role.</summary>
    public string? Role { get; }

    /// <summary>The entry's YAML path, e.g. general_settings.role_permissions[1].</summary>
    public string Entry { get; }

    /// <summary>Model or Route.</summary>
    public string Gate { get; }

    /// <summary>The pattern; null for an empty (deny-all) list.</summary>
    public string? Pattern { get; }

    /// <summary>The pattern's YAML path, e.g. general_settings.role_permissions[1].models[0].</summary>
    public string YamlPath { get; }

    /// <summary>The pattern's line in the config (the entry's for an empty list).</summary>
    public int Line { get; }

    /// <summary>Some case was allowed through the pattern (or denied by the empty list).</summary>
    public bool Exercised { get; }

    /// <summary>The names of those cases.</summary>
    public IReadOnlyList<string> ExercisedBy { get; }

    /// <summary>"general_settings.role_permissions[1].models[0] '*'".</summary>
    public override string ToString() => YamlPath + (Pattern is null ? " []" : " '" + Pattern + "'");
}
