using System.Collections.Generic;

namespace ModelRbac.Core.Yaml;

/// <summary>A node of a parsed YAML document with its 1-based start position. Aliases share the anchored node.</summary>
internal abstract class YNode
{
    protected YNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Nodes this subtree stands for once aliases are expanded (saturating), used to refuse alias bombs.</summary>
    public long ExpandedSize { get; set; } = 1;

    /// <summary>A short word for error messages: "a mapping", "a list", "a string".</summary>
    public abstract string Describe();
}

/// <summary>A scalar, with the facts needed to type it as PyYAML's SafeLoader would.</summary>
internal sealed class YScalar : YNode
{
    public YScalar(string value, bool isPlain, string? tag, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsPlain = isPlain;
        Tag = tag;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public string? Tag { get; }

    public ScalarType Type => YamlScalarTyping.Resolve(this);

    public override string Describe() => Type switch
    {
        ScalarType.Null => "null",
        ScalarType.Bool => "a boolean",
        ScalarType.Int => "an integer",
        ScalarType.Float => "a number",
        _ => "a string",
    };
}

/// <summary>A YAML sequence (a Python list).</summary>
internal sealed class YSequence : YNode
{
    public YSequence(int line, int column)
        : base(line, column)
    {
    }

    public List<YNode> Items { get; } = new();

    public override string Describe() => "a list";
}

/// <summary>A YAML mapping (a Python dict); later duplicate keys replace earlier ones, as in PyYAML.</summary>
internal sealed class YMapping : YNode
{
    public YMapping(int line, int column)
        : base(line, column)
    {
    }

    public List<KeyValuePair<YNode, YNode>> Entries { get; } = new();

    public override string Describe() => "a mapping";

    /// <summary>The value of the last entry whose key is the scalar <paramref name="key"/>, else null.</summary>
    public YNode? Get(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key is YScalar scalar && scalar.Value == key)
            {
                return Entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>The key node of the last entry named <paramref name="key"/>, for locating errors.</summary>
    public YNode? GetKeyNode(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key is YScalar scalar && scalar.Value == key)
            {
                return scalar;
            }
        }

        return null;
    }
}
