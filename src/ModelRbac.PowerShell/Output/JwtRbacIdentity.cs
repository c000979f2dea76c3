using System;
using System.Collections.Specialized;
using System.Linq;
using CoreIdentity = ModelRbac.Core.Identity;

namespace ModelRbac;

/// <summary>Who a JWT is and which RBAC role LiteLLM gives it (Get-JwtRbacRole), with Upstream's answer beside the chosen one.</summary>
public sealed class JwtRbacIdentity
{
    internal JwtRbacIdentity(CoreIdentity.JwtIdentity identity)
    {
        RbacRole = identity.Chosen.Role;
        ResolvedBy = (ResolvedBy)(int)identity.Chosen.ResolvedBy;
        UpstreamRbacRole = identity.Upstream.Role;
        UpstreamResolvedBy = (ResolvedBy)(int)identity.Upstream.ResolvedBy;
        UpstreamError = identity.Upstream.Error;
        Semantics = (RbacSemantics)(int)identity.Semantics;
        UserId = identity.UserId;
        TeamId = identity.TeamId;
        TeamIds = identity.TeamIds.ToArray();
        OrgId = identity.OrgId;
        EndUserId = identity.EndUserId;
        ObjectId = identity.ObjectId;
        Email = identity.Email;
        Roles = identity.Roles.ToArray();
        Scopes = identity.Scopes.ToArray();
        IsAdmin = identity.IsAdmin;
        Subject = identity.Subject;
        Issuer = identity.Issuer;
        ExpiresUtc = identity.ExpiresUtc?.UtcDateTime;
        SignatureValidated = identity.SignatureValidated;
        Claims = ClaimsView.Build(identity.Claims.ToPlain());
    }

    /// <summary>The RBAC role under <see cref="Semantics"/>; null when the token gets none. Binds to Test-ModelAccess -Role.</summary>
    public string? RbacRole { get; }

    /// <summary>The rule that gave <see cref="RbacRole"/>.</summary>
    public ResolvedBy ResolvedBy { get; }

    /// <summary>The role LiteLLM gives the token today.</summary>
    public string? UpstreamRbacRole { get; }

    /// <summary>The rule LiteLLM applies today; Error when it would fail the request.</summary>
    public ResolvedBy UpstreamResolvedBy { get; }

    /// <summary>The semantics of <see cref="RbacRole"/>.</summary>
    public RbacSemantics Semantics { get; }

    /// <summary>The user_id_jwt_field claim, else the email (as LiteLLM falls back).</summary>
    public string? UserId { get; }

    /// <summary>The team claim, else team_id_default.</summary>
    public string? TeamId { get; }

    /// <summary>The team_ids_jwt_field claim.</summary>
    public string[] TeamIds { get; }

    /// <summary>The org_id_jwt_field claim.</summary>
    public string? OrgId { get; }

    /// <summary>The end_user_id_jwt_field claim.</summary>
    public string? EndUserId { get; }

    /// <summary>The object_id_jwt_field claim; LiteLLM makes it the team id of a team token and the user id of an internal_user.</summary>
    public string? ObjectId { get; }

    /// <summary>The user_email_jwt_field claim.</summary>
    public string? Email { get; }

    /// <summary>Values of user_roles_jwt_field then roles_jwt_field, de-duplicated (as the chosen semantics reads them).</summary>
    public string[] Roles { get; }

    /// <summary>The token's scopes (Corrected falls back to scp).</summary>
    public string[] Scopes { get; }

    /// <summary>admin_jwt_scope is among the scopes: LiteLLM's admin bypass. A role mapped to proxy_admin is not.</summary>
    public bool IsAdmin { get; }

    /// <summary>The sub claim.</summary>
    public string? Subject { get; }

    /// <summary>The iss claim.</summary>
    public string? Issuer { get; }

    /// <summary>The exp claim, in UTC.</summary>
    public DateTime? ExpiresUtc { get; }

    /// <summary>True when the signature was verified against a key; false for -SkipSignatureValidation and -Claims.</summary>
    public bool SignatureValidated { get; }

    /// <summary>The decoded payload as nested ordered dictionaries (never the token itself).</summary>
    public OrderedDictionary Claims { get; }

    /// <summary>LiteLLM's error text when <see cref="UpstreamResolvedBy"/> is Error, else null.</summary>
    public string? UpstreamError { get; }
}
