namespace ModelRbac.Core.Audit;

/// <summary>How serious a lint finding is (SARIF levels error, warning, note).</summary>
public enum LintSeverity
{
    /// <summary>LiteLLM refuses the config, or it cannot be read.</summary>
    Error = 0,

    /// <summary>The config loads but grants or denies something other than it seems to.</summary>
    Warning = 1,

    /// <summary>Worth knowing; nothing is wrong by itself.</summary>
    Information = 2,
}
