using System;

namespace ModelRbac.Fuzz;

/// <summary>The rule every error must keep: no part of a token long enough to matter appears in its text.</summary>
public static class Leaks
{
    /// <summary>Throws <see cref="FuzzFinding"/> when a dot-separated piece of <paramref name="token"/> over 8 characters is in <paramref name="text"/>.</summary>
    public static void AssertAbsent(string token, string text)
    {
        foreach (var segment in token.Trim().Split('.'))
        {
            if (segment.Length > 8 && text.Contains(segment, StringComparison.Ordinal))
            {
                throw new FuzzFinding("the error text contains a token segment: " + text);
            }
        }
    }
}
