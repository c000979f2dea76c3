using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Config;

/// <summary>An <c>os.environ/NAME</c> reference that had no value when the config was loaded.</summary>
public sealed record MissingVariable(string Name, SourceLocation Location)
{
    /// <summary>The error raised when a decision needs the value.</summary>
    public ConfigException ToException() => new(
        ErrorIds.ConfigEnvironmentMissing,
        RbacErrorKind.InvalidData,
        $"environment variable '{Name}' is not set (value 'os.environ/{Name}'); pass it with -Environment, the config's environment_variables section or the process environment",
        Location);
}

/// <summary>
/// A config value that may come from an unset environment variable. Reading an unset one throws
/// <see cref="ErrorIds.ConfigEnvironmentMissing"/>, so only decisions that need it fail.
/// </summary>
public readonly struct Resolved<T>
{
    private readonly T _value;

    private Resolved(T value, MissingVariable? missing)
    {
        _value = value;
        Missing = missing;
    }

    /// <summary>The unset variable, or null when the value is known.</summary>
    public MissingVariable? Missing { get; }

    /// <summary>A known value.</summary>
    public static Resolved<T> Of(T value) => new(value, null);

    /// <summary>A value whose variable is unset.</summary>
    public static Resolved<T> Unset(MissingVariable missing) => new(default!, missing);

    /// <summary>The value; throws <see cref="ConfigException"/> (ConfigEnvironmentMissing) when its variable is unset.</summary>
    public T Get() => Missing is null ? _value : throw Missing.ToException();

    /// <summary>The value, or <paramref name="fallback"/> when its variable is unset (for display only, never for decisions).</summary>
    public T GetOr(T fallback) => Missing is null ? _value : fallback;
}
