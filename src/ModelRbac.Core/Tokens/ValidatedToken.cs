using ModelRbac.Core.Claims;

namespace ModelRbac.Core.Tokens;

/// <summary>A token that passed validation: its claims, whether the signature was checked, and a safe label.</summary>
/// <param name="Claims">The payload.</param>
/// <param name="SignatureValidated">False only under SkipSignatureValidation.</param>
/// <param name="Algorithm">The header's alg.</param>
/// <param name="KeyId">The header's kid.</param>
/// <param name="Label">"kid=…, sub=…, jti=…", never the token.</param>
public sealed record ValidatedToken(JwtClaims Claims, bool SignatureValidated, string? Algorithm, string? KeyId, string? Label);
