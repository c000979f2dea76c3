namespace ModelRbac;

/// <summary>Which role-resolution rule gave a JWT its RBAC role (SEMANTICS §3).</summary>
public enum ResolvedBy
{
    /// <summary>No rule gave a role, or the user_allowed_roles gate refused every claimed role.</summary>
    None = 0,
    /// <summary>admin_jwt_scope is among the token's scopes.</summary>
    AdminScope,
    /// <summary>A role_mappings entry names a value of the roles_jwt_field claim.</summary>
    RoleMapping,
    /// <summary>A value of the user_roles_jwt_field claim is in user_allowed_roles.</summary>
    AllowedUserRole,
    /// <summary>The team_id_jwt_field claim is present.</summary>
    TeamClaim,
    /// <summary>The user_id_jwt_field claim is present.</summary>
    UserId,
    /// <summary>team_id_default is configured.</summary>
    TeamIdDefault,
    /// <summary>Upstream only: LiteLLM would fail the request (see UpstreamError).</summary>
    Error,
}
