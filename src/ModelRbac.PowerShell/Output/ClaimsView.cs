using System.Collections.Generic;
using System.Collections.Specialized;

namespace ModelRbac;

/// <summary>
/// Turns Core's plain claim tree into ordered dictionaries and arrays, so <c>$id.Claims.resource_access.litellm.roles</c>
/// works. OrderedDictionary compares keys ordinally, as JWT claim names are case-sensitive.
/// </summary>
internal static class ClaimsView
{
    public static OrderedDictionary Build(IReadOnlyList<KeyValuePair<string, object?>> members)
    {
        var view = new OrderedDictionary();
        foreach (var member in members)
        {
            // A repeated key keeps its last value, as the claim readers (and Python's json) do.
            view[member.Key] = Convert(member.Value);
        }

        return view;
    }

    private static object? Convert(object? value) => value switch
    {
        IReadOnlyList<KeyValuePair<string, object?>> members => Build(members),
        object?[] items => System.Array.ConvertAll(items, Convert),
        _ => value,
    };
}
