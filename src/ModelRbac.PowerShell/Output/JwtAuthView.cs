using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using CoreConfig = ModelRbac.Core.Config;

namespace ModelRbac;

/// <summary>Shows <c>litellm_jwtauth</c> as an ordered dictionary of plain values.</summary>
internal static class JwtAuthView
{
    public static OrderedDictionary Build(CoreConfig.JwtAuthSettings settings)
    {
        var view = new OrderedDictionary();
        var keys = new List<string>(settings.WrittenKeys);
        keys.Sort((a, b) => settings.Locations[a].Line.CompareTo(settings.Locations[b].Line));
        foreach (var key in keys)
        {
            var value = settings.GetWrittenForDisplay(key);
            view[key] = value switch
            {
                IReadOnlyList<CoreConfig.RoleMapping> mappings => ToTables(mappings),
                IReadOnlyList<CoreConfig.ScopeMapping> scopes => ToTables(scopes),
                _ => value,
            };
        }

        return view;
    }

    private static Hashtable[] ToTables(IReadOnlyList<CoreConfig.RoleMapping> mappings)
    {
        var tables = new Hashtable[mappings.Count];
        for (var i = 0; i < mappings.Count; i++)
        {
            tables[i] = new Hashtable { ["role"] = mappings[i].Role, ["internal_role"] = mappings[i].InternalRole };
        }

        return tables;
    }

    private static Hashtable[] ToTables(IReadOnlyList<CoreConfig.ScopeMapping> mappings)
    {
        var tables = new Hashtable[mappings.Count];
        for (var i = 0; i < mappings.Count; i++)
        {
            tables[i] = new Hashtable { ["scope"] = mappings[i].Scope, ["models"] = mappings[i].Models, ["routes"] = mappings[i].Routes };
        }

        return tables;
    }
}
