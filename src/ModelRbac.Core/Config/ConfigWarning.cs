namespace ModelRbac.Core.Config;

/// <summary>Something in the config that loads but deserves attention (for example a key LiteLLM would refuse).</summary>
public sealed record ConfigWarning(string Code, string Message, SourceLocation Location)
{
    /// <summary>The warning with its location, as shown to users.</summary>
    public override string ToString() => Location.Describe() + ": " + Message;
}
