using System.Collections.Generic;
using System.IO;
using ModelRbac.Core.PolicyTests;

namespace ModelRbac.Core.Explain;

/// <summary>A policy run case by case, for -Verbose: who was decided, what, by which grant, against what was expected.</summary>
public static class PolicyTrace
{
    /// <summary>One line per outcome, in run order.</summary>
    public static IReadOnlyList<string> Explain(IReadOnlyList<PolicyCaseOutcome> outcomes)
    {
        var lines = new List<string>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            var policyCase = outcome.Case;
            var where = $"{Path.GetFileName(policyCase.Location.File ?? "<yaml>")}:{policyCase.Location.Line}";
            var role = outcome.Role is null ? "no role" : "role " + outcome.Role;
            var resolved = outcome.ResolvedBy is { } by ? $" (resolved by {by})" : string.Empty;
            var target = policyCase.Gate == PolicyGate.Model
                ? (outcome.Target.Length == 0 ? "no model" : $"model '{outcome.Target}'")
                : $"route '{outcome.Target}'";
            var verdict = outcome.Error is not null
                ? $"not decided: {outcome.ErrorId}"
                : outcome.Allowed
                    ? "allowed" + (outcome.Matched is null ? string.Empty : $" by '{outcome.Matched}'") + (outcome.GrantSource is { } source ? $" ({source})" : string.Empty)
                    : "denied";
            lines.Add($"Case '{policyCase.Name}' ({where}, {outcome.Semantics}): {role}{resolved}, {target}: {verdict}; expected {(policyCase.ExpectAllowed ? "allow" : "deny")}: {(outcome.Passed ? "passed" : "failed")}.");
        }

        return lines;
    }
}
