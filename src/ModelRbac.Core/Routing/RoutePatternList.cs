using System;
using System.Collections.Generic;
using ModelRbac.Core.Access;

namespace ModelRbac.Core.Routing;

/// <summary>
/// A role's <c>routes</c> list compiled once (SEMANTICS §5): each entry classified as a route group, a
/// <c>/prefix/*</c> grant or a literal path, plus what Corrected adds (placeholders in literals, <c>*</c> alone).
/// Entries are tried in list order, so the first that grants is the one reported.
/// </summary>
public sealed class RoutePatternList
{
    private readonly RouteEntry[] _entries;

    /// <summary>Compiles <paramref name="routes"/> against the bundled route groups.</summary>
    public RoutePatternList(IReadOnlyList<string> routes)
    {
        Routes = routes;
        _entries = new RouteEntry[routes.Count];
        for (var i = 0; i < routes.Count; i++)
        {
            _entries[i] = RouteEntry.Compile(routes[i]);
            SemanticsAgree &= _entries[i].Kind(Semantics.Upstream) == _entries[i].Kind(Semantics.Corrected);
        }
    }

    /// <summary>The list as written.</summary>
    public IReadOnlyList<string> Routes { get; }

    /// <summary>True when no entry reads differently under Corrected (no <c>*</c> alone, no placeholder literal), so one search answers both.</summary>
    public bool SemanticsAgree { get; } = true;

    /// <summary>The route group entry <paramref name="index"/> names, or null when it is not a group name.</summary>
    public RouteGroup? GroupAt(int index) => _entries[index].Group;

    /// <summary>How entry <paramref name="index"/> grants under <paramref name="semantics"/>.</summary>
    public RouteEntryKind KindAt(int index, Semantics semantics) => _entries[index].Kind(semantics);

    /// <summary>The first entry granting <paramref name="route"/> under <paramref name="semantics"/>. No allocation.</summary>
    public RouteGrant FindGrant(string route, Semantics semantics)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Grants(route, semantics, out var template))
            {
                return new RouteGrant(i, template);
            }
        }

        return RouteGrant.None;
    }

    private sealed class RouteEntry
    {
        private string _text = string.Empty;
        private RouteGroup? _group;
        private string? _prefix;
        private RouteTemplate? _correctedTemplate;
        private bool _correctedAll;

        public RouteGroup? Group => _group;

        public static RouteEntry Compile(string text)
        {
            var entry = new RouteEntry { _text = text };
            if (RouteGroupCatalog.TryGet(text, out var group))
            {
                // LiteLLM checks membership first: a group name is never also read as a path.
                entry._group = group;
                return entry;
            }

            // Only "/*" at the end makes a prefix grant; "/v1*" stays a literal (SEMANTICS §5).
            if (text.Length >= 2 && text.EndsWith("/*", StringComparison.Ordinal))
            {
                entry._prefix = text.Substring(0, text.Length - 1);
            }

            entry._correctedAll = text == "*";
            if (entry._prefix is null
                && RouteTemplate.HasParameterSyntax(text)
                && RouteTemplate.TryParse(text, out var template, out _))
            {
                // An entry with an unknown converter ({id:int}) stays a literal: exact text only, never broader.
                entry._correctedTemplate = template;
            }

            return entry;
        }

        public RouteEntryKind Kind(Semantics semantics)
        {
            if (_group is not null)
            {
                return RouteEntryKind.Group;
            }

            if (_prefix is not null)
            {
                return RouteEntryKind.Prefix;
            }

            if (semantics == Semantics.Corrected && _correctedAll)
            {
                return RouteEntryKind.AllRoutes;
            }

            return semantics == Semantics.Corrected && _correctedTemplate is not null ? RouteEntryKind.Template : RouteEntryKind.Literal;
        }

        public bool Grants(string route, Semantics semantics, out RouteTemplate? matched)
        {
            matched = null;
            if (_group is not null)
            {
                var index = _group.Set.FirstMatch(route);
                if (index < 0)
                {
                    return false;
                }

                matched = _group.Templates[index];
                return true;
            }

            if (_prefix is not null)
            {
                return route.Length > _prefix.Length && route.StartsWith(_prefix, StringComparison.Ordinal);
            }

            if (string.Equals(route, _text, StringComparison.Ordinal))
            {
                return true;
            }

            return semantics == Semantics.Corrected
                && (_correctedAll || (_correctedTemplate is not null && _correctedTemplate.Matches(route.AsSpan())));
        }
    }
}
