using System;
using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Routing;

namespace ModelRbac.Core.Audit;

/// <summary>
/// The semantic diff of two configs (or one config under two semantics): every (role, model) and (role, route
/// template) whose verdict changes. Models are the deployed names of both sides plus extra names; routes are every
/// template of LiteLLM's route groups plus every path or /prefix/* entry either side writes, each decided on a
/// concrete path it matches (so a literal that merely repeats a template's text is not mistaken for a grant).
/// Verdicts come from the compiled gates without messages; explanations are built only for changed cells.
/// </summary>
public static class ConfigComparer
{
    /// <summary>Compares <paramref name="reference"/> under <paramref name="referenceSemantics"/> with <paramref name="difference"/> under <paramref name="differenceSemantics"/>.</summary>
    /// <exception cref="Errors.RbacException">RoleInvalid; ConfigEnvironmentMissing when a needed value is unset.</exception>
    public static IReadOnlyList<AccessChange> Compare(
        RbacConfiguration reference,
        Semantics referenceSemantics,
        RbacConfiguration difference,
        Semantics differenceSemantics,
        IReadOnlyList<string>? roles = null,
        IEnumerable<string>? extraModels = null,
        IEnumerable<string>? extraRoutes = null)
    {
        var columns = ValidRoles(roles);
        var changes = new List<AccessChange>();
        var models = ModelUniverse(reference, difference, extraModels);
        foreach (var role in columns)
        {
            foreach (var model in models)
            {
                var before = ModelGate.Explain(reference, role, model, referenceSemantics);
                var after = ModelGate.Explain(difference, role, model, differenceSemantics);
                if (before.Allowed != after.Allowed)
                {
                    changes.Add(new AccessChange(
                        AccessSubjectKind.Model,
                        role,
                        model,
                        model,
                        after.Allowed ? AccessChangeKind.Granted : AccessChangeKind.Revoked,
                        new AccessChangeSide(before.Allowed, referenceSemantics, before.Source.ToString(), GrantExplanation.ForModel(reference, role, before)),
                        new AccessChangeSide(after.Allowed, differenceSemantics, after.Source.ToString(), GrantExplanation.ForModel(difference, role, after))));
                }
            }
        }

        var routes = RouteUniverse(reference, difference, extraRoutes);
        foreach (var role in columns)
        {
            foreach (var route in routes)
            {
                // The first witness path whose verdict changes stands for the template; one row per template.
                foreach (var path in route.Paths)
                {
                    var before = RouteGate.Explain(reference, role, path, referenceSemantics);
                    var after = RouteGate.Explain(difference, role, path, differenceSemantics);
                    if (before.Allowed == after.Allowed)
                    {
                        continue;
                    }

                    changes.Add(new AccessChange(
                        AccessSubjectKind.Route,
                        role,
                        route.Name,
                        path,
                        after.Allowed ? AccessChangeKind.Granted : AccessChangeKind.Revoked,
                        new AccessChangeSide(before.Allowed, referenceSemantics, before.Reason.ToString(), GrantExplanation.ForRoute(reference, role, before)),
                        new AccessChangeSide(after.Allowed, differenceSemantics, after.Reason.ToString(), GrantExplanation.ForRoute(difference, role, after))));
                    break;
                }
            }
        }

        return changes;
    }

    /// <summary>
    /// The route templates compared, each with the concrete paths decided for it (for tests and reports): a one-segment
    /// witness and, where the template or prefix reaches deeper, a multi-segment one, so that a grant covering only
    /// one of the two (a <c>{id}</c> template against a <c>/prefix/*</c>) shows up as a change.
    /// </summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Paths)> RouteUniverse(RbacConfiguration reference, RbacConfiguration difference, IEnumerable<string>? extraRoutes = null)
    {
        var result = new List<(string Name, IReadOnlyList<string> Paths)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in RouteGroupCatalog.Names)
        {
            foreach (var template in RouteGroupCatalog.Groups[name].Templates)
            {
                if (!template.IsHost && seen.Add(template.Text))
                {
                    result.Add((template.Text, template.Witnesses()));
                }
            }
        }

        var written = new List<string>();
        foreach (var config in new[] { reference, difference })
        {
            foreach (var entry in config.RolePermissions ?? new RolePermissionEntry[0])
            {
                written.AddRange(entry.Routes.GetOr(null) ?? new string[0]);
            }
        }

        written.AddRange(extraRoutes ?? new string[0]);
        foreach (var text in written)
        {
            if (!string.IsNullOrEmpty(text) && !RouteGroupCatalog.TryGet(text, out _) && seen.Add(text) && WrittenRouteWitnesses(text) is { } paths)
            {
                result.Add((text, paths));
            }
        }

        return result;
    }

    private static IReadOnlyList<string> ValidRoles(IReadOnlyList<string>? roles)
    {
        var columns = new List<string>();
        foreach (var role in roles ?? RbacRoles.All)
        {
            var valid = RoleArgument.Normalize(role) ?? throw new Errors.RbacException(
                Errors.ErrorIds.RoleInvalid,
                Errors.RbacErrorKind.InvalidArgument,
                $"An empty role cannot be compared. Valid roles: {RbacRoles.ListForMessage()}.");
            if (!columns.Contains(valid))
            {
                columns.Add(valid);
            }
        }

        return columns;
    }

    private static List<string> ModelUniverse(RbacConfiguration reference, RbacConfiguration difference, IEnumerable<string>? extraModels)
    {
        var models = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in reference.DeployedModelNames())
        {
            if (seen.Add(name))
            {
                models.Add(name);
            }
        }

        if (!ReferenceEquals(reference, difference))
        {
            foreach (var name in difference.DeployedModelNames())
            {
                if (seen.Add(name))
                {
                    models.Add(name);
                }
            }
        }

        foreach (var name in extraModels ?? new string[0])
        {
            if (!string.IsNullOrEmpty(name) && seen.Add(name))
            {
                models.Add(name);
            }
        }

        return models;
    }

    /// <summary>
    /// Concrete paths for a written routes entry: one and several segments below the prefix for "/prefix/*", the
    /// template's witnesses for a path with placeholders, the text itself otherwise; null for "*" alone and non-paths
    /// (they name no route).
    /// </summary>
    private static IReadOnlyList<string>? WrittenRouteWitnesses(string text)
    {
        if (!text.StartsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.Length >= 2 && text.EndsWith("/*", StringComparison.Ordinal))
        {
            var prefix = text.Substring(0, text.Length - 1);
            return new[] { prefix + RouteTemplate.SegmentWitness, prefix + RouteTemplate.DeepPathWitness };
        }

        return RouteTemplate.HasParameterSyntax(text) && RouteTemplate.TryParse(text, out var template, out _) ? template!.Witnesses() : new[] { text };
    }
}
