namespace ModelRbac;

/// <summary>Which rules a decision follows: <c>Corrected</c> (what the config means, the default) or <c>Upstream</c> (what LiteLLM does today).</summary>
public enum RbacSemantics
{
    /// <summary>What the config's author means: LiteLLM's known bugs fixed.</summary>
    Corrected = 0,

    /// <summary>What LiteLLM does today, bugs included.</summary>
    Upstream = 1,
}
