using CoreAudit = ModelRbac.Core.Audit;

namespace ModelRbac;

/// <summary>How serious a lint finding is.</summary>
public enum RbacLintSeverity
{
    /// <summary>LiteLLM refuses the config, or it cannot be read.</summary>
    Error = 0,

    /// <summary>The config grants or denies something other than it seems to.</summary>
    Warning = 1,

    /// <summary>Worth knowing.</summary>
    Information = 2,
}

/// <summary>A Test-RbacConfig finding: the rule's stable id and name, severity, message and place.</summary>
public sealed class RbacLintFinding
{
    internal RbacLintFinding(CoreAudit.LintFinding finding)
    {
        Severity = (RbacLintSeverity)(int)finding.Severity;
        Rule = finding.RuleId;
        RuleName = finding.RuleName;
        Message = finding.Message;
        File = finding.Location.File;
        YamlPath = finding.Location.YamlPath;
        Line = finding.Location.Line > 0 ? finding.Location.Line : null;
        Column = finding.Location.Column > 0 ? finding.Location.Column : null;
        _text = finding.ToString();
    }

    private readonly string _text;

    /// <summary>Error, Warning or Information.</summary>
    public RbacLintSeverity Severity { get; }

    /// <summary>The rule's stable id (MR001…).</summary>
    public string Rule { get; }

    /// <summary>The rule's stable name (UpstreamExactMatch…).</summary>
    public string RuleName { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>The config file; null for inline YAML.</summary>
    public string? File { get; }

    /// <summary>The YAML path (general_settings.role_permissions[0].models[1]).</summary>
    public string YamlPath { get; }

    /// <summary>The 1-based line; null when unknown.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column; null when unknown.</summary>
    public int? Column { get; }

    /// <summary>"file:line:column (yaml.path): MR006 UpstreamExactMatch: message".</summary>
    public override string ToString() => _text;
}
