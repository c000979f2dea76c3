using System.Collections.Generic;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR017: a role_permissions value comes from an os.environ/ variable that is unset here, so the lint skipped it.</summary>
public sealed class EnvironmentVariableUnsetRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR017";

    /// <inheritdoc/>
    public override string Name => "EnvironmentVariableUnset";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Information;

    /// <inheritdoc/>
    public override string Summary => "A value the lint needs comes from an unset os.environ/ variable, so the rules skipped it.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var config = context.Config;
        if (config.JwtAuth.IsWritten("enforce_rbac") && config.JwtAuth.EnforceRbacOrNull() is null)
        {
            yield return Finding(Describe("litellm_jwtauth.enforce_rbac", config.JwtAuth.GetWrittenForDisplay("enforce_rbac")), config.JwtAuth.LocationOf("enforce_rbac"));
        }

        foreach (var entry in config.RolePermissions ?? new Config.RolePermissionEntry[0])
        {
            foreach (var missing in new[] { entry.Role.Missing, entry.Models.Missing, entry.Routes.Missing })
            {
                if (missing is not null)
                {
                    yield return Finding(Describe(missing.Location.YamlPath, "os.environ/" + missing.Name), missing.Location);
                }
            }
        }
    }

    private static string Describe(string what, object? value) =>
        $"{what} is {value}: its variable is not set here, so the rules that need it skipped it (pass -Environment or set it to lint it).";
}
