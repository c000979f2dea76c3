using System;
using System.Management.Automation;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.Core.Identity;
using ModelRbac.Core.Tokens;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Shows who a JWT is and which RBAC role the LiteLLM proxy gives it, under today's LiteLLM (Upstream) and the intended rules (Corrected).</para>
/// <para type="description">Get-JwtRbacRole validates a captured bearer token offline the way LiteLLM does (RS/PS/ES 256/384/512 only, LiteLLM's kid-based key choice, aud and iss when given, exp/nbf with -ClockSkew) against keys from a JWKS file (-JwksPath), a JWKS or OpenID discovery URL (-JwksUri, cached for the config's public_key_ttl) or a PEM public key or certificate (-PublicKeyPath). It then reads the claims through the config's litellm_jwtauth fields and resolves the RBAC role. Under Corrected (the default) explicit configuration wins: admin scope, then role_mappings (highest privilege), then the user_allowed_roles gate, then a team claim, the user id and team_id_default. Upstream reproduces LiteLLM today, where any user id makes an internal_user before roles are looked at. Both answers are on the output, and RbacRole binds to Test-ModelAccess -Role. -SkipSignatureValidation decodes without a key (any algorithm, with a warning); -Claims takes a decoded payload. The token never appears in output, errors, warnings or verbose text: failures name its kid, sub and jti at most.</para>
/// </summary>
/// <example>
/// <code>Get-JwtRbacRole -Token (Get-Content ./examples/alice.jwt -Raw) -Config ./examples/seed-repro.yaml -JwksPath ./examples/example-jwks.json -Audience litellm |
///     Format-List RbacRole, ResolvedBy, UpstreamRbacRole, UpstreamResolvedBy, UserId, Roles, SignatureValidated</code>
/// <para>Validates a captured token against the IdP's keys: Corrected gives proxy_admin (the allowed role in resource_access.litellm.roles), LiteLLM today gives internal_user because preferred_username is present.</para>
/// </example>
/// <example>
/// <code>$claims = @{ preferred_username = 'bob'; resource_access = @{ litellm = @{ roles = @('internal_user') } } }
/// Get-JwtRbacRole -Claims $claims -Config $config | Test-ModelAccess -Config $config -Model bedrock-claude-haiku, gpt-4o</code>
/// <para>Decides the model gate with the role of a decoded payload: bob may call bedrock-claude-haiku, not gpt-4o.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "JwtRbacRole", DefaultParameterSetName = JwksPathSet)]
[OutputType(typeof(JwtRbacIdentity))]
public sealed class GetJwtRbacRoleCommand : ConfigCmdlet
{
    private const string JwksPathSet = "JwksPath";
    private const string JwksUriSet = "JwksUri";
    private const string PublicKeyPathSet = "PublicKeyPath";
    private const string SkipSet = "SkipSignatureValidation";
    private const string ClaimsSet = "Claims";

    private JwtIdentityResolver _resolver = null!;
    private TokenValidationOptions _options = null!;
    private KeySet? _keys;
    private TimeSpan _keyTtl;

    /// <summary>
    /// <para type="description">The JWT (compact JWS). Binds from the pipeline. Never echoed.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JwksPathSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = JwksUriSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PublicKeyPathSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = SkipSet)]
    [AllowEmptyString]
    public string[] Token { get; set; } = Array.Empty<string>();

    /// <summary>
    /// <para type="description">A JWKS JSON file holding the public keys.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = JwksPathSet)]
    [ValidateNotNullOrEmpty]
    public string JwksPath { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">A JWKS URL, or an OpenID discovery URL (containing .well-known/openid-configuration) whose jwks_uri is followed. Fetched over HTTP(S) and cached per URL for the config's public_key_ttl seconds (default 600).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = JwksUriSet)]
    [ValidateNotNull]
    public Uri JwksUri { get; set; } = null!;

    /// <summary>
    /// <para type="description">A PEM file with an RSA or EC public key (PUBLIC KEY or RSA PUBLIC KEY) or an X.509 certificate. Used whatever the token's kid.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = PublicKeyPathSet)]
    [ValidateNotNullOrEmpty]
    public string PublicKeyPath { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">Decode without verifying the signature (any algorithm, none included). SignatureValidated is false and a warning is written. Lifetime, audience and issuer are still checked.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = SkipSet)]
    public SwitchParameter SkipSignatureValidation { get; set; }

    /// <summary>
    /// <para type="description">A decoded payload instead of a token: a hashtable, a PSCustomObject (ConvertFrom-Json) or JSON text. Nothing is validated and SignatureValidated is false.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ClaimsSet)]
    [ValidateNotNull]
    public object Claims { get; set; } = null!;

    /// <summary>
    /// <para type="description">Accepted audiences; the token's aud (a string, or a list containing one of them) must match. Defaults to the config's litellm_jwtauth.audience; without either, aud is not checked.</para>
    /// </summary>
    [Parameter(ParameterSetName = JwksPathSet)]
    [Parameter(ParameterSetName = JwksUriSet)]
    [Parameter(ParameterSetName = PublicKeyPathSet)]
    [Parameter(ParameterSetName = SkipSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Audience { get; set; }

    /// <summary>
    /// <para type="description">Accepted issuers (exact match). Defaults to the config's litellm_jwtauth.issuer; without either, iss is not checked.</para>
    /// </summary>
    [Parameter(ParameterSetName = JwksPathSet)]
    [Parameter(ParameterSetName = JwksUriSet)]
    [Parameter(ParameterSetName = PublicKeyPathSet)]
    [Parameter(ParameterSetName = SkipSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Issuer { get; set; }

    /// <summary>
    /// <para type="description">Leeway for exp, nbf and iat (default 0, as LiteLLM).</para>
    /// </summary>
    [Parameter(ParameterSetName = JwksPathSet)]
    [Parameter(ParameterSetName = JwksUriSet)]
    [Parameter(ParameterSetName = PublicKeyPathSet)]
    [Parameter(ParameterSetName = SkipSet)]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// <para type="description">Do not check exp, nbf and iat (to inspect an expired captured token).</para>
    /// </summary>
    [Parameter(ParameterSetName = JwksPathSet)]
    [Parameter(ParameterSetName = JwksUriSet)]
    [Parameter(ParameterSetName = PublicKeyPathSet)]
    [Parameter(ParameterSetName = SkipSet)]
    public SwitchParameter IgnoreLifetime { get; set; }

    /// <summary>
    /// <para type="description">Longer tokens are refused as TokenMalformed before decoding (default 65536 characters).</para>
    /// </summary>
    [Parameter(ParameterSetName = JwksPathSet)]
    [Parameter(ParameterSetName = JwksUriSet)]
    [Parameter(ParameterSetName = PublicKeyPathSet)]
    [Parameter(ParameterSetName = SkipSet)]
    [ValidateRange(1, int.MaxValue)]
    public int MaxTokenLength { get; set; } = TokenValidationOptions.DefaultMaxTokenLength;

    /// <summary>
    /// <para type="description">Input limits, as an RbacLimits or a hashtable naming only the limits to change: MaxTokenLength (65,536 characters; -MaxTokenLength wins when both are given) and MaxClaimDepth (64 levels of nested objects and arrays, at most 1,000). A token over a limit is TokenMalformed, claims over it ClaimsInvalid, each naming the limit.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public RbacLimits Limits { get; set; } = new();

    /// <summary>
    /// <para type="description">Corrected (default): the role the config means. Upstream: the role LiteLLM gives today; RbacRole and ResolvedBy then carry the Upstream values.</para>
    /// </summary>
    [Parameter]
    public RbacSemantics Semantics { get; set; } = RbacSemantics.Corrected;

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var settings = ResolvedConfig.Configuration.JwtAuth;
        try
        {
            _resolver = new JwtIdentityResolver(settings);
            _options = new TokenValidationOptions
            {
                Audiences = Audience ?? Single(settings.Audience),
                Issuers = Issuer ?? Single(settings.Issuer),
                ClockSkew = ClockSkew,
                IgnoreLifetime = IgnoreLifetime,
                SkipSignatureValidation = SkipSignatureValidation,
                MaxTokenLength = MyInvocation.BoundParameters.ContainsKey(nameof(MaxTokenLength)) ? MaxTokenLength : Limits.MaxTokenLength,
                MaxClaimDepth = Limits.MaxClaimDepth,
            };
            _keyTtl = TimeSpan.FromSeconds(Math.Max(0, settings.PublicKeyTtlSeconds));
            _keys = LoadKeys();
        }
        catch (RbacException ex)
        {
            // Without a usable config or key source no token can be judged: stop the pipeline.
            ThrowTerminatingError(ErrorRecords.From(ex));
        }

        if (SkipSignatureValidation)
        {
            WriteWarning("Signatures are not validated (-SkipSignatureValidation): anyone can forge these claims. SignatureValidated is false.");
        }
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ClaimsSet)
        {
            Emit(() =>
            {
                var claims = ClaimsArgument.Convert(Claims, Limits.MaxClaimDepth);
                return Traced(claims, _resolver.Resolve(claims, ToCore(Semantics), signatureValidated: false));
            });
            return;
        }

        foreach (var token in Token)
        {
            Emit(() =>
            {
                var keys = ParameterSetName == JwksUriSet ? JwksCache.Shared.GetKeys(JwksUri, _keyTtl) : _keys;
                var validated = TokenValidator.Validate(token ?? string.Empty, keys, _options);
                WriteVerbose($"Validated token ({validated.Label ?? "no kid/sub/jti"}), alg {validated.Algorithm}, signature checked: {validated.SignatureValidated}.");
                return Traced(validated.Claims, _resolver.Resolve(validated.Claims, ToCore(Semantics), validated.SignatureValidated));
            });
        }
    }

    private JwtIdentity Traced(Core.Claims.JwtClaims claims, JwtIdentity identity)
    {
        WriteTrace(() => IdentityTrace.Explain(ResolvedConfig.Configuration.JwtAuth, claims, identity));
        return identity;
    }

    private void Emit(Func<JwtIdentity> resolve)
    {
        try
        {
            var identity = resolve();
            if (identity.Upstream.ResolvedBy == Core.Identity.ResolvedBy.Error)
            {
                // Test-ModelAccess/Test-RouteAccess bind UpstreamError from the pipeline and answer LiteLLM's 401 for it.
                WriteWarning("LiteLLM today rejects this token with 401: Authentication Error, " + identity.Upstream.Error);
            }

            WriteObject(new JwtRbacIdentity(identity));
        }
        catch (RbacException ex)
        {
            // Non-terminating: one bad token must not stop a pipeline of others. The target is kid/sub/jti at most.
            WriteError(ErrorRecords.From(ex));
        }
    }

    private KeySet? LoadKeys()
    {
        switch (ParameterSetName)
        {
            case JwksPathSet:
                return KeySources.FromJwksFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(JwksPath));
            case PublicKeyPathSet:
                return KeySources.FromPemFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(PublicKeyPath));
            case JwksUriSet:
                WriteVerbose($"Keys from {JwksUri.AbsoluteUri}, cached for {_keyTtl.TotalSeconds} s.");
                return JwksCache.Shared.GetKeys(JwksUri, _keyTtl);
            case SkipSet when !SkipSignatureValidation:
                // -SkipSignatureValidation:$false picks the set without a key source: nothing could check a signature.
                throw new RbacException(ErrorIds.TokenKeyNotFound, RbacErrorKind.InvalidArgument, "No key to validate signatures with: -SkipSignatureValidation:$false needs -JwksPath, -JwksUri or -PublicKeyPath instead.");
            default:
                return null;
        }
    }

    private static string[]? Single(string? value) => value is null ? null : new[] { value };
}
