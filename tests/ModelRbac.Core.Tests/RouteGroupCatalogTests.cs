using System;
using System.Collections.Generic;
using System.Linq;
using ModelRbac.Core.Routing;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>The bundled LiteLLMRoutes data: every group resolves, includes expand in order, no cycles.</summary>
public sealed class RouteGroupCatalogTests
{
    [Fact]
    public void EveryGroupResolvesToTemplates()
    {
        Assert.Equal(25, RouteGroupCatalog.Names.Count);
        Assert.Equal("00025c847316ae5d1e0d453e53d204e81f710c3e", RouteGroupCatalog.SourceCommit);
        foreach (var name in RouteGroupCatalog.Names)
        {
            var group = RouteGroupCatalog.Groups[name];
            Assert.NotEmpty(group.Templates);
            Assert.All(group.Includes, include => Assert.True(RouteGroupCatalog.Groups.ContainsKey(include), include));
        }
    }

    [Fact]
    public void IncludesExpandAfterOwnTemplatesInOrder()
    {
        var llm = RouteGroupCatalog.Groups["llm_api_routes"];
        var expected = new List<string>();
        foreach (var include in new[]
        {
            "openai_routes", "anthropic_routes", "google_routes", "mapped_pass_through_routes", "passthrough_routes_wildcard",
            "apply_guardrail_routes", "mcp_routes", "litellm_native_routes", "agent_routes",
        })
        {
            expected.AddRange(RouteGroupCatalog.Groups[include].Templates.Select(t => t.Text));
        }

        Assert.Equal(expected, llm.Templates.Select(t => t.Text));

        // Nested: org_admin_allowed_routes includes management_routes, which includes key_management_routes.
        var org = RouteGroupCatalog.Groups["org_admin_allowed_routes"].Templates.Select(t => t.Text).ToList();
        Assert.Contains("/key/{key_id}/regenerate", org);
        var management = RouteGroupCatalog.Groups["management_routes"].Templates.Select(t => t.Text).ToList();
        Assert.Equal("/user/new", management[0]);
        Assert.Equal("/key/aliases", management[management.Count - 1]);
    }

    [Fact]
    public void EveryTemplateUsesOnlyStarletteConvertersAndNoGroupIsAHostPatternExceptTheNames()
    {
        foreach (var name in RouteGroupCatalog.Names)
        {
            var hosts = RouteGroupCatalog.Groups[name].Templates.Where(t => t.IsHost).ToList();
            if (name == "openai_route_names")
            {
                Assert.Equal(RouteGroupCatalog.Groups[name].Templates.Count, hosts.Count);
            }
            else
            {
                Assert.Empty(hosts);
            }
        }
    }

    [Fact]
    public void TheIndexAnswersAsALinearScanForEverySampleRouteOfEveryGroup()
    {
        var samples = new List<string> { "/", "/v1", "/v1/", "/unknown/path", "/v1beta/models/a/b:countTokens" };
        foreach (var group in RouteGroupCatalog.Groups.Values)
        {
            foreach (var template in group.Templates)
            {
                var text = System.Text.RegularExpressions.Regex.Replace(template.Text, "\\{[a-zA-Z_][a-zA-Z0-9_]*:path\\}", "p/q");
                text = System.Text.RegularExpressions.Regex.Replace(text, "\\{[a-zA-Z_][a-zA-Z0-9_]*\\}", "seg");
                samples.Add(text);
                samples.Add(text + "/");
                samples.Add(text + "/x");
            }
        }

        foreach (var group in RouteGroupCatalog.Groups.Values)
        {
            foreach (var path in samples)
            {
                var expected = -1;
                for (var i = 0; i < group.Templates.Count && expected < 0; i++)
                {
                    expected = group.Templates[i].Matches(path.AsSpan()) ? i : -1;
                }

                Assert.True(expected == group.Set.FirstMatch(path), group.Name + " " + path);
            }
        }
    }

    [Fact]
    public void ACycleOrAnUnknownIncludeFailsTheLoad()
    {
        const string cycle = "{\"source\":{\"commit\":\"x\"},\"groups\":{\"a\":{\"templates\":[\"/a\"],\"includes\":[\"b\"]},\"b\":{\"includes\":[\"a\"]}}}";
        Assert.Contains("cycle", Assert.Throws<FormatException>(() => RouteGroupCatalog.Load(cycle)).Message);
        const string unknown = "{\"source\":{\"commit\":\"x\"},\"groups\":{\"a\":{\"includes\":[\"nope\"]}}}";
        Assert.Contains("'nope'", Assert.Throws<FormatException>(() => RouteGroupCatalog.Load(unknown)).Message);
        const string converter = "{\"source\":{\"commit\":\"x\"},\"groups\":{\"a\":{\"templates\":[\"/k/{id:slug}\"]}}}";
        Assert.Throws<FormatException>(() => RouteGroupCatalog.Load(converter));
    }

    [Fact]
    public void TheFirstMatchingTemplateInListOrderIsReported()
    {
        var set = new RouteTemplateSet(new[] { "/a/{x}", "/a/b", "/a/{y}" }.Select(RouteTemplate.Parse).ToList());
        Assert.Equal(0, set.FirstMatch("/a/b"));
        var literalFirst = new RouteTemplateSet(new[] { "/a/b", "/a/{x}" }.Select(RouteTemplate.Parse).ToList());
        Assert.Equal(0, literalFirst.FirstMatch("/a/b"));
        Assert.Equal(1, literalFirst.FirstMatch("/a/c"));
        Assert.Equal(-1, literalFirst.FirstMatch("/a"));
    }
}
