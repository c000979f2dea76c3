using System;
using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Identity;

/// <summary>Who a token is and which RBAC role it gets, under the chosen semantics with Upstream's answer beside it.</summary>
public sealed class JwtIdentity
{
    internal JwtIdentity(Semantics semantics, RoleResolution chosen, RoleResolution upstream, RoleResolution corrected, JwtClaims claims, bool signatureValidated)
    {
        Semantics = semantics;
        Chosen = chosen;
        Upstream = upstream;
        Corrected = corrected;
        Claims = claims;
        SignatureValidated = signatureValidated;
    }

    /// <summary>The semantics of <see cref="Chosen"/>.</summary>
    public Semantics Semantics { get; }

    /// <summary>The resolution under <see cref="Semantics"/>.</summary>
    public RoleResolution Chosen { get; }

    /// <summary>What LiteLLM does today.</summary>
    public RoleResolution Upstream { get; }

    /// <summary>What the config means.</summary>
    public RoleResolution Corrected { get; }

    /// <summary>The user id claim, else the email (LiteLLM's <c>get_user_info</c> fallback).</summary>
    public string? UserId { get; internal init; }

    /// <summary>The team claim (a list's first item), else team_id_default.</summary>
    public string? TeamId { get; internal init; }

    /// <summary>The team_ids_jwt_field claim as a list.</summary>
    public IReadOnlyList<string> TeamIds { get; internal init; } = Array.Empty<string>();

    /// <summary>The org_id_jwt_field claim.</summary>
    public string? OrgId { get; internal init; }

    /// <summary>The end_user_id_jwt_field claim.</summary>
    public string? EndUserId { get; internal init; }

    /// <summary>
    /// The object_id_jwt_field claim (Entra ID's oid). LiteLLM uses it as the team id of a token whose role is team
    /// and as the user id of an internal_user, in place of the claims those fields name.
    /// </summary>
    public string? ObjectId { get; internal init; }

    /// <summary>The user_email_jwt_field claim.</summary>
    public string? Email { get; internal init; }

    /// <summary>Values of user_roles_jwt_field then roles_jwt_field, as the chosen semantics reads them, de-duplicated.</summary>
    public IReadOnlyList<string> Roles { get; internal init; } = Array.Empty<string>();

    /// <summary>The scopes as the chosen semantics reads them (empty when Upstream fails on them).</summary>
    public IReadOnlyList<string> Scopes { get; internal init; } = Array.Empty<string>();

    /// <summary>admin_jwt_scope is among <see cref="Scopes"/>: LiteLLM's admin bypass (a mapped proxy_admin is not).</summary>
    public bool IsAdmin { get; internal init; }

    /// <summary>The <c>sub</c> claim.</summary>
    public string? Subject { get; internal init; }

    /// <summary>The <c>iss</c> claim.</summary>
    public string? Issuer { get; internal init; }

    /// <summary>The <c>exp</c> claim as UTC time.</summary>
    public DateTimeOffset? ExpiresUtc { get; internal init; }

    /// <summary>Whether the signature was verified against a key (false for decoded-only tokens and bare claims).</summary>
    public bool SignatureValidated { get; }

    /// <summary>The decoded payload.</summary>
    public JwtClaims Claims { get; }
}
