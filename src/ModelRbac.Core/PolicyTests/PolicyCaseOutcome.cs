using ModelRbac.Core.Access;
using ModelRbac.Core.Identity;

namespace ModelRbac.Core.PolicyTests;

/// <summary>What one case decided for one of its models or routes, and whether that is what the case expects.</summary>
public sealed class PolicyCaseOutcome
{
    internal PolicyCaseOutcome(PolicyCase policyCase, string target, Semantics semantics)
    {
        Case = policyCase;
        Target = target;
        Semantics = semantics;
    }

    /// <summary>The case.</summary>
    public PolicyCase Case { get; }

    /// <summary>The model or route decided ("" for "no model").</summary>
    public string Target { get; }

    /// <summary>The semantics the case ran under.</summary>
    public Semantics Semantics { get; }

    /// <summary>The case's expectations all held (never true when <see cref="Error"/> is set).</summary>
    public bool Passed { get; internal set; }

    /// <summary>Why it failed; null when it passed.</summary>
    public string? FailureMessage { get; internal set; }

    /// <summary>The RBAC role decided for (the case's, or the one its claims or token resolve to); null for none.</summary>
    public string? Role { get; internal set; }

    /// <summary>How the role was resolved (claims and token cases); null for role cases.</summary>
    public ResolvedBy? ResolvedBy { get; internal set; }

    /// <summary>The verdict (false when evaluation failed).</summary>
    public bool Allowed { get; internal set; }

    /// <summary>The model decision's GrantSource (model cases).</summary>
    public GrantSource? GrantSource { get; internal set; }

    /// <summary>The granting models pattern or routes entry, when one granted.</summary>
    public string? Matched { get; internal set; }

    /// <summary>LiteLLM's denial text (403, or the 401 LiteLLM gives a token it cannot read).</summary>
    public string? DenialMessage { get; internal set; }

    /// <summary>The failure that kept the case from being decided (a token error, an unset variable).</summary>
    public string? Error { get; internal set; }

    /// <summary>The contract error id of <see cref="Error"/>.</summary>
    public string? ErrorId { get; internal set; }

    /// <summary>The role_permissions entry whose list decided, if one did (coverage).</summary>
    public int? EntryIndex { get; internal set; }

    /// <summary>The index of the granting pattern in that entry's list, if one granted (coverage).</summary>
    public int? PatternIndex { get; internal set; }
}
