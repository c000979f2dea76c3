using System;
using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Routing;

/// <summary>
/// LiteLLM's <c>LiteLLMRoutes</c> groups, read from the versioned data file <c>Data/litellm-route-groups.json</c>
/// (SEMANTICS §5: the groups are data, not code). Loaded, expanded and compiled once per process.
/// </summary>
public static class RouteGroupCatalog
{
    private static readonly Lazy<Catalog> s_catalog = new(() => Load(EmbeddedData.Read("litellm-route-groups.json")));

    /// <summary>Every group by member name, in source order.</summary>
    public static IReadOnlyDictionary<string, RouteGroup> Groups => s_catalog.Value.Groups;

    /// <summary>The member names in source order.</summary>
    public static IReadOnlyList<string> Names => s_catalog.Value.Names;

    /// <summary>The LiteLLM commit the data was transcribed at.</summary>
    public static string SourceCommit => s_catalog.Value.Commit;

    /// <summary>The group named exactly <paramref name="name"/> (ordinal, as Python's <c>in __members__</c>).</summary>
    public static bool TryGet(string name, out RouteGroup group)
    {
        if (s_catalog.Value.Groups.TryGetValue(name, out var found))
        {
            group = found;
            return true;
        }

        group = null!;
        return false;
    }

    /// <summary>
    /// Reads a route-groups document: <c>groups</c> maps a member name to its own <c>templates</c> and the
    /// <c>includes</c> it concatenates after them. Throws <see cref="FormatException"/> on an unknown include,
    /// an include cycle or a template starlette would reject, so bad data fails at first use, never open.
    /// </summary>
    internal static Catalog Load(string json)
    {
        using var document = JsonDocument.Parse(json);
        var raw = new Dictionary<string, (List<string> Templates, List<string> Includes)>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var member in document.RootElement.GetProperty("groups").EnumerateObject())
        {
            raw[member.Name] = (Strings(member.Value, "templates"), Strings(member.Value, "includes"));
            names.Add(member.Name);
        }

        var expanded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var groups = new Dictionary<string, RouteGroup>(StringComparer.Ordinal);
        var parsed = new Dictionary<string, RouteTemplate>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var texts = Expand(name, raw, expanded, new List<string>());
            var templates = new List<RouteTemplate>(texts.Count);
            foreach (var text in texts)
            {
                if (!parsed.TryGetValue(text, out var template))
                {
                    template = RouteTemplate.Parse(text);
                    parsed[text] = template;
                }

                templates.Add(template);
            }

            groups[name] = new RouteGroup(name, raw[name].Includes, new RouteTemplateSet(templates));
        }

        var commit = document.RootElement.GetProperty("source").GetProperty("commit").GetString()
            ?? throw new FormatException("route groups data has no source.commit");
        return new Catalog(groups, names, commit);
    }

    private static List<string> Expand(
        string name,
        Dictionary<string, (List<string> Templates, List<string> Includes)> raw,
        Dictionary<string, List<string>> done,
        List<string> stack)
    {
        if (done.TryGetValue(name, out var known))
        {
            return known;
        }

        if (stack.Contains(name))
        {
            throw new FormatException("route group include cycle: " + string.Join(" -> ", stack) + " -> " + name);
        }

        if (!raw.TryGetValue(name, out var group))
        {
            throw new FormatException($"route group '{stack[stack.Count - 1]}' includes unknown group '{name}'");
        }

        stack.Add(name);
        var texts = new List<string>(group.Templates);
        foreach (var include in group.Includes)
        {
            texts.AddRange(Expand(include, raw, done, stack));
        }

        stack.RemoveAt(stack.Count - 1);
        done[name] = texts;
        return texts;
    }

    private static List<string> Strings(JsonElement group, string property)
    {
        var values = new List<string>();
        if (group.TryGetProperty(property, out var list))
        {
            foreach (var item in list.EnumerateArray())
            {
                values.Add(item.GetString() ?? throw new FormatException($"route groups data: null in '{property}'"));
            }
        }

        return values;
    }

    /// <summary>The loaded data.</summary>
    internal sealed record Catalog(IReadOnlyDictionary<string, RouteGroup> Groups, IReadOnlyList<string> Names, string Commit);
}
