using System.Text.RegularExpressions;

namespace ModelRbac.Core.Yaml;

/// <summary>The Python type PyYAML's SafeLoader gives a scalar.</summary>
internal enum ScalarType
{
    Str,
    Null,
    Bool,
    Int,
    Float,
}

/// <summary>YAML 1.1 implicit typing as PyYAML's SafeLoader resolves plain scalars (LiteLLM loads configs with it).</summary>
internal static class YamlScalarTyping
{
    private static readonly Regex s_bool = new(
        "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_null = new("^(?:~|null|Null|NULL|)$", RegexOptions.CultureInvariant);

    private static readonly Regex s_int = new(
        "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_float = new(
        @"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant);

    public static ScalarType Resolve(YScalar scalar)
    {
        if (scalar.Tag is { Length: > 0 } tag)
        {
            return tag switch
            {
                "tag:yaml.org,2002:null" => ScalarType.Null,
                "tag:yaml.org,2002:bool" => ScalarType.Bool,
                "tag:yaml.org,2002:int" => ScalarType.Int,
                "tag:yaml.org,2002:float" => ScalarType.Float,
                _ => ScalarType.Str,
            };
        }

        if (!scalar.IsPlain)
        {
            return ScalarType.Str;
        }

        var value = scalar.Value;
        if (s_null.IsMatch(value))
        {
            return ScalarType.Null;
        }

        if (s_bool.IsMatch(value))
        {
            return ScalarType.Bool;
        }

        if (s_int.IsMatch(value))
        {
            return ScalarType.Int;
        }

        return s_float.IsMatch(value) ? ScalarType.Float : ScalarType.Str;
    }

    /// <summary>The truth value of a YAML 1.1 boolean scalar.</summary>
    public static bool IsTrue(string value) =>
        value is "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";
}
