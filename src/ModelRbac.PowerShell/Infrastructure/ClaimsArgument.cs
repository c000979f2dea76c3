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
    public static JwtClaims Convert(object value)
    {
        var unwrapped = Unwrap(value, 0);
        return unwrapped is string json ? JwtClaims.Parse(json) : JwtClaims.FromObject(unwrapped);
    }

    private static object? Unwrap(object? value, int depth)
    {
        if (depth > 64)
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
                    members[property.Name] = Unwrap(property.Value, depth + 1);
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
                    copy[entry.Key is PSObject key ? key.BaseObject : entry.Key] = Unwrap(entry.Value, depth + 1);
                }

                return copy;
            case IEnumerable sequence:
                var items = new ArrayList();
                foreach (var item in sequence)
                {
                    items.Add(Unwrap(item, depth + 1));
                }

                return items;
            default:
                return value;
        }
    }
}
