using System.Collections.Generic;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// The signature algorithms accepted (LiteLLM's list minus EdDSA, per SEMANTICS §6): RSA PKCS#1, RSA-PSS and ECDSA.
/// Never <c>none</c>, never HS* (a public key used as an HMAC secret is the classic key-confusion attack).
/// </summary>
public static class TokenAlgorithms
{
    /// <summary>RS/PS/ES 256/384/512.</summary>
    public static IReadOnlyList<string> Allowed { get; } = new[]
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    /// <summary>Ordinal membership in <see cref="Allowed"/>.</summary>
    public static bool IsAllowed(string? alg)
    {
        foreach (var candidate in Allowed)
        {
            if (string.Equals(candidate, alg, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
