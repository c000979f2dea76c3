using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using ModelRbac.Core.Access;
using ModelRbac.Core.Audit;
using ModelRbac.Core.Config;
using Xunit;

namespace ModelRbac.Core.Tests.Audit;

/// <summary>The matrix equals the gate cell by cell, and the HTML report read back carries every cell correctly.</summary>
public sealed class AccessMatrixTests
{
    private static readonly RbacConfiguration s_seed = ConfigLoader.LoadFile(TestFiles.Example("seed-repro.yaml"));

    [Fact]
    public void EveryCellEqualsTheGateUnderBothSemantics()
    {
        var matrix = AccessMatrix.Build(s_seed, null, new[] { "claude-3-opus", "gpt-4o" });
        Assert.Equal(RbacRoles.All, matrix.Roles);
        Assert.Equal(new[] { "bedrock-claude-draft-rep-sonnet", "bedrock-claude-haiku", "gpt-4o", "claude-3-opus" }, matrix.Models);
        Assert.True(matrix.IsDeployed(2));
        Assert.False(matrix.IsDeployed(3));
        for (var m = 0; m < matrix.Models.Count; m++)
        {
            for (var r = 0; r < matrix.Roles.Count; r++)
            {
                var decision = ModelGate.Decide(s_seed, matrix.Roles[r], matrix.Models[m], Semantics.Corrected);
                var cell = matrix.Cell(m, r);
                Assert.Equal(decision.Allowed, cell.Corrected.Allowed);
                Assert.Equal(decision.UpstreamAllowed, cell.Upstream.Allowed);
                Assert.Equal(decision.GrantSource, cell.Corrected.Source);
                Assert.Equal(decision.Divergent, cell.Divergent);
                Assert.Equal(decision.MatchedPattern, GrantExplanation.ForModel(s_seed, matrix.Roles[r], cell.Corrected).Entry);
            }
        }
    }

    [Fact]
    public void AnEmptyRoleIsRoleInvalid()
    {
        var ex = Assert.Throws<Errors.RbacException>(() => AccessMatrix.Build(s_seed, new[] { "team", "" }));
        Assert.Equal(Errors.ErrorIds.RoleInvalid, ex.ErrorId);
    }

    [Fact]
    public void TheHtmlReportParsesBackWithEveryCellPresentAndCorrect()
    {
        const string odd = "a<b>&\"c'd";
        var matrix = AccessMatrix.Build(s_seed, null, new[] { odd });
        var findings = ConfigLinter.Lint(s_seed);
        var html = AccessMatrixHtml.Render(matrix, Semantics.Corrected, findings);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);

        var page = Parse(html);
        var rows = page.Descendants("table").Single(t => (string?)t.Attribute("id") == "matrix").Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(matrix.Models, rows.Select(r => (string)r.Attribute("data-model")!));
        Assert.Equal(odd, rows.Last().Element("th")!.Value);
        Assert.Equal("false", (string)rows.Last().Attribute("data-deployed")!);
        for (var m = 0; m < rows.Count; m++)
        {
            var cells = rows[m].Elements("td").ToList();
            Assert.Equal(matrix.Roles, cells.Select(c => (string)c.Attribute("data-role")!));
            for (var r = 0; r < cells.Count; r++)
            {
                var cell = matrix.Cell(m, r);
                Assert.Equal(Bool(cell.Corrected.Allowed), (string)cells[r].Attribute("data-allowed")!);
                Assert.Equal(Bool(cell.Upstream.Allowed), (string)cells[r].Attribute("data-upstream-allowed")!);
                Assert.Equal(Bool(cell.Divergent), (string)cells[r].Attribute("data-divergent")!);
                Assert.Equal(cell.Divergent ? "divergent" : cell.Corrected.Allowed ? "allowed" : "denied", (string)cells[r].Attribute("class")!);
                var title = (string)cells[r].Attribute("title")!;
                var entry = GrantExplanation.ForModel(s_seed, matrix.Roles[r], cell.Corrected).Entry;
                if (entry is not null)
                {
                    Assert.Contains("'" + entry + "'", title);
                }

                Assert.Equal(cell.Divergent, title.Contains("Upstream (LiteLLM today): denied"));
            }
        }

        // The seed's divergent cells: internal_user on the two bedrock models, proxy_admin on the three deployed models.
        var divergent = rows.SelectMany(r => r.Elements("td").Where(c => (string)c.Attribute("data-divergent")! == "true")
            .Select(c => (string)c.Attribute("data-role")! + "/" + (string)r.Attribute("data-model")!)).ToList();
        Assert.Equal(new[] { "proxy_admin/bedrock-claude-draft-rep-sonnet", "internal_user/bedrock-claude-draft-rep-sonnet", "proxy_admin/bedrock-claude-haiku", "internal_user/bedrock-claude-haiku", "proxy_admin/gpt-4o", "proxy_admin/" + odd }, divergent);

        var findingRows = page.Descendants("table").Single(t => (string?)t.Attribute("id") == "findings").Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(findings.Select(f => f.RuleId), findingRows.Select(r => (string)r.Attribute("data-rule")!));
        Assert.Equal(findings.Select(f => f.Message), findingRows.Select(r => r.Elements("td").Last().Value));
    }

    [Fact]
    public void TheUpstreamColouringFollowsTheUpstreamVerdict()
    {
        var matrix = AccessMatrix.Build(s_seed, new[] { "internal_user" });
        var page = Parse(AccessMatrixHtml.Render(matrix, Semantics.Upstream, new LintFinding[0]));
        var allowed = page.Descendants("td").Select(c => (string)c.Attribute("data-allowed")!).ToList();
        Assert.Equal(new[] { "false", "false", "false" }, allowed);
        Assert.Single(page.Descendants("p"), p => (string?)p.Attribute("id") == "no-findings");
    }

    [Fact]
    public void AnUpstreamPageNamesTheUpstreamEntryFirstAndTheCorrectedOneWhereItDiffers()
    {
        // Corrected grants gpt-4o through models[0] 'gpt-*'; today's LiteLLM through models[1] 'gpt-4o'.
        var config = ConfigLoader.LoadText("model_list:\n  - model_name: gpt-4o\ngeneral_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n  role_permissions:\n    - role: team\n      models: [\"gpt-*\", gpt-4o]\n");
        var matrix = AccessMatrix.Build(config, new[] { "team" });
        var cell = Parse(AccessMatrixHtml.Render(matrix, Semantics.Upstream, new LintFinding[0])).Descendants("td").Single();
        var title = (string)cell.Attribute("title")!;
        Assert.StartsWith("Upstream (LiteLLM today): allowed", title);
        Assert.True(title.IndexOf("'gpt-4o'", StringComparison.Ordinal) < title.IndexOf("Corrected: allowed", StringComparison.Ordinal), title);
        Assert.Contains("'gpt-*'", title);
        Assert.Equal("Exact", (string)cell.Attribute("data-grant-source")!);
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
