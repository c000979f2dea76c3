using System;

namespace ModelRbac.Core.Errors;

/// <summary>What kind of failure an <see cref="RbacException"/> is, so hosts can pick an error category.</summary>
public enum RbacErrorKind
{
    /// <summary>Something named does not exist.</summary>
    NotFound,
    /// <summary>Input text could not be parsed.</summary>
    Parse,
    /// <summary>Input parsed but is not acceptable.</summary>
    InvalidData,
    /// <summary>A value the caller passed is not acceptable.</summary>
    InvalidArgument,
    /// <summary>A security check failed (signature, lifetime, audience...).</summary>
    Security,
    /// <summary>An external resource could not be reached.</summary>
    ResourceUnavailable,
}

/// <summary>Base of every domain failure; carries the contract's error id.</summary>
public class RbacException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RbacException(string errorId, RbacErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    /// <summary>The contract's error id (see <see cref="ErrorIds"/>).</summary>
    public string ErrorId { get; }

    /// <summary>The failure's kind.</summary>
    public RbacErrorKind Kind { get; }

    /// <summary>What the error is about (a path, a role, a token's kid/sub); never a raw token.</summary>
    public object? Target { get; init; }

    /// <summary>The name of the input limit that was exceeded (such as MaxTokenLength), or null.</summary>
    public string? Limit { get; init; }
}
