using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Audit;

/// <summary>The outcome of linting a file or text: the config when it loaded, and the findings.</summary>
public sealed record LintResult(RbacConfiguration? Config, IReadOnlyList<LintFinding> Findings);

/// <summary>
/// Runs the lint rules (<see cref="LintRules.All"/>). A path or text is loaded leniently, so what makes LiteLLM refuse
/// to start becomes Error findings with their place instead of one exception; a config that cannot be read at all
/// (YAML syntax, a wrong shape) is one MR001 finding. A missing file still throws ConfigNotFound.
/// </summary>
public static class ConfigLinter
{
    /// <summary>The findings on a loaded config, ordered by line then rule id.</summary>
    public static IReadOnlyList<LintFinding> Lint(RbacConfiguration config, IReadOnlyList<JwtClaims>? claimSamples = null)
    {
        var context = new LintContext(config, claimSamples);
        var findings = new List<LintFinding>();
        foreach (var rule in LintRules.All)
        {
            try
            {
                findings.AddRange(rule.Check(context));
            }
            catch (ConfigException ex) when (ex.ErrorId == ErrorIds.ConfigEnvironmentMissing)
            {
                // Never a silent pass: the rule could not look, and the finding says where and why.
                findings.Add(LintRules.EnvironmentVariableUnset.At(
                    $"{rule.Id} {rule.Name} was skipped: {ex.Reason}",
                    ex.Location ?? new SourceLocation(config.Path, string.Empty, 0, 0)));
            }
        }

        // Stable: findings of one rule at one place keep the rule's order.
        return findings.OrderBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ThenBy(f => f.RuleId, System.StringComparer.Ordinal).ToList();
    }

    /// <summary>Loads <paramref name="path"/> leniently and lints it.</summary>
    /// <exception cref="ConfigException">ConfigNotFound when the file cannot be read.</exception>
    public static LintResult LintFile(string path, IDictionary? environment = null, IReadOnlyList<JwtClaims>? claimSamples = null) =>
        LintLoaded(() => ConfigLoader.LoadFile(path, environment, null, ConfigLoadMode.Lenient), path, claimSamples);

    /// <summary>Loads YAML text leniently and lints it; <paramref name="path"/> only names it.</summary>
    public static LintResult LintText(string yaml, string? path = null, IDictionary? environment = null, IReadOnlyList<JwtClaims>? claimSamples = null) =>
        LintLoaded(() => ConfigLoader.LoadText(yaml, path, environment, null, ConfigLoadMode.Lenient), path, claimSamples);

    private static LintResult LintLoaded(System.Func<RbacConfiguration> load, string? path, IReadOnlyList<JwtClaims>? claimSamples)
    {
        RbacConfiguration config;
        try
        {
            config = load();
        }
        catch (ConfigException ex) when (ex.ErrorId is ErrorIds.ConfigParseError or ErrorIds.ConfigInvalid)
        {
            var finding = LintRules.ConfigLoadFailed.At(
                $"{ex.ErrorId}: {ex.Reason}",
                ex.Location ?? new SourceLocation(path, string.Empty, 0, 0));
            return new LintResult(null, new[] { finding });
        }

        return new LintResult(config, Lint(config, claimSamples));
    }
}
