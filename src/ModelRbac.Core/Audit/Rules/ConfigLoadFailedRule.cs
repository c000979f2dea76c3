using System.Collections.Generic;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR001: the config cannot be read (YAML syntax) or LiteLLM would refuse its shape; reported by the linter itself.</summary>
public sealed class ConfigLoadFailedRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR001";

    /// <inheritdoc/>
    public override string Name => "ConfigLoadFailed";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Error;

    /// <inheritdoc/>
    public override string Summary => "The config is not valid YAML or has a shape LiteLLM refuses at start-up, so nothing else can be checked.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context) => new LintFinding[0];
}
