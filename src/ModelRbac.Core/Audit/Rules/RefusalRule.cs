using System.Collections.Generic;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>A rule that reports what a lenient load recorded under one code (start-up refusals or load warnings).</summary>
public abstract class RefusalRule : LintRule
{
    /// <summary>The <see cref="ConfigWarning.Code"/> the rule reports.</summary>
    protected abstract string Code { get; }

    /// <summary>Whether the code is a load warning (both modes) rather than a lenient-mode refusal.</summary>
    protected virtual bool IsLoadWarning => false;

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var source = IsLoadWarning ? context.Config.Warnings : context.Config.StartupRefusals;
        foreach (var item in source)
        {
            if (item.Code == Code)
            {
                var sentence = item.Message.EndsWith(".", System.StringComparison.Ordinal) || item.Message.EndsWith("?", System.StringComparison.Ordinal) ? item.Message : item.Message + ".";
                yield return Finding(sentence + (IsLoadWarning ? string.Empty : " LiteLLM refuses to start with this config."), item.Location);
            }
        }
    }
}

/// <summary>MR002: a role_permissions role or role_mappings internal_role outside proxy_admin, team, internal_user.</summary>
public sealed class UnknownRbacRoleRule : RefusalRule
{
    /// <inheritdoc/>
    public override string Id => "MR002";

    /// <inheritdoc/>
    public override string Name => "UnknownRbacRole";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Error;

    /// <inheritdoc/>
    public override string Summary => "A role_permissions role or role_mappings internal_role is not one of proxy_admin, team, internal_user.";

    /// <inheritdoc/>
    protected override string Code => ConfigRefusalCodes.UnknownRbacRole;
}

/// <summary>MR003: user_roles_jwt_field is set without user_allowed_roles, or user_allowed_roles without user_roles_jwt_field.</summary>
public sealed class UserRolesWithoutAllowedRolesRule : RefusalRule
{
    /// <inheritdoc/>
    public override string Id => "MR003";

    /// <inheritdoc/>
    public override string Name => "UserRolesWithoutAllowedRoles";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Error;

    /// <inheritdoc/>
    public override string Summary => "litellm_jwtauth.user_roles_jwt_field and user_allowed_roles are not set together.";

    /// <inheritdoc/>
    protected override string Code => ConfigRefusalCodes.UserRolesWithoutAllowedRoles;
}

/// <summary>MR004: object_id_jwt_field is set without role_mappings.</summary>
public sealed class ObjectIdWithoutRoleMappingsRule : RefusalRule
{
    /// <inheritdoc/>
    public override string Id => "MR004";

    /// <inheritdoc/>
    public override string Name => "ObjectIdWithoutRoleMappings";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Error;

    /// <inheritdoc/>
    public override string Summary => "litellm_jwtauth.object_id_jwt_field is set without role_mappings.";

    /// <inheritdoc/>
    protected override string Code => ConfigRefusalCodes.ObjectIdWithoutRoleMappings;
}

/// <summary>MR005: a litellm_jwtauth key LiteLLM does not declare (it refuses to start; a load warning here).</summary>
public sealed class UnknownJwtAuthKeyRule : RefusalRule
{
    /// <inheritdoc/>
    public override string Id => "MR005";

    /// <inheritdoc/>
    public override string Name => "UnknownJwtAuthKey";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Error;

    /// <inheritdoc/>
    public override string Summary => "A litellm_jwtauth key LiteLLM does not declare; LiteLLM refuses to start with it.";

    /// <inheritdoc/>
    protected override string Code => ConfigRefusalCodes.UnknownJwtAuthKey;

    /// <inheritdoc/>
    protected override bool IsLoadWarning => true;
}

/// <summary>MR018: scope_mappings is set while enforce_scope_based_access is not true.</summary>
public sealed class ScopeMappingsWithoutEnforcementRule : RefusalRule
{
    /// <inheritdoc/>
    public override string Id => "MR018";

    /// <inheritdoc/>
    public override string Name => "ScopeMappingsWithoutEnforcement";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Error;

    /// <inheritdoc/>
    public override string Summary => "litellm_jwtauth.scope_mappings is set while enforce_scope_based_access is not true.";

    /// <inheritdoc/>
    protected override string Code => ConfigRefusalCodes.ScopeMappingsWithoutEnforcement;
}
