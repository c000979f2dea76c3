using System.Collections.Generic;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR009: role_permissions entries exist while litellm_jwtauth.enforce_rbac is off, so none applies.</summary>
public sealed class RolePermissionsNotEnforcedRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR009";

    /// <inheritdoc/>
    public override string Name => "RolePermissionsNotEnforced";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "role_permissions is set while litellm_jwtauth.enforce_rbac is off, so every role may call every model and route.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var config = context.Config;
        if (config.RolePermissions is not { Count: > 0 } || config.JwtAuth.EnforceRbacOrNull() is not false)
        {
            yield break;
        }

        var topLevel = config.TopLevelEnforceRbac.Missing is null && config.TopLevelEnforceRbac.Get() == true
            ? " (general_settings.enforce_rbac does not turn the role gate on; litellm_jwtauth.enforce_rbac does)"
            : string.Empty;
        yield return Finding(
            $"role_permissions has {config.RolePermissions.Count} entries but litellm_jwtauth.enforce_rbac is not true, so LiteLLM applies none of them{topLevel}.",
            config.RolePermissionsLocation);
    }
}
