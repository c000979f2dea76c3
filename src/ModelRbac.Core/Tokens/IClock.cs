using System;

namespace ModelRbac.Core.Tokens;

/// <summary>The current time, injectable so tests can expire caches and tokens without sleeping.</summary>
public interface IClock
{
    /// <summary>Now, in UTC.</summary>
    DateTimeOffset UtcNow { get; }
}

/// <summary>The system clock.</summary>
public sealed class SystemClock : IClock
{
    /// <summary>The shared instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
