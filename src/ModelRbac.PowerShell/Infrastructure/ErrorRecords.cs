using System;
using System.Management.Automation;
using ModelRbac.Core.Errors;

namespace ModelRbac.PowerShell.Infrastructure;

/// <summary>Maps core exceptions to ErrorRecords whose id is the contract's (PowerShell appends ",&lt;cmdlet type&gt;").</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(RbacException exception, object? target = null)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), target ?? exception.Target);
        if (exception.Limit is { } limit)
        {
            // An exceeded input limit says which -Limits key raises it, in the message people read.
            var advice = RbacLimits.HowToRaise(limit);
            var sentence = exception.Message.EndsWith(".", System.StringComparison.Ordinal) ? exception.Message : exception.Message + ".";
            record.ErrorDetails = new ErrorDetails(sentence + " " + advice) { RecommendedAction = advice };
        }

        return record;
    }

    public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target) =>
        new(new InvalidOperationException(message), errorId, category, target);

    private static ErrorCategory Category(RbacErrorKind kind) => kind switch
    {
        RbacErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        RbacErrorKind.Parse => ErrorCategory.ParserError,
        RbacErrorKind.InvalidData => ErrorCategory.InvalidData,
        RbacErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        RbacErrorKind.Security => ErrorCategory.SecurityError,
        RbacErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.InvalidOperation,
    };
}
