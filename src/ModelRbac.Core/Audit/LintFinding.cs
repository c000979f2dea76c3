using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit;

/// <summary>One lint finding: the rule (stable id and name), how serious, what is wrong, and where.</summary>
public sealed record LintFinding(string RuleId, string RuleName, LintSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>"file:line:column (yaml.path): MR006 UpstreamExactMatch: message", as a CI log line.</summary>
    public override string ToString() => Location.Describe() + ": " + RuleId + " " + RuleName + ": " + Message;
}
