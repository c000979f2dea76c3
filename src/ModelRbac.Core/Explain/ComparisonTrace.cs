using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Explain;

/// <summary>A config comparison in words, for -Verbose: which entry governs each role on each side, and how many verdicts change.</summary>
public static class ComparisonTrace
{
    /// <summary>Per role, the governing models and routes entries of the reference then the difference side; last, the count of changes.</summary>
    public static IReadOnlyList<string> Explain(
        RbacConfiguration reference,
        Semantics referenceSemantics,
        RbacConfiguration difference,
        Semantics differenceSemantics,
        IEnumerable<string> roles,
        int changeCount)
    {
        var lines = new List<string>();
        foreach (var role in roles)
        {
            lines.Add($"reference ({referenceSemantics}): {ModelTrace.ExplainRole(reference, role)}");
            lines.Add($"reference ({referenceSemantics}): {RouteTrace.ExplainRole(reference, role)}");
            lines.Add($"difference ({differenceSemantics}): {ModelTrace.ExplainRole(difference, role)}");
            lines.Add($"difference ({differenceSemantics}): {RouteTrace.ExplainRole(difference, role)}");
        }

        lines.Add($"{changeCount} verdicts change from reference to difference.");
        return lines;
    }
}
