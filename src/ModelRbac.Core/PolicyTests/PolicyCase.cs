using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Identity;

namespace ModelRbac.Core.PolicyTests;

/// <summary>Which gate a case asks about.</summary>
public enum PolicyGate
{
    /// <summary><c>role_permissions[].models</c> (the case names a <c>model</c>).</summary>
    Model,
    /// <summary><c>role_permissions[].routes</c> (the case names a <c>route</c>).</summary>
    Route,
}

/// <summary>How a case names its identity.</summary>
public enum PolicyIdentityKind
{
    /// <summary>An RBAC role given directly (<c>role:</c>; empty or null for "no role").</summary>
    Role,
    /// <summary>A decoded payload (<c>claims:</c>), resolved through the config's litellm_jwtauth.</summary>
    Claims,
    /// <summary>A token file (<c>token:</c>) validated with <c>jwks:</c> or <c>publicKey:</c>, then resolved.</summary>
    Token,
}

/// <summary>One case of a policy case file: an identity, the models or routes it asks for, and what is expected.</summary>
public sealed class PolicyCase
{
    internal PolicyCase(int index, string name, SourceLocation location)
    {
        Index = index;
        Name = name;
        Location = location;
    }

    /// <summary>The case's position in <c>cases</c>.</summary>
    public int Index { get; }

    /// <summary>The case's name (unique in the file).</summary>
    public string Name { get; }

    /// <summary>Where the case is in the case file.</summary>
    public SourceLocation Location { get; }

    /// <summary>How the identity is given.</summary>
    public PolicyIdentityKind IdentityKind { get; internal set; }

    /// <summary>The role of a <see cref="PolicyIdentityKind.Role"/> case; null for "no role".</summary>
    public string? Role { get; internal set; }

    /// <summary>The payload of a <see cref="PolicyIdentityKind.Claims"/> case.</summary>
    public JwtClaims? Claims { get; internal set; }

    /// <summary>The token file of a <see cref="PolicyIdentityKind.Token"/> case (absolute).</summary>
    public string? TokenPath { get; internal set; }

    /// <summary>The JWKS file validating the token (absolute), if any.</summary>
    public string? JwksPath { get; internal set; }

    /// <summary>The PEM key validating the token (absolute), if any.</summary>
    public string? PublicKeyPath { get; internal set; }

    /// <summary>Decode the token without checking its signature (<c>skipSignatureValidation: true</c>).</summary>
    public bool SkipSignatureValidation { get; internal set; }

    /// <summary>Do not check exp/nbf (<c>ignoreLifetime: true</c>).</summary>
    public bool IgnoreLifetime { get; internal set; }

    /// <summary>Accepted audiences (else the config's litellm_jwtauth.audience).</summary>
    public IReadOnlyList<string>? Audiences { get; internal set; }

    /// <summary>Accepted issuers (else the config's litellm_jwtauth.issuer).</summary>
    public IReadOnlyList<string>? Issuers { get; internal set; }

    /// <summary>The gate asked about.</summary>
    public PolicyGate Gate { get; internal set; }

    /// <summary>The models or routes asked for (one test each); an empty string is "no model".</summary>
    public IReadOnlyList<string> Targets { get; internal set; } = new string[0];

    /// <summary>The expected verdict.</summary>
    public bool ExpectAllowed { get; internal set; }

    /// <summary>The expected GrantSource (model cases), if given.</summary>
    public GrantSource? ExpectedGrantSource { get; internal set; }

    /// <summary>The expected granting models entry (<c>matchedPattern</c>) or routes entry (<c>matchedEntry</c>), if given.</summary>
    public string? ExpectedMatch { get; internal set; }

    /// <summary>The expected resolved RBAC role (claims and token cases, <c>rbacRole</c>); empty means "no role".</summary>
    public string? ExpectedRole { get; internal set; }

    /// <summary>Whether <see cref="ExpectedRole"/> was given (it may be null: "no role").</summary>
    public bool HasExpectedRole { get; internal set; }

    /// <summary>The expected ResolvedBy (claims and token cases), if given.</summary>
    public ResolvedBy? ExpectedResolvedBy { get; internal set; }

    /// <summary>"cases[2] 'name' (file:line)" for messages.</summary>
    public string Describe() => $"cases[{Index}] '{Name}' ({Location.File ?? "<yaml>"}:{Location.Line})";
}
