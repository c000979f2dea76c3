namespace ModelRbac.Core.Errors;

/// <summary>The stable error identifiers of the public contract (CONTRACT.md, "Errors").</summary>
public static class ErrorIds
{
    /// <summary>The config file does not exist or cannot be read.</summary>
    public const string ConfigNotFound = nameof(ConfigNotFound);
    /// <summary>The config is not well-formed YAML.</summary>
    public const string ConfigParseError = nameof(ConfigParseError);
    /// <summary>The config is YAML but LiteLLM would refuse it, or it exceeds an input limit.</summary>
    public const string ConfigInvalid = nameof(ConfigInvalid);
    /// <summary>An <c>os.environ/NAME</c> value that a decision needs has no value.</summary>
    public const string ConfigEnvironmentMissing = nameof(ConfigEnvironmentMissing);
    /// <summary>The token is not a compact JWS.</summary>
    public const string TokenMalformed = nameof(TokenMalformed);
    /// <summary>The token's algorithm is not one LiteLLM accepts.</summary>
    public const string TokenAlgorithmNotAllowed = nameof(TokenAlgorithmNotAllowed);
    /// <summary>The signature does not verify.</summary>
    public const string TokenSignatureInvalid = nameof(TokenSignatureInvalid);
    /// <summary>No key matches the token's key id.</summary>
    public const string TokenKeyNotFound = nameof(TokenKeyNotFound);
    /// <summary>The token has expired.</summary>
    public const string TokenExpired = nameof(TokenExpired);
    /// <summary>The token is not valid yet.</summary>
    public const string TokenNotYetValid = nameof(TokenNotYetValid);
    /// <summary>The audience does not match.</summary>
    public const string TokenAudienceInvalid = nameof(TokenAudienceInvalid);
    /// <summary>The issuer does not match.</summary>
    public const string TokenIssuerInvalid = nameof(TokenIssuerInvalid);
    /// <summary>The key set could not be read or fetched.</summary>
    public const string JwksUnavailable = nameof(JwksUnavailable);
    /// <summary>The claims are not a JSON object or are otherwise unusable.</summary>
    public const string ClaimsInvalid = nameof(ClaimsInvalid);
    /// <summary>A role name outside the three RBAC roles.</summary>
    public const string RoleInvalid = nameof(RoleInvalid);
    /// <summary>A policy case file is not YAML, or a case in it is incomplete or contradictory.</summary>
    public const string PolicyCasesInvalid = nameof(PolicyCasesInvalid);
    /// <summary>A policy test run had failing cases.</summary>
    public const string PolicyTestFailed = nameof(PolicyTestFailed);
    /// <summary>A policy test run exercised fewer role_permissions patterns than the coverage threshold asks.</summary>
    public const string PolicyCoverageBelowThreshold = nameof(PolicyCoverageBelowThreshold);
    /// <summary>Pester 5 is needed (to run policy cases) and could not be loaded.</summary>
    public const string PesterNotAvailable = nameof(PesterNotAvailable);
    /// <summary>Test-RbacConfig -FailOn: the lint found something at or above the threshold (or a config could not be read).</summary>
    public const string ConfigLintFailed = nameof(ConfigLintFailed);
    /// <summary>A report file could not be written.</summary>
    public const string ReportWriteFailed = nameof(ReportWriteFailed);
}
