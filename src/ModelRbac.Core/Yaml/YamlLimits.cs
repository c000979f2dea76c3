namespace ModelRbac.Core.Yaml;

/// <summary>Bounds on what a config may cost to read; each has a default that real configs stay far below.</summary>
public sealed record YamlLimits
{
    /// <summary>Largest config accepted, in characters (default 16 Mi).</summary>
    public int MaxCharacters { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes the document may stand for once aliases are expanded (default 1,000,000).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>The defaults.</summary>
    public static YamlLimits Default { get; } = new();
}
