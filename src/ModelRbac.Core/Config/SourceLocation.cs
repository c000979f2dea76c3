using System.Text;

namespace ModelRbac.Core.Config;

/// <summary>A place in a config: the file (null for inline YAML), the YAML path and the 1-based line and column.</summary>
public sealed record SourceLocation(string? File, string YamlPath, int Line, int Column)
{
    /// <summary>"file:line:column (yaml.path)", leaving out what is unknown.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(File ?? "<yaml>");
        if (Line > 0)
        {
            text.Append(':').Append(Line).Append(':').Append(Column);
        }

        if (YamlPath.Length > 0)
        {
            text.Append(" (").Append(YamlPath).Append(')');
        }

        return text.ToString();
    }
}
