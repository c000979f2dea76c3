using System.Collections.Generic;
using ModelRbac.Core.Access;

namespace ModelRbac.Core.PolicyTests;

/// <summary>A parsed, validated policy case file.</summary>
public sealed class PolicyCaseFile
{
    internal PolicyCaseFile(string? path, Semantics? semantics, IReadOnlyList<PolicyCase> cases)
    {
        Path = path;
        Semantics = semantics;
        Cases = cases;
    }

    /// <summary>The file (null for inline YAML).</summary>
    public string? Path { get; }

    /// <summary>The file's <c>semantics:</c>; null when it does not say.</summary>
    public Semantics? Semantics { get; }

    /// <summary>The cases in file order.</summary>
    public IReadOnlyList<PolicyCase> Cases { get; }
}
