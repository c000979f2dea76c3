using System;
using System.Collections;
using System.Collections.Generic;

namespace ModelRbac.Core.Config;

/// <summary>
/// Resolves <c>os.environ/NAME</c> as LiteLLM would at start-up: the caller's values first, then the config's own
/// <c>environment_variables</c> section (LiteLLM exports it), then the process environment.
/// </summary>
public sealed class EnvironmentResolver
{
    /// <summary>The prefix LiteLLM uses for secrets read from the environment.</summary>
    public const string Prefix = "os.environ/";

    private readonly IDictionary? _caller;
    private readonly IReadOnlyDictionary<string, string> _configSection;
    private readonly bool _useProcessEnvironment;

    /// <summary>Creates a resolver.</summary>
    public EnvironmentResolver(IDictionary? caller, IReadOnlyDictionary<string, string> configSection, bool useProcessEnvironment = true)
    {
        _caller = caller;
        _configSection = configSection;
        _useProcessEnvironment = useProcessEnvironment;
    }

    /// <summary>True when <paramref name="value"/> is an <c>os.environ/</c> reference; <paramref name="name"/> is the variable.</summary>
    public static bool IsReference(string value, out string name)
    {
        if (value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = value.Substring(Prefix.Length);
            return true;
        }

        name = string.Empty;
        return false;
    }

    /// <summary>Looks a variable up; null when no source has it.</summary>
    public string? Lookup(string name)
    {
        if (_caller is not null)
        {
            foreach (DictionaryEntry entry in _caller)
            {
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.Ordinal) && entry.Value is not null)
                {
                    return entry.Value.ToString();
                }
            }
        }

        if (_configSection.TryGetValue(name, out var fromConfig))
        {
            return fromConfig;
        }

        return _useProcessEnvironment ? Environment.GetEnvironmentVariable(name) : null;
    }
}
