using Microsoft.IdentityModel.Tokens;

namespace ModelRbac.Core.Tokens;

/// <summary>One public key of a key set: its kid (null when it has none) and the key, or null when unusable.</summary>
/// <param name="KeyId">The JWK's <c>kid</c>.</param>
/// <param name="Key">The key for signature checks; null for a key type LiteLLM could not use (oct, OKP...).</param>
/// <param name="KeyType">The JWK's <c>kty</c>, for messages.</param>
public sealed record VerificationKey(string? KeyId, SecurityKey? Key, string KeyType);
