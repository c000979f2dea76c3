namespace ModelRbac;

/// <summary>Why a model decision came out as it did.</summary>
public enum GrantSource
{
    /// <summary>No entry grants the model.</summary>
    Denied = 0,
    /// <summary>An entry equals the model name.</summary>
    Exact,
    /// <summary>An fnmatch pattern matches the model name (Corrected).</summary>
    Wildcard,
    /// <summary><c>*</c> or <c>all-proxy-models</c> (Corrected).</summary>
    AllModels,
    /// <summary>An access group whose deployments serve the model (Corrected).</summary>
    AccessGroup,
    /// <summary>No role_permissions entry for the role, or its models list is null.</summary>
    Unrestricted,
    /// <summary>The request names no model.</summary>
    NoModel,
    /// <summary><c>litellm_jwtauth.enforce_rbac</c> is off.</summary>
    RbacNotEnforced,
}
