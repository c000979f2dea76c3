using System.Collections.Generic;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Yaml;

namespace ModelRbac.Core.Config;

/// <summary>Typed reads of YAML nodes for the config readers: locates errors and resolves <c>os.environ/</c> values.</summary>
internal sealed class ConfigReadContext
{
    public ConfigReadContext(string? file, EnvironmentResolver environment, YamlLimits limits, ConfigLoadMode mode = ConfigLoadMode.Strict)
    {
        File = file;
        Environment = environment;
        Limits = limits;
        Mode = mode;
    }

    public ConfigLoadMode Mode { get; }

    /// <summary>Start-up refusals recorded instead of thrown (lenient mode only).</summary>
    public List<ConfigWarning> Refusals { get; } = new();

    /// <summary>
    /// Something that makes LiteLLM refuse to start: ConfigInvalid when strict; recorded under <paramref name="code"/>
    /// when lenient, so the lint can report it with its place and go on.
    /// </summary>
    public void Refuse(YNode? node, string path, string code, string reason)
    {
        if (Mode == ConfigLoadMode.Strict)
        {
            throw Invalid(node, path, reason);
        }

        Refusals.Add(new ConfigWarning(code, reason, At(node, path)));
    }

    /// <summary>The location of each item of a list node (empty when it is not a list).</summary>
    public IReadOnlyList<SourceLocation> ItemLocations(YNode? node, string path)
    {
        if (node is not YSequence sequence)
        {
            return new SourceLocation[0];
        }

        var locations = new SourceLocation[sequence.Items.Count];
        for (var i = 0; i < locations.Length; i++)
        {
            locations[i] = At(sequence.Items[i], path + "[" + i + "]");
        }

        return locations;
    }

    public YamlLimits Limits { get; }

    public string? File { get; }

    public EnvironmentResolver Environment { get; }

    public List<ConfigWarning> Warnings { get; } = new();

    public SourceLocation At(YNode? node, string path) => new(File, path, node?.Line ?? 0, node?.Column ?? 0);

    public ConfigException Invalid(YNode? node, string path, string reason) => ConfigException.Invalid(reason, At(node, path));

    /// <summary>ConfigInvalid when a pattern (a models/routes entry, a wildcard model_name) is longer than MaxPatternLength.</summary>
    public void CheckPatternLength(string? pattern, YNode? node, string path)
    {
        if (pattern is not null && pattern.Length > Limits.MaxPatternLength)
        {
            throw ConfigException.LimitExceeded(
                $"the pattern is {pattern.Length:N0} characters",
                YamlLimits.MaxPatternLengthName,
                Limits.MaxPatternLength,
                At(node, path));
        }
    }

    public YMapping? OptionalMapping(YNode? node, string path)
    {
        return node switch
        {
            null => null,
            YScalar { Type: ScalarType.Null } => null,
            YMapping mapping => mapping,
            _ => throw Invalid(node, path, $"expected a mapping, found {node.Describe()}"),
        };
    }

    /// <summary>A Python <c>str</c> field (pydantic does not turn numbers into strings); null stays null.</summary>
    public Resolved<string?> OptionalString(YNode? node, string path)
    {
        switch (node)
        {
            case null:
            case YScalar { Type: ScalarType.Null }:
                return Resolved<string?>.Of(null);
            case YScalar { Type: ScalarType.Str } scalar:
                return ResolveText(scalar, path);
            default:
                throw Invalid(node, path, $"expected a string, found {node.Describe()}");
        }
    }

    /// <summary>A list of strings, each resolved; null (or absent) stays null.</summary>
    public Resolved<IReadOnlyList<string>?> OptionalStringList(YNode? node, string path)
    {
        switch (node)
        {
            case null:
            case YScalar { Type: ScalarType.Null }:
                return Resolved<IReadOnlyList<string>?>.Of(null);
            case YSequence sequence:
                var items = new List<string>(sequence.Items.Count);
                MissingVariable? missing = null;
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = path + "[" + i + "]";
                    var item = sequence.Items[i];
                    if (item is not YScalar { Type: ScalarType.Str } scalar)
                    {
                        throw Invalid(item, itemPath, $"expected a string, found {item.Describe()}");
                    }

                    var resolved = ResolveText(scalar, itemPath);
                    missing ??= resolved.Missing;
                    items.Add(resolved.GetOr(null) ?? string.Empty);
                }

                return missing is null
                    ? Resolved<IReadOnlyList<string>?>.Of(items)
                    : Resolved<IReadOnlyList<string>?>.Unset(missing);
            default:
                throw Invalid(node, path, $"expected a list of strings, found {node.Describe()}");
        }
    }

    /// <summary>A pydantic <c>bool</c>: YAML booleans, 0/1, or the strings pydantic's lax mode accepts.</summary>
    public Resolved<bool?> OptionalBool(YNode? node, string path)
    {
        switch (node)
        {
            case null:
            case YScalar { Type: ScalarType.Null }:
                return Resolved<bool?>.Of(null);
            case YScalar { Type: ScalarType.Bool } scalar:
                return Resolved<bool?>.Of(YamlScalarTyping.IsTrue(scalar.Value));
            case YScalar scalar when scalar.Type is ScalarType.Int or ScalarType.Str:
                var text = ResolveText(scalar, path);
                if (text.Missing is not null)
                {
                    return Resolved<bool?>.Unset(text.Missing);
                }

                return Resolved<bool?>.Of(ParseLaxBool(text.Get()!) ?? throw Invalid(node, path, $"expected a boolean, found '{scalar.Value}'"));
            default:
                throw Invalid(node, path, $"expected a boolean, found {node.Describe()}");
        }
    }

    /// <summary>A pydantic <c>float</c>.</summary>
    public Resolved<double?> OptionalNumber(YNode? node, string path)
    {
        switch (node)
        {
            case null:
            case YScalar { Type: ScalarType.Null }:
                return Resolved<double?>.Of(null);
            case YScalar scalar when scalar.Type is ScalarType.Int or ScalarType.Float or ScalarType.Str:
                var text = ResolveText(scalar, path);
                if (text.Missing is not null)
                {
                    return Resolved<double?>.Unset(text.Missing);
                }

                if (double.TryParse(text.Get()!.Replace("_", string.Empty), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return Resolved<double?>.Of(number);
                }

                throw Invalid(node, path, $"expected a number, found '{scalar.Value}'");
            default:
                throw Invalid(node, path, $"expected a number, found {node.Describe()}");
        }
    }

    /// <summary>A scalar's text, used where LiteLLM takes any scalar (model names); collections are refused.</summary>
    public Resolved<string?> OptionalScalarText(YNode? node, string path)
    {
        return node switch
        {
            null or YScalar { Type: ScalarType.Null } => Resolved<string?>.Of(null),
            YScalar scalar => ResolveText(scalar, path),
            _ => throw Invalid(node, path, $"expected a single value, found {node.Describe()}"),
        };
    }

    private Resolved<string?> ResolveText(YScalar scalar, string path)
    {
        if (!EnvironmentResolver.IsReference(scalar.Value, out var name))
        {
            return Resolved<string?>.Of(scalar.Value);
        }

        var value = Environment.Lookup(name);
        return value is null
            ? Resolved<string?>.Unset(new MissingVariable(name, At(scalar, path)))
            : Resolved<string?>.Of(value);
    }

    private static bool? ParseLaxBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "t" or "yes" or "y" or "on" => true,
        "0" or "false" or "f" or "no" or "n" or "off" => false,
        _ => null,
    };
}
