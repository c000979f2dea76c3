using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using ModelRbac.Core.Claims;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>
/// Converts -Claims (JSON text, a hashtable, or a PSCustomObject such as ConvertFrom-Json makes) into Core claims.
/// PSObject wrappers are removed at every level so Core only sees plain .NET values.
/// </summary>
internal static class ClaimsArgument
{
    public static JwtClaims Convert(object value, int maxDepth = JwtClaims.DefaultMaxDepth)
    {
        var unwrapped = Unwrap(value, 0, maxDepth);
        return unwrapped is string json ? JwtClaims.Parse(json, maxDepth) : JwtClaims.FromObject(unwrapped, maxDepth);
    }

    private static object? Unwrap(object? value, int depth, int maxDepth)
    {
        if (depth > maxDepth)
        {
            // JwtClaims.FromObject reports the depth limit; stop unwrapping here so a cycle cannot recurse forever.
            return value;
        }

        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject)
            {
                var members = new OrderedDictionary();
                foreach (var property in wrapped.Properties)
                {
                    members[property.Name] = Unwrap(property.Value, depth + 1, maxDepth);
                }

                return members;
            }

            value = wrapped.BaseObject;
        }

        switch (value)
        {
            case null or string:
                return value;
            case IDictionary dictionary:
                var copy = new OrderedDictionary();
                foreach (DictionaryEntry entry in dictionary)
                {
                    copy[entry.Key is PSObject key ? key.BaseObject : entry.Key] = Unwrap(entry.Value, depth + 1, maxDepth);
                }

                return copy;
            case IEnumerable sequence:
                var items = new ArrayList();
                foreach (var item in sequence)
                {
                    items.Add(Unwrap(item, depth + 1, maxDepth));
                }

                return items;
            default:
                return value;
        }
    }
}
