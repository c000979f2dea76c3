namespace ModelRbac.Core.Yaml;

/// <summary>
/// Bounds on what a config may cost to read and to evaluate; each has a default that real configs stay far below.
/// Exceeding one is ConfigInvalid naming the limit (<see cref="Errors.RbacException.Limit"/>).
/// </summary>
public sealed record YamlLimits
{
    /// <summary>The user-facing name of <see cref="MaxCharacters"/>.</summary>
    public const string MaxCharactersName = "MaxConfigCharacters";

    /// <summary>The user-facing name of <see cref="MaxDepth"/>.</summary>
    public const string MaxDepthName = "MaxYamlDepth";

    /// <summary>The user-facing name of <see cref="MaxExpandedNodes"/>.</summary>
    public const string MaxExpandedNodesName = "MaxYamlNodes";

    /// <summary>The user-facing name of <see cref="MaxPatternLength"/>.</summary>
    public const string MaxPatternLengthName = "MaxPatternLength";

    /// <summary>Largest config accepted, in characters (default 16 Mi).</summary>
    public int MaxCharacters { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes the document may stand for once aliases are expanded (default 1,000,000).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Longest <c>role_permissions</c> models/routes entry and wildcard <c>model_name</c>, in characters (default 1,024).
    /// Matching costs name length × pattern length, so a huge pattern would make every decision slow.
    /// </summary>
    public int MaxPatternLength { get; init; } = 1024;

    /// <summary>The defaults.</summary>
    public static YamlLimits Default { get; } = new();
}
