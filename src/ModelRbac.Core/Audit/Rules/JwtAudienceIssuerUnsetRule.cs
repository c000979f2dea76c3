using System.Collections.Generic;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR013: JWT auth on with neither an audience nor an issuer configured: any token the key set signs passes.</summary>
public sealed class JwtAudienceIssuerUnsetRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR013";

    /// <inheritdoc/>
    public override string Name => "JwtAudienceIssuerUnset";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "JWT auth is on with neither an audience nor an issuer configured.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        var config = context.Config;
        var jwt = config.JwtAuth;

        // JWT auth runs only with enable_jwt_auth; the audience or issuer may come from the per-issuer list or from the
        // JWT_AUDIENCE / JWT_ISSUER variables the config's environment_variables section exports.
        if (!config.EnableJwtAuth
            || jwt.GetWrittenForDisplay("audience") is not null
            || jwt.GetWrittenForDisplay("issuer") is not null
            || jwt.GetWrittenForDisplay("issuers") is not null
            || config.EnvironmentSection.ContainsKey("JWT_AUDIENCE")
            || config.EnvironmentSection.ContainsKey("JWT_ISSUER"))
        {
            yield break;
        }

        yield return Finding(
            "JWT auth is on but litellm_jwtauth sets neither audience nor issuer; unless the proxy's JWT_AUDIENCE or JWT_ISSUER is set, "
            + "tokens minted for other applications by the same identity provider are accepted (LiteLLM PR #27008).",
            jwt.Location);
    }
}
