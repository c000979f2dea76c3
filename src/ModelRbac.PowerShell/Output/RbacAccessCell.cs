using CoreAudit = ModelRbac.Core.Audit;

namespace ModelRbac;

/// <summary>One (model, role) cell of Get-RbacAccessMatrix -Detailed: both verdicts and the entry that decides.</summary>
public sealed class RbacAccessCell
{
    internal RbacAccessCell(string model, string role, bool deployed, RbacSemantics semantics, CoreAudit.AccessCell cell, CoreAudit.GrantExplanation explanation)
    {
        var chosen = cell.Get((Core.Access.Semantics)(int)semantics);
        Model = model;
        Role = role;
        Deployed = deployed;
        Allowed = chosen.Allowed;
        GrantSource = (GrantSource)(int)chosen.Source;
        MatchedPattern = explanation.Entry;
        Semantics = semantics;
        UpstreamAllowed = cell.Upstream.Allowed;
        CorrectedAllowed = cell.Corrected.Allowed;
        Divergent = cell.Divergent;
        Explanation = explanation.Text;
        YamlPath = explanation.Location?.YamlPath;
        Line = explanation.Location is { Line: > 0 } location ? location.Line : null;
    }

    /// <summary>The model name.</summary>
    public string Model { get; }

    /// <summary>The RBAC role.</summary>
    public string Role { get; }

    /// <summary>True for a deployed <c>model_name</c>; false for a name added with -Model.</summary>
    public bool Deployed { get; }

    /// <summary>The verdict under <see cref="Semantics"/>.</summary>
    public bool Allowed { get; }

    /// <summary>Why, under <see cref="Semantics"/>.</summary>
    public GrantSource GrantSource { get; }

    /// <summary>The granting models entry; null when no entry granted.</summary>
    public string? MatchedPattern { get; }

    /// <summary>The semantics of <see cref="Allowed"/>.</summary>
    public RbacSemantics Semantics { get; }

    /// <summary>What LiteLLM does today.</summary>
    public bool UpstreamAllowed { get; }

    /// <summary>What the config means.</summary>
    public bool CorrectedAllowed { get; }

    /// <summary>The two semantics disagree.</summary>
    public bool Divergent { get; }

    /// <summary>The deciding entry in words.</summary>
    public string Explanation { get; }

    /// <summary>The YAML path of the deciding entry (or of the list that lacks the model); null when none.</summary>
    public string? YamlPath { get; }

    /// <summary>Its line in the file; null when unknown.</summary>
    public int? Line { get; }
}
