using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ModelRbac.Core.Audit;

/// <summary>
/// Writes lint findings as SARIF 2.1.0 (one run, tool ModelRbac with every rule's metadata), the format code-scanning
/// UIs read. Locations are relative to <c>baseDirectory</c> when the file is under it, as those UIs expect.
/// </summary>
public static class SarifLog
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema URI written in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The SARIF document for <paramref name="findings"/>, as indented JSON.</summary>
    public static string Write(IReadOnlyList<LintFinding> findings, string toolVersion, string? baseDirectory = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", Version);
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, toolVersion);
            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(json, finding, baseDirectory);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ModelRbac");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", "https://github.com/BerriAI/litellm/issues/27536");
        json.WriteStartArray("rules");
        foreach (var rule in LintRules.All)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Summary);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, LintFinding finding, string? baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", RuleIndex(finding.RuleId));
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(finding.Location.File, baseDirectory));
        json.WriteEndObject();
        if (finding.Location.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", finding.Location.Line);
            if (finding.Location.Column > 0)
            {
                json.WriteNumber("startColumn", finding.Location.Column);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (finding.Location.YamlPath.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.Location.YamlPath);
            json.WriteString("kind", "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static int RuleIndex(string id)
    {
        for (var i = 0; i < LintRules.All.Count; i++)
        {
            if (LintRules.All[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A relative URI (forward slashes) under the base directory, else an absolute file URI, else "config.yaml".</summary>
    private static string ArtifactUri(string? file, string? baseDirectory)
    {
        if (string.IsNullOrEmpty(file))
        {
            return "config.yaml";
        }

        var full = Path.GetFullPath(file);
        if (baseDirectory is not null)
        {
            var root = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (full.StartsWith(root, StringComparison.Ordinal))
            {
                var segments = full.Substring(root.Length).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                return string.Join("/", Array.ConvertAll(segments, Uri.EscapeDataString));
            }
        }

        return new Uri(full).AbsoluteUri;
    }
}
