using System.Collections.Generic;
using System.Management.Automation;

namespace ModelRbac.PowerShell.Completion;

/// <summary>Turns candidate texts into completion results: prefix-filtered (wildcards allowed), de-duplicated, quoted when needed.</summary>
internal static class CompletionResults
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string wordToComplete, string kind)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        var seen = new HashSet<string>();
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate) || !pattern.IsMatch(candidate))
            {
                continue;
            }

            var text = NeedsQuotes(candidate) ? "'" + candidate.Replace("'", "''") + "'" : candidate;
            yield return new CompletionResult(text, candidate, CompletionResultType.ParameterValue, kind + ": " + candidate);
        }
    }

    private static bool NeedsQuotes(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>*?".IndexOf(c) >= 0)
            {
                return true;
            }
        }

        return text.Length == 0;
    }
}
