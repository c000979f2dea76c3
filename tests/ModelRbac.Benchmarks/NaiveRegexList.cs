using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelRbac.Benchmarks;

/// <summary>The baseline a straightforward port would write: one compiled Regex per pattern, tried in order.</summary>
internal sealed class NaiveRegexList
{
    private readonly List<Regex> _regexes = new();

    public NaiveRegexList(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            _regexes.Add(new Regex(Translate(pattern), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Singleline));
        }
    }

    public int FirstMatch(string model)
    {
        for (var i = 0; i < _regexes.Count; i++)
        {
            if (_regexes[i].IsMatch(model))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>fnmatch → regex, close enough for timing (classes passed through, '!' negation).</summary>
    private static string Translate(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var close = c == '[' ? pattern.IndexOf(']', i + 2) : -1;
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else if (close > 0)
            {
                var body = pattern.Substring(i + 1, close - i - 1);
                regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body.Substring(1)) : Regex.Escape(body)).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.Append(@"\z").ToString();
    }
}
