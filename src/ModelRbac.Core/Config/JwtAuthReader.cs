using System;
using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Yaml;

namespace ModelRbac.Core.Config;

/// <summary>Reads <c>general_settings.litellm_jwtauth</c>, typed as LiteLLM declares each key, and LiteLLM's start-up checks.</summary>
internal static class JwtAuthReader
{
    private const string SectionPath = "general_settings.litellm_jwtauth";

    public static JwtAuthSettings Read(YMapping? general, ConfigReadContext context)
    {
        var values = new Dictionary<string, Resolved<object?>>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var node = general?.Get("litellm_jwtauth");
        var sectionLocation = context.At(general?.GetKeyNode("litellm_jwtauth") ?? general, SectionPath);
        if (general?.GetKeyNode("litellm_jwtauth") is null)
        {
            return new JwtAuthSettings(values, locations, present: false) { Location = sectionLocation };
        }

        if (node is not YMapping section)
        {
            throw context.Invalid(node, SectionPath, $"expected a mapping of LiteLLM_JWTAuth settings, found {node?.Describe() ?? "nothing"}");
        }

        foreach (var entry in section.Entries)
        {
            if (entry.Key is not YScalar { Type: ScalarType.Str } keyNode)
            {
                throw context.Invalid(entry.Key, SectionPath, $"expected a setting name, found {entry.Key.Describe()}");
            }

            var key = keyNode.Value;
            var path = SectionPath + "." + key;
            locations[key] = context.At(keyNode, path);
            if (!JwtAuthKeyCatalog.Keys.TryGetValue(key, out var declared))
            {
                var closest = JwtAuthKeyCatalog.ClosestKey(key);
                context.Warnings.Add(new ConfigWarning(
                    ConfigRefusalCodes.UnknownJwtAuthKey,
                    $"'{key}' is not a LiteLLM_JWTAuth setting (LiteLLM refuses to start with it)" + (closest is null ? $"; the nearest declared key is '{JwtAuthKeyCatalog.NearestKey(key)}'." : $"; did you mean '{closest}'?"),
                    context.At(keyNode, path)));
                continue;
            }

            values[key] = ReadTyped(declared, entry.Value, path, context);
        }

        var settings = new JwtAuthSettings(values, locations, present: true) { Location = sectionLocation };
        CheckStartupRules(section, values, context);
        return settings;
    }

    private static Resolved<object?> ReadTyped(JwtAuthKey declared, YNode value, string path, ConfigReadContext context)
    {
        var optional = declared.PythonType.StartsWith("Optional[", StringComparison.Ordinal);
        if (!optional && value is YScalar { Type: ScalarType.Null } && declared.PythonType is "str" or "bool" or "float" or "List[str]")
        {
            throw context.Invalid(value, path, $"'{declared.Name}' may not be null (LiteLLM declares it {declared.PythonType})");
        }

        return declared.PythonType switch
        {
            "str" or "Optional[str]" => Box(context.OptionalString(value, path)),
            "bool" => Box(context.OptionalBool(value, path)),
            "float" => Box(context.OptionalNumber(value, path)),
            "List[str]" or "Optional[List[str]]" => Box(context.OptionalStringList(value, path)),
            "Optional[List[RoleMapping]]" => DeferUnset(() => ReadRoleMappings(value, path, context)),
            "Optional[List[ScopeMapping]]" => DeferUnset(() => ReadScopeMappings(value, path, context)),
            _ => Resolved<object?>.Of(value is YScalar { Type: ScalarType.Null } ? null : value.Describe()),
        };
    }

    private static IReadOnlyList<RoleMapping>? ReadRoleMappings(YNode value, string path, ConfigReadContext context)
    {
        if (value is YScalar { Type: ScalarType.Null })
        {
            return null;
        }

        if (value is not YSequence list)
        {
            throw context.Invalid(value, path, $"expected a list of {{role, internal_role}} mappings, found {value.Describe()}");
        }

        var result = new List<RoleMapping>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = path + "[" + i + "]";
            var item = list.Items[i] as YMapping
                ?? throw context.Invalid(list.Items[i], itemPath, $"expected a {{role, internal_role}} mapping, found {list.Items[i].Describe()}");
            var role = Known(context.OptionalString(item.Get("role"), itemPath + ".role"))
                ?? throw context.Invalid(item, itemPath + ".role", "a role mapping needs 'role' (the JWT role value)");
            var internalRole = Known(context.OptionalString(item.Get("internal_role"), itemPath + ".internal_role"))
                ?? throw context.Invalid(item, itemPath + ".internal_role", "a role mapping needs 'internal_role'");
            if (!RbacRoles.IsRole(internalRole))
            {
                // Lenient (lint) loads drop the mapping: a non-role must never reach role resolution.
                context.Refuse(item.Get("internal_role"), itemPath + ".internal_role", ConfigRefusalCodes.UnknownRbacRole, $"'{internalRole}' is not an RBAC role; LiteLLM accepts {RbacRoles.ListForMessage()}");
                continue;
            }

            result.Add(new RoleMapping(role, internalRole, context.At(item, itemPath)));
        }

        return result;
    }

    private static IReadOnlyList<ScopeMapping>? ReadScopeMappings(YNode value, string path, ConfigReadContext context)
    {
        if (value is YScalar { Type: ScalarType.Null })
        {
            return null;
        }

        if (value is not YSequence list)
        {
            throw context.Invalid(value, path, $"expected a list of {{scope, models, routes}} mappings, found {value.Describe()}");
        }

        var result = new List<ScopeMapping>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = path + "[" + i + "]";
            var item = list.Items[i] as YMapping
                ?? throw context.Invalid(list.Items[i], itemPath, $"expected a {{scope, models, routes}} mapping, found {list.Items[i].Describe()}");
            foreach (var field in item.Entries)
            {
                if (field.Key is not YScalar { Value: "scope" or "models" or "routes" })
                {
                    throw context.Invalid(field.Key, itemPath, $"unexpected field {Name(field.Key)} in a scope mapping (LiteLLM forbids extra fields)");
                }
            }

            var scope = Known(context.OptionalString(item.Get("scope"), itemPath + ".scope"))
                ?? throw context.Invalid(item, itemPath + ".scope", "a scope mapping needs 'scope'");
            result.Add(new ScopeMapping(
                scope,
                Known(context.OptionalStringList(item.Get("models"), itemPath + ".models")),
                Known(context.OptionalStringList(item.Get("routes"), itemPath + ".routes")),
                context.At(item, itemPath))
            {
                ModelLocations = context.ItemLocations(item.Get("models"), itemPath + ".models"),
            });
        }

        return result;
    }

    /// <summary>The validators that make LiteLLM refuse to start (SEMANTICS §1).</summary>
    private static void CheckStartupRules(YMapping section, Dictionary<string, Resolved<object?>> values, ConfigReadContext context)
    {
        // LiteLLM_JWTAuth.__init__ checks both directions of this pair, with one message.
        var userRoles = IsSet(values, "user_roles_jwt_field");
        if (userRoles != IsSet(values, "user_allowed_roles"))
        {
            var key = userRoles ? "user_roles_jwt_field" : "user_allowed_roles";
            context.Refuse(section.GetKeyNode(key), SectionPath + "." + key, ConfigRefusalCodes.UserRolesWithoutAllowedRoles, "user_allowed_roles must be provided if user_roles_jwt_field is set.");
        }

        if (IsSet(values, "object_id_jwt_field") && !IsSet(values, "role_mappings"))
        {
            context.Refuse(section.GetKeyNode("object_id_jwt_field"), SectionPath + ".object_id_jwt_field", ConfigRefusalCodes.ObjectIdWithoutRoleMappings, "if object_id_jwt_field is set, role_mappings must also be set. Needed to infer if the caller is a user or team.");
        }

        // LiteLLM's message states the condition backwards; it is quoted as LiteLLM prints it.
        if (IsSet(values, "scope_mappings") && !(values.TryGetValue("enforce_scope_based_access", out var enforce) && (enforce.Missing is not null || enforce.Get() is true)))
        {
            context.Refuse(section.GetKeyNode("scope_mappings"), SectionPath + ".scope_mappings", ConfigRefusalCodes.ScopeMappingsWithoutEnforcement, "scope_mappings must be set if enforce_scope_based_access is true.");
        }
    }

    private static bool IsSet(Dictionary<string, Resolved<object?>> values, string key) =>
        values.TryGetValue(key, out var value) && (value.Missing is not null || value.Get() is not null);

    private static string Name(YNode key) => key is YScalar scalar ? "'" + scalar.Value + "'" : key.Describe();

    /// <summary>
    /// A list of mappings read whole; an unset variable inside one makes the whole list unset (SEMANTICS §1: only the
    /// decisions that read it fail), where the reader would otherwise throw at load.
    /// </summary>
    private static Resolved<object?> DeferUnset(Func<object?> read)
    {
        try
        {
            return Resolved<object?>.Of(read());
        }
        catch (UnsetVariableException unset)
        {
            return Resolved<object?>.Unset(unset.Missing);
        }
    }

    private static T Known<T>(Resolved<T> value) => value.Missing is { } missing ? throw new UnsetVariableException(missing) : value.Get();

    private static Resolved<object?> Box<T>(Resolved<T> value) =>
        value.Missing is { } missing ? Resolved<object?>.Unset(missing) : Resolved<object?>.Of(value.Get());

    /// <summary>Carries an unset variable out of a mapping reader to <see cref="DeferUnset"/>; never leaves this class.</summary>
    private sealed class UnsetVariableException : Exception
    {
        public UnsetVariableException(MissingVariable missing)
            : base(missing.Name)
        {
            Missing = missing;
        }

        public MissingVariable Missing { get; }
    }
}
