using System;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Tokens;
using ModelRbac.Core.Yaml;

namespace ModelRbac;

/// <summary>
/// Input limits for Import-RbacConfig and Get-JwtRbacRole -Limits. Every limit has a default that real configs and
/// tokens stay far below; a hashtable such as <c>@{ MaxConfigCharacters = 64MB }</c> converts to this type and
/// changes only the limits it names. Exceeding a limit is ConfigInvalid, TokenMalformed or ClaimsInvalid naming it.
/// </summary>
public sealed class RbacLimits
{
    private int _maxConfigCharacters = YamlLimits.Default.MaxCharacters;
    private int _maxYamlDepth = YamlLimits.Default.MaxDepth;
    private long _maxYamlNodes = YamlLimits.Default.MaxExpandedNodes;
    private int _maxPatternLength = YamlLimits.Default.MaxPatternLength;
    private int _maxTokenLength = TokenValidationOptions.DefaultMaxTokenLength;
    private int _maxClaimDepth = JwtClaims.DefaultMaxDepth;

    /// <summary>Largest config, in characters (default 16 MiB of text); a file over 4 bytes per allowed character is refused unread.</summary>
    public int MaxConfigCharacters { get => _maxConfigCharacters; set => _maxConfigCharacters = AtLeastOne(value, nameof(MaxConfigCharacters)); }

    /// <summary>Deepest nesting of YAML lists and mappings (default 64).</summary>
    public int MaxYamlDepth { get => _maxYamlDepth; set => _maxYamlDepth = AtLeastOne(value, nameof(MaxYamlDepth)); }

    /// <summary>Most YAML nodes once aliases are expanded (default 1,000,000): bounds alias bombs.</summary>
    public long MaxYamlNodes { get => _maxYamlNodes; set => _maxYamlNodes = value >= 1 ? value : throw OutOfRange(nameof(MaxYamlNodes), 1, long.MaxValue); }

    /// <summary>Longest role_permissions models/routes entry and wildcard model_name, in characters (default 1,024).</summary>
    public int MaxPatternLength { get => _maxPatternLength; set => _maxPatternLength = AtLeastOne(value, nameof(MaxPatternLength)); }

    /// <summary>Longest token, in characters (default 65,536); longer ones are refused before decoding.</summary>
    public int MaxTokenLength { get => _maxTokenLength; set => _maxTokenLength = AtLeastOne(value, nameof(MaxTokenLength)); }

    /// <summary>
    /// Deepest nesting of claims' objects and arrays, the payload counting 1 (default 64, at most 1,000). A signed
    /// token is also read by IdentityModel, which stops at 64 whatever this says.
    /// </summary>
    public int MaxClaimDepth
    {
        get => _maxClaimDepth;
        set => _maxClaimDepth = value is >= 1 and <= JwtClaims.HighestMaxDepth ? value : throw OutOfRange(nameof(MaxClaimDepth), 1, JwtClaims.HighestMaxDepth);
    }

    /// <summary>The config limits as the core reads them.</summary>
    internal YamlLimits ToYamlLimits() => new()
    {
        MaxCharacters = MaxConfigCharacters,
        MaxDepth = MaxYamlDepth,
        MaxExpandedNodes = MaxYamlNodes,
        MaxPatternLength = MaxPatternLength,
    };

    /// <summary>What to do about an exceeded limit, for error records.</summary>
    internal static string HowToRaise(string limit) => limit switch
    {
        nameof(MaxTokenLength) or nameof(MaxClaimDepth) =>
            $"If the input is genuine, raise the limit with Get-JwtRbacRole -Limits @{{ {limit} = <larger value> }}.",
        _ => $"If the config is genuine, load it with Import-RbacConfig -Limits @{{ {limit} = <larger value> }} and pass that RbacConfig to -Config.",
    };

    private static int AtLeastOne(int value, string name) => value >= 1 ? value : throw OutOfRange(name, 1, int.MaxValue);

    private static ArgumentOutOfRangeException OutOfRange(string name, long lowest, long highest) =>
        new(name, $"{name} must be between {lowest} and {highest:N0}.");
}
