using System;

namespace ModelRbac.Core.Identity;

/// <summary>
/// An exception LiteLLM's Python code would raise while reading claims (a TypeError, its "Unmapped scope type").
/// Internal: the Upstream resolver turns it into <see cref="ResolvedBy.Error"/>, never into a role.
/// </summary>
internal sealed class PythonError : Exception
{
    public PythonError(string message)
        : base(message)
    {
    }

    public static PythonError NotIterable(string typeName) => new("'" + typeName + "' object is not iterable");

    public static PythonError Unhashable(string typeName) => new("unhashable type: '" + typeName + "'");
}
