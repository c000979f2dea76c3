using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Matching;
using ModelRbac.Core.Routing;
using ModelRbac.Core.Yaml;

namespace ModelRbac.Core.Config;

/// <summary>Reads <c>general_settings.role_permissions</c> as LiteLLM's <c>RoleBasedPermissions(**item)</c> would.</summary>
internal static class RolePermissionsReader
{
    private const string SectionPath = "general_settings.role_permissions";

    /// <summary>Null when the value is null (LiteLLM: no restrictions); empty when absent (LiteLLM's default []).</summary>
    public static IReadOnlyList<RolePermissionEntry>? Read(YMapping? general, AccessGroupIndex groups, ConfigReadContext context)
    {
        var node = general?.Get("role_permissions");
        if (general?.GetKeyNode("role_permissions") is null)
        {
            return new RolePermissionEntry[0];
        }

        switch (node)
        {
            case YScalar { Type: ScalarType.Null }:
                return null;
            case YSequence list:
                var entries = new List<RolePermissionEntry>(list.Items.Count);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    entries.Add(ReadEntry(list.Items[i], i, groups, context));
                }

                return entries;
            default:
                throw context.Invalid(
                    node,
                    SectionPath,
                    $"role_permissions must be a list of {{role, models, routes}} entries, found {node?.Describe()} (LiteLLM fails at start-up with a TypeError)");
        }
    }

    private static RolePermissionEntry ReadEntry(YNode node, int index, AccessGroupIndex groups, ConfigReadContext context)
    {
        var path = SectionPath + "[" + index + "]";
        if (node is not YMapping entry)
        {
            throw context.Invalid(node, path, $"expected a {{role, models, routes}} mapping, found {node.Describe()}");
        }

        foreach (var field in entry.Entries)
        {
            if (field.Key is not YScalar { Value: "role" or "models" or "routes" })
            {
                var name = field.Key is YScalar scalar ? "'" + scalar.Value + "'" : field.Key.Describe();
                throw context.Invalid(field.Key, path, $"unexpected field {name}; a role_permissions entry takes only role, models and routes (LiteLLM forbids extra fields)");
            }
        }

        if (entry.GetKeyNode("role") is null)
        {
            throw context.Invalid(entry, path + ".role", "a role_permissions entry needs 'role'");
        }

        var role = context.OptionalString(entry.Get("role"), path + ".role");
        if (role.Missing is null && !RbacRoles.IsRole(role.Get()))
        {
            // Lenient (lint) loads keep the entry: its role matches no lookup, as the gate never asks for it.
            context.Refuse(
                entry.Get("role"),
                path + ".role",
                ConfigRefusalCodes.UnknownRbacRole,
                $"'{role.Get()}' is not an RBAC role; role_permissions accepts {RbacRoles.ListForMessage()}");
        }

        var models = context.OptionalStringList(entry.Get("models"), path + ".models");
        var routes = context.OptionalStringList(entry.Get("routes"), path + ".routes");
        CheckPatternLengths(models, entry.Get("models"), path + ".models", context);
        CheckPatternLengths(routes, entry.Get("routes"), path + ".routes", context);
        var compiled = models.Missing is null && models.Get() is { } list ? new ModelPatternList(list, groups) : null;
        var compiledRoutes = routes.Missing is null && routes.Get() is { } routeList ? new RoutePatternList(routeList) : null;
        return new RolePermissionEntry(index, role, models, routes, compiled, compiledRoutes, context.At(entry, path))
        {
            ModelLocations = context.ItemLocations(entry.Get("models"), path + ".models"),
            RouteLocations = context.ItemLocations(entry.Get("routes"), path + ".routes"),
        };
    }

    /// <summary>Every entry is compiled as a pattern, so each one (after os.environ/ resolution) is bounded.</summary>
    private static void CheckPatternLengths(Resolved<IReadOnlyList<string>?> list, YNode? node, string path, ConfigReadContext context)
    {
        if (list.Missing is not null || list.Get() is not { } items || node is not YSequence sequence)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            context.CheckPatternLength(items[i], sequence.Items[i], path + "[" + i + "]");
        }
    }
}
