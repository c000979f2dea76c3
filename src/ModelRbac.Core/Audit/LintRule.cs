using System.Collections.Generic;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit;

/// <summary>One lint rule: a stable id (MR001…) and name, a severity, and the check.</summary>
public abstract class LintRule
{
    /// <summary>The stable id, e.g. MR006; never reused for another meaning.</summary>
    public abstract string Id { get; }

    /// <summary>The stable descriptive name, e.g. UpstreamExactMatch.</summary>
    public abstract string Name { get; }

    /// <summary>The severity of every finding of the rule.</summary>
    public abstract LintSeverity Severity { get; }

    /// <summary>One sentence on what the rule finds (SARIF shortDescription, docs).</summary>
    public abstract string Summary { get; }

    /// <summary>The rule's findings on <paramref name="context"/>.</summary>
    public abstract IEnumerable<LintFinding> Check(LintContext context);

    /// <summary>A finding of this rule.</summary>
    protected LintFinding Finding(string message, SourceLocation location) => new(Id, Name, Severity, message, location);

    /// <summary>A finding of this rule (for the linter's own findings, such as a config that fails to load).</summary>
    internal LintFinding At(string message, SourceLocation location) => Finding(message, location);
}
