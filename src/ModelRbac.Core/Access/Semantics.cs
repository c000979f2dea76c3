namespace ModelRbac.Core.Access;

/// <summary>Which rules a decision follows (SEMANTICS.md).</summary>
public enum Semantics
{
    /// <summary>What the config's author means: LiteLLM's known bugs fixed, nothing else changed.</summary>
    Corrected = 0,

    /// <summary>What LiteLLM does today, bugs included.</summary>
    Upstream = 1,
}
