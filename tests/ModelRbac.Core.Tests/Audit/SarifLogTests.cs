using System.IO;
using System.Linq;
using System.Text.Json;
using ModelRbac.Core.Audit;
using Xunit;

namespace ModelRbac.Core.Tests.Audit;

/// <summary>The SARIF output has the shape SARIF 2.1.0 requires and code-scanning UIs read.</summary>
public sealed class SarifLogTests
{
    [Fact]
    public void FindingsBecomeResultsWithRuleMetadataLevelsAndRelativeLocations()
    {
        var folder = Path.GetDirectoryName(TestFiles.Example("seed-repro.yaml"))!;
        var findings = ConfigLinter.LintFile(TestFiles.Example("seed-repro.yaml")).Findings;
        using var document = JsonDocument.Parse(SarifLog.Write(findings, "0.1.0", Path.GetDirectoryName(folder)));
        var root = document.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifLog.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ModelRbac", driver.GetProperty("name").GetString());
        Assert.Equal("0.1.0", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(LintRules.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(findings.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            Assert.Equal(findings[i].RuleId, result.GetProperty("ruleId").GetString());
            Assert.Equal(findings[i].RuleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            Assert.Equal(findings[i].Message, result.GetProperty("message").GetProperty("text").GetString());
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray().ToList());
            var physical = location.GetProperty("physicalLocation");
            Assert.Equal("examples/seed-repro.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(findings[i].Location.Line, physical.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.True(physical.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
            Assert.Equal(findings[i].Location.YamlPath, location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        }
    }

    [Fact]
    public void AnUnloadableConfigIsOneErrorResultAndNoFindingsIsAnEmptyRun()
    {
        var failed = ConfigLinter.LintText("a: [\n", "broken.yaml").Findings;
        using var document = JsonDocument.Parse(SarifLog.Write(failed, "0.1.0"));
        var result = Assert.Single(document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList());
        Assert.Equal("MR001", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.StartsWith("file:///", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

        using var empty = JsonDocument.Parse(SarifLog.Write(new LintFinding[0], "0.1.0"));
        Assert.Empty(empty.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }
}
