using System;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Errors;

/// <summary>A config failure, located in the file by YAML path, line and column where that applies.</summary>
public sealed class ConfigException : RbacException
{
    /// <summary>Creates the exception; the message is prefixed with the location.</summary>
    public ConfigException(string errorId, RbacErrorKind kind, string reason, SourceLocation? location, Exception? inner = null)
        : base(errorId, kind, Compose(reason, location), inner)
    {
        Reason = reason;
        Location = location;
        Target = location?.File;
    }

    /// <summary>The failure without its location.</summary>
    public string Reason { get; }

    /// <summary>Where in the config the failure is, when known.</summary>
    public SourceLocation? Location { get; }

    private static string Compose(string reason, SourceLocation? location) =>
        location is null ? reason : location.Describe() + ": " + reason;

    internal static ConfigException Invalid(string reason, SourceLocation? location) =>
        new(ErrorIds.ConfigInvalid, RbacErrorKind.InvalidData, reason, location);

    /// <summary>ConfigInvalid for an exceeded input limit, naming it in the message and in <see cref="RbacException.Limit"/>.</summary>
    internal static ConfigException LimitExceeded(string reason, string limit, long value, SourceLocation? location) =>
        new(ErrorIds.ConfigInvalid, RbacErrorKind.InvalidData, $"{reason}; the limit {limit} is {value:N0}", location) { Limit = limit };
}
