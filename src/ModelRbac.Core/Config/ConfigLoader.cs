using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ModelRbac.Core.Access;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Yaml;

namespace ModelRbac.Core.Config;

/// <summary>Loads a LiteLLM <c>config.yaml</c> into an <see cref="RbacConfiguration"/> (SEMANTICS §1).</summary>
public static class ConfigLoader
{
    /// <summary>Reads and validates the config file at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">ConfigNotFound, ConfigParseError, ConfigInvalid.</exception>
    public static RbacConfiguration LoadFile(string path, IDictionary? environment = null, YamlLimits? limits = null, ConfigLoadMode mode = ConfigLoadMode.Strict)
    {
        limits ??= YamlLimits.Default;
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ConfigException(
                    ErrorIds.ConfigNotFound,
                    RbacErrorKind.NotFound,
                    Directory.Exists(path) ? "is a directory, not a config file" : "no such config file",
                    new SourceLocation(path, string.Empty, 0, 0));
            }

            if (info.Length > (long)limits.MaxCharacters * 4)
            {
                throw ConfigException.LimitExceeded(
                    $"the file is {info.Length:N0} bytes, more than 4 bytes for each allowed character",
                    YamlLimits.MaxCharactersName,
                    limits.MaxCharacters,
                    new SourceLocation(path, string.Empty, 0, 0));
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            var kind = ex is DecoderFallbackException ? RbacErrorKind.Parse : RbacErrorKind.NotFound;
            var id = ex is DecoderFallbackException ? ErrorIds.ConfigParseError : ErrorIds.ConfigNotFound;
            throw new ConfigException(id, kind, "cannot read the config: " + ex.Message, new SourceLocation(path, string.Empty, 0, 0), ex);
        }

        return LoadText(text, path, environment, limits, mode);
    }

    /// <summary>
    /// Reads and validates config YAML given as text; <paramref name="path"/> only names it in errors. With
    /// <see cref="ConfigLoadMode.Lenient"/>, the start-up refusals listed in <see cref="ConfigRefusalCodes"/> are
    /// recorded in <see cref="RbacConfiguration.StartupRefusals"/> instead of thrown (for the lint).
    /// </summary>
    public static RbacConfiguration LoadText(string yaml, string? path = null, IDictionary? environment = null, YamlLimits? limits = null, ConfigLoadMode mode = ConfigLoadMode.Strict)
    {
        limits ??= YamlLimits.Default;
        var root = YamlTreeReader.Read(yaml, path, limits);
        var configSection = new ConfigReadContext(path, new EnvironmentResolver(null, new Dictionary<string, string>()), limits);
        if (root is not YMapping top)
        {
            throw configSection.Invalid(
                root,
                string.Empty,
                root is null ? "the config is empty; LiteLLM expects a mapping with model_list and general_settings" : $"expected a mapping at the top level, found {root.Describe()}");
        }

        var environmentSection = ReadEnvironmentSection(top, configSection);
        var context = new ConfigReadContext(path, new EnvironmentResolver(environment, environmentSection), limits, mode);
        var deployments = ModelListReader.Read(top, context);
        var accessGroups = new AccessGroupIndex(deployments);
        var general = context.OptionalMapping(top.Get("general_settings"), "general_settings");
        var jwtAuth = JwtAuthReader.Read(general, context);
        var rolePermissions = RolePermissionsReader.Read(general, accessGroups, context);
        return new RbacConfiguration(
            path,
            jwtAuth,
            rolePermissions,
            deployments,
            accessGroups,
            ReadLooseFlag(general?.Get("enable_jwt_auth")),
            ReadTopLevelEnforceRbac(general, context),
            context.Warnings)
        {
            StartupRefusals = context.Refusals,
            EnvironmentSection = environmentSection,
            RolePermissionsLocation = context.At(general?.GetKeyNode("role_permissions") ?? general, "general_settings.role_permissions"),
        };
    }

    /// <summary>The config's <c>environment_variables</c> (LiteLLM exports them at start-up), as text.</summary>
    private static IReadOnlyDictionary<string, string> ReadEnvironmentSection(YMapping top, ConfigReadContext context)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = context.OptionalMapping(top.Get("environment_variables"), "environment_variables");
        if (section is null)
        {
            return result;
        }

        foreach (var entry in section.Entries)
        {
            if (entry.Key is YScalar key && entry.Value is YScalar { Type: not ScalarType.Null } value)
            {
                result[key.Value] = value.Value;
            }
        }

        return result;
    }

    private static Resolved<bool?> ReadTopLevelEnforceRbac(YMapping? general, ConfigReadContext context)
    {
        var node = general?.Get("enforce_rbac");
        return node is YScalar or null ? context.OptionalBool(node, "general_settings.enforce_rbac") : Resolved<bool?>.Of(true);
    }

    /// <summary>Python truthiness for flags LiteLLM reads from the raw dict.</summary>
    private static bool ReadLooseFlag(YNode? node) => node switch
    {
        YScalar { Type: ScalarType.Bool } scalar => YamlScalarTyping.IsTrue(scalar.Value),
        YScalar { Type: ScalarType.Null } => false,
        YScalar scalar => scalar.Value.Length > 0 && scalar.Value != "0",
        null => false,
        _ => true,
    };
}
