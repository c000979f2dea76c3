namespace ModelRbac.Core.Config;

/// <summary>How a load treats what makes LiteLLM refuse to start.</summary>
public enum ConfigLoadMode
{
    /// <summary>Throw ConfigInvalid, naming the place (Import-RbacConfig and every decision).</summary>
    Strict = 0,

    /// <summary>
    /// Record the semantic refusals (<see cref="ConfigRefusalCodes"/>) and go on, so a lint can report each with its
    /// place. YAML syntax and schema errors still throw. Never used for decisions.
    /// </summary>
    Lenient = 1,
}

/// <summary>The codes of load warnings and lenient-mode refusals (<see cref="ConfigWarning.Code"/>).</summary>
public static class ConfigRefusalCodes
{
    /// <summary>A role_permissions role or role_mappings internal_role outside the three RBAC roles.</summary>
    public const string UnknownRbacRole = nameof(UnknownRbacRole);

    /// <summary><c>user_roles_jwt_field</c> without <c>user_allowed_roles</c>.</summary>
    public const string UserRolesWithoutAllowedRoles = nameof(UserRolesWithoutAllowedRoles);

    /// <summary><c>object_id_jwt_field</c> without <c>role_mappings</c>.</summary>
    public const string ObjectIdWithoutRoleMappings = nameof(ObjectIdWithoutRoleMappings);

    /// <summary><c>scope_mappings</c> without <c>enforce_scope_based_access: true</c>.</summary>
    public const string ScopeMappingsWithoutEnforcement = nameof(ScopeMappingsWithoutEnforcement);

    /// <summary>A <c>litellm_jwtauth</c> key LiteLLM does not declare (a load warning in both modes).</summary>
    public const string UnknownJwtAuthKey = nameof(UnknownJwtAuthKey);
}
