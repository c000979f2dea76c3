using System;
using System.Collections.Generic;
using System.Text.Json;
using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Identity;

/// <summary>Turns validated (or supplied) claims into a <see cref="JwtIdentity"/> under both semantics.</summary>
public sealed class JwtIdentityResolver
{
    private readonly ClaimFields _fields;

    /// <summary>Parses the claim paths of <paramref name="settings"/> once.</summary>
    /// <exception cref="Errors.RbacException">ConfigEnvironmentMissing when a field's variable is unset.</exception>
    public JwtIdentityResolver(JwtAuthSettings settings)
    {
        _fields = new ClaimFields(settings);
    }

    /// <summary>Resolves the identity; <paramref name="semantics"/> picks which resolution is <see cref="JwtIdentity.Chosen"/>.</summary>
    public JwtIdentity Resolve(JwtClaims claims, Semantics semantics, bool signatureValidated)
    {
        var upstream = UpstreamRoleResolver.Resolve(_fields, claims);
        var corrected = CorrectedRoleResolver.Resolve(_fields, claims);
        var isUpstream = semantics == Semantics.Upstream;
        var scopes = isUpstream ? UpstreamScopesOrEmpty(claims) : CorrectedClaimReader.Scopes(claims);
        var email = Text(_fields.Email, claims);
        return new JwtIdentity(semantics, isUpstream ? upstream : corrected, upstream, corrected, claims, signatureValidated)
        {
            UserId = UserIdOrEmail(claims, email),
            Email = email,
            TeamId = isUpstream ? UpstreamTeamId(claims) : CorrectedClaimReader.TeamClaim(_fields, claims) ?? _fields.TeamIdDefault,
            TeamIds = isUpstream ? UpstreamClaimReader.TeamIds(_fields, claims) : CorrectedClaimReader.TeamIds(_fields, claims),
            OrgId = Text(_fields.OrgId, claims),
            EndUserId = Text(_fields.EndUserId, claims),
            ObjectId = Text(_fields.ObjectId, claims),
            Roles = isUpstream ? UpstreamRoles(claims) : CorrectedRoles(claims),
            Scopes = scopes,
            IsAdmin = scopes.Contains(_fields.AdminScope),
            Subject = claims.TopLevelString("sub"),
            Issuer = claims.TopLevelString("iss"),
            ExpiresUtc = Expiry(claims),
        };
    }

    /// <summary>
    /// LiteLLM's get_user_info: the user id claim read with the email as default, so with an email found only a
    /// string claim counts (get_nested_value's isinstance check); without one, the claim whatever its type.
    /// </summary>
    private string? UserIdOrEmail(JwtClaims claims, string? email)
    {
        if (_fields.UserId is null || !claims.TryGet(_fields.UserId, out var value))
        {
            return email;
        }

        return email is not null && value.ValueKind != System.Text.Json.JsonValueKind.String ? email : PythonValues.ToText(value) ?? email;
    }

    private static string? Text(ClaimPath? path, JwtClaims claims) =>
        path is not null && claims.TryGet(path, out var value) ? PythonValues.ToText(value) : null;

    private static List<string> UpstreamScopesOrEmpty(JwtClaims claims)
    {
        try
        {
            return UpstreamClaimReader.Scopes(claims);
        }
        catch (PythonError)
        {
            return new List<string>();
        }
    }

    private string? UpstreamTeamId(JwtClaims claims)
    {
        var (value, _) = UpstreamClaimReader.TeamId(_fields, claims);
        return value is { } element ? PythonValues.ToText(element) : null;
    }

    private List<string> UpstreamRoles(JwtClaims claims)
    {
        var roles = new List<string>();
        foreach (var path in new[] { _fields.UserRoles, _fields.Roles })
        {
            try
            {
                foreach (var item in UpstreamClaimReader.IteratedRoles(path, claims) ?? new List<JsonElement?>())
                {
                    if (item is { } element && PythonValues.ToText(element) is { } text)
                    {
                        AddOnce(roles, text);
                    }
                }
            }
            catch (PythonError)
            {
                // Upstream cannot iterate this claim: it contributes no roles (the resolution reports the error).
            }
        }

        return roles;
    }

    private List<string> CorrectedRoles(JwtClaims claims)
    {
        var roles = new List<string>();
        foreach (var path in new[] { _fields.UserRoles, _fields.Roles })
        {
            foreach (var role in CorrectedClaimReader.Roles(path, claims) ?? new List<string>())
            {
                AddOnce(roles, role);
            }
        }

        return roles;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static DateTimeOffset? Expiry(JwtClaims claims)
    {
        if (!claims.Root.TryGetProperty("exp", out var exp) || !PythonValues.TryGetSeconds(exp, out var seconds))
        {
            return null;
        }

        // Out-of-range values (year > 9999) have no DateTimeOffset; show none rather than fail the identity.
        return seconds is >= -62135596800 and <= 253402300799 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;
    }
}
