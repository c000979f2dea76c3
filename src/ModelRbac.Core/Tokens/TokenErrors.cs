using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// Builds token failures. Messages and targets name a token by kid/sub/jti at most, never by its text, so a
/// captured bearer credential cannot leak into a log or a CI transcript.
/// </summary>
internal static class TokenErrors
{
    public static RbacException Malformed(string reason, string? label = null) =>
        Create(ErrorIds.TokenMalformed, RbacErrorKind.InvalidData, "The token is malformed: " + reason, label);

    /// <summary>TokenMalformed for a token over a size limit; nothing of it has been read, so there is no label.</summary>
    public static RbacException LimitExceeded(string reason, string limit) =>
        new(ErrorIds.TokenMalformed, RbacErrorKind.InvalidData, reason) { Limit = limit };

    public static RbacException Create(string errorId, string reason, string? label) =>
        Create(errorId, RbacErrorKind.Security, reason, label);

    private static RbacException Create(string errorId, RbacErrorKind kind, string reason, string? label) =>
        new(errorId, kind, label is null ? reason : reason + " (" + label + ")") { Target = label };
}
