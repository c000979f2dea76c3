using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Routing;

/// <summary>
/// An ordered list of route templates indexed for matching: templates without parameters in a hash map
/// (template → first index), parameterised ones in a <see cref="ParameterisedTemplateIndex"/> by leading literal and
/// tried only while they come before the literal hit. The answer is the first template in list order that matches, as a linear scan would give.
/// </summary>
public sealed class RouteTemplateSet
{
    private readonly Dictionary<string, int> _literalFirstIndex = new(StringComparer.Ordinal);
    private readonly ParameterisedTemplateIndex _parameterised;

    /// <summary>Indexes <paramref name="templates"/> (already parsed) in their order.</summary>
    public RouteTemplateSet(IReadOnlyList<RouteTemplate> templates)
    {
        Templates = templates;
        var parameterised = new List<KeyValuePair<int, RouteTemplate>>();
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            if (template.IsHost)
            {
                // A host pattern can never match a request path, so it is not indexed at all.
                continue;
            }

            if (template.HasParameters)
            {
                parameterised.Add(new KeyValuePair<int, RouteTemplate>(i, template));
            }
            else if (!_literalFirstIndex.ContainsKey(template.Text))
            {
                _literalFirstIndex[template.Text] = i;
            }
        }

        _parameterised = new ParameterisedTemplateIndex(parameterised);
    }

    /// <summary>The templates, in list order.</summary>
    public IReadOnlyList<RouteTemplate> Templates { get; }

    /// <summary>The index of the first template matching <paramref name="path"/>, or -1. No allocation.</summary>
    public int FirstMatch(string path)
    {
        var best = _literalFirstIndex.TryGetValue(path, out var literal) ? literal : int.MaxValue;
        best = _parameterised.FirstMatchBefore(path, best);
        return best == int.MaxValue ? -1 : best;
    }
}
