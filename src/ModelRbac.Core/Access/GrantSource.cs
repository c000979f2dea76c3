namespace ModelRbac.Core.Access;

/// <summary>Why a model decision came out as it did (CONTRACT: ModelAccessDecision.GrantSource).</summary>
public enum GrantSource
{
    /// <summary>Denied: no entry grants the model.</summary>
    Denied = 0,
    /// <summary>An entry equals the model name.</summary>
    Exact,
    /// <summary>An fnmatch pattern matches the model name (Corrected only).</summary>
    Wildcard,
    /// <summary><c>*</c> or <c>all-proxy-models</c> (Corrected only).</summary>
    AllModels,
    /// <summary>An access-group name whose deployments serve the model (Corrected only).</summary>
    AccessGroup,
    /// <summary>No role_permissions entry for the role, or its list is null.</summary>
    Unrestricted,
    /// <summary>The request names no model.</summary>
    NoModel,
    /// <summary><c>enforce_rbac</c> is off.</summary>
    RbacNotEnforced,
}
