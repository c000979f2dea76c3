using CorePolicy = ModelRbac.Core.PolicyTests;

namespace ModelRbac;

/// <summary>One policy case decided for one of its models or routes (a test of Invoke-RbacPolicyTest).</summary>
public sealed class RbacPolicyCaseResult
{
    internal RbacPolicyCaseResult(CorePolicy.PolicyCaseOutcome outcome)
    {
        Case = outcome.Case.Name;
        Line = outcome.Case.Location.Line;
        Gate = outcome.Case.Gate.ToString();
        Target = outcome.Target;
        Role = outcome.Role;
        ResolvedBy = outcome.ResolvedBy is { } resolvedBy ? (ResolvedBy)(int)resolvedBy : null;
        ExpectAllowed = outcome.Case.ExpectAllowed;
        Allowed = outcome.Allowed;
        GrantSource = outcome.GrantSource is { } source ? (GrantSource)(int)source : null;
        Matched = outcome.Matched;
        Semantics = (RbacSemantics)(int)outcome.Semantics;
        Passed = outcome.Passed;
        Message = outcome.FailureMessage;
        ErrorId = outcome.ErrorId;
    }

    /// <summary>The case's name.</summary>
    public string Case { get; }

    /// <summary>The case's line in the case file.</summary>
    public int Line { get; }

    /// <summary>Model or Route.</summary>
    public string Gate { get; }

    /// <summary>The model or route decided ("" for "no model").</summary>
    public string Target { get; }

    /// <summary>The RBAC role decided for; null for none.</summary>
    public string? Role { get; }

    /// <summary>How a claims or token case's role was resolved; null for role cases.</summary>
    public ResolvedBy? ResolvedBy { get; }

    /// <summary>What the case expects.</summary>
    public bool ExpectAllowed { get; }

    /// <summary>The verdict (false when the case could not be decided).</summary>
    public bool Allowed { get; }

    /// <summary>The model decision's GrantSource (model cases).</summary>
    public GrantSource? GrantSource { get; }

    /// <summary>The granting models pattern or routes entry.</summary>
    public string? Matched { get; }

    /// <summary>The semantics decided under.</summary>
    public RbacSemantics Semantics { get; }

    /// <summary>The case held.</summary>
    public bool Passed { get; }

    /// <summary>Why it failed; null when it passed.</summary>
    public string? Message { get; }

    /// <summary>The contract error id when the case could not be decided (a token error...).</summary>
    public string? ErrorId { get; }

    /// <summary>"case name [target]: Passed|Failed".</summary>
    public override string ToString() => $"{Case} [{Target}]: {(Passed ? "Passed" : "Failed")}";
}
