using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Tokens;

/// <summary>What <see cref="TokenValidator"/> checks besides the signature (SEMANTICS §6).</summary>
public sealed class TokenValidationOptions
{
    /// <summary>The default size limit: 64 KiB of token text.</summary>
    public const int DefaultMaxTokenLength = 64 * 1024;

    /// <summary>The user-facing name of <see cref="MaxTokenLength"/>.</summary>
    public const string MaxTokenLengthName = "MaxTokenLength";

    /// <summary>Accepted audiences; null or empty: <c>aud</c> is not checked (LiteLLM without JWT_AUDIENCE).</summary>
    public IReadOnlyList<string>? Audiences { get; init; }

    /// <summary>Accepted issuers; null or empty: <c>iss</c> is not checked.</summary>
    public IReadOnlyList<string>? Issuers { get; init; }

    /// <summary>Leeway for exp/nbf/iat (LiteLLM's default 0).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.Zero;

    /// <summary>Skip exp/nbf/iat.</summary>
    public bool IgnoreLifetime { get; init; }

    /// <summary>Decode without verifying the signature (any alg, none included).</summary>
    public bool SkipSignatureValidation { get; init; }

    /// <summary>Longer tokens are refused as TokenMalformed before any decoding.</summary>
    public int MaxTokenLength { get; init; } = DefaultMaxTokenLength;

    /// <summary>Deepest nesting of the payload's objects and arrays (the payload itself counts 1); deeper is ClaimsInvalid.</summary>
    public int MaxClaimDepth { get; init; } = Claims.JwtClaims.DefaultMaxDepth;

    /// <summary>The clock lifetimes are checked against.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;
}
