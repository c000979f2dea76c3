using ModelRbac.Core.Audit;

namespace ModelRbac.Core.Explain;

/// <summary>The access matrix in one line, for -Verbose: its size and how much of it LiteLLM decides differently today.</summary>
public static class MatrixTrace
{
    /// <summary>"N models × M roles: K cells allowed (Corrected), J (Upstream); D diverge."</summary>
    public static string Summarize(AccessMatrix matrix)
    {
        int corrected = 0, upstream = 0, divergent = 0;
        for (var m = 0; m < matrix.Models.Count; m++)
        {
            for (var r = 0; r < matrix.Roles.Count; r++)
            {
                var cell = matrix.Cell(m, r);
                corrected += cell.Corrected.Allowed ? 1 : 0;
                upstream += cell.Upstream.Allowed ? 1 : 0;
                divergent += cell.Divergent ? 1 : 0;
            }
        }

        return $"{matrix.Models.Count} models x {matrix.Roles.Count} roles: {corrected} cells allowed under Corrected, {upstream} under Upstream; {divergent} diverge.";
    }
}
