using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>SEMANTICS §5 under both semantics, with the reference's route vectors (§8, 14-22).</summary>
public sealed class RouteGateTests
{
    private const string Enforced = "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n";

    private static RbacConfiguration Config(string role, string routes) =>
        ConfigLoader.LoadText(Enforced + "  role_permissions:\n    - role: " + role + "\n      routes: " + routes + "\n");

    [Theory]
    // Vectors 14-15: a literal grants exactly itself.
    [InlineData("team", "[/v1/chat/completions]", "/v1/embeddings", false, false, null, null)]
    [InlineData("team", "[/v1/chat/completions]", "/v1/chat/completions", true, true, "/v1/chat/completions", null)]
    // Vector 16: a group name.
    [InlineData("team", "[openai_routes]", "/v1/chat/completions", true, true, "openai_routes", "/v1/chat/completions")]
    // Vectors 17-18: {thread_id} is one segment.
    [InlineData("team", "[openai_routes]", "/v1/threads/thread_abc", true, true, "openai_routes", "/v1/threads/{thread_id}")]
    [InlineData("team", "[openai_routes]", "/v1/threads/a/b", false, false, null, null)]
    // Vector 19: a literal with a placeholder matches nothing upstream; Corrected reads it as a template.
    [InlineData("team", "[\"/v1/threads/{thread_id}\"]", "/v1/threads/abc", false, true, "/v1/threads/{thread_id}", null)]
    [InlineData("team", "[\"/v1/threads/{thread_id}\"]", "/v1/threads/{thread_id}", true, true, "/v1/threads/{thread_id}", null)]
    // Vector 21: a prefix grant after a group (the path is not in openai_routes).
    [InlineData("team", "[openai_routes, \"/model-host/*\"]", "/model-host/v1/extractor/predict", true, true, "/model-host/*", null)]
    // Vector 22: a prefix grant covers paths below it, not the prefix itself.
    [InlineData("team", "[\"/internal-models/*\"]", "/internal-models/anthropic/v1/messages", true, true, "/internal-models/*", null)]
    [InlineData("team", "[\"/internal-models/*\"]", "/internal-models", false, false, null, null)]
    [InlineData("team", "[\"/internal-models/*\"]", "/internal-models/", false, false, null, null)]
    [InlineData("team", "[\"/internal-models/*\"]", "/internal-modelsX/a", false, false, null, null)]
    // Without the slash a trailing '*' is literal text.
    [InlineData("team", "[\"/internal-models*\"]", "/internal-models/a", false, false, null, null)]
    // '*' alone: literal upstream, every route Corrected.
    [InlineData("team", "[\"*\"]", "/v1/chat/completions", false, true, "*", null)]
    // Group names are case-sensitive member names; anything else is a literal.
    [InlineData("team", "[OpenAI_Routes]", "/v1/chat/completions", false, false, null, null)]
    // Composite groups expand their includes.
    [InlineData("internal_user", "[llm_api_routes]", "/v1/messages", true, true, "llm_api_routes", "/v1/messages")]
    [InlineData("internal_user", "[llm_api_routes]", "/v1/mcp/server/a/b", true, true, "llm_api_routes", "/v1/mcp/server/{path:path}")]
    [InlineData("internal_user", "[llm_api_routes]", "/key/generate", false, false, null, null)]
    // A '*' inside a group template is literal: /containers/* grants only the literal path.
    [InlineData("team", "[openai_routes]", "/containers/abc", false, false, null, null)]
    [InlineData("team", "[openai_routes]", "/containers/*", true, true, "openai_routes", "/containers/*")]
    [InlineData("team", "[llm_api_routes]", "/bedrock/model/invoke", false, false, null, null)]
    // openai_route_names' values are host patterns: they match no path, not even their own text.
    [InlineData("team", "[openai_route_names]", "chat_completion", false, false, null, null)]
    [InlineData("team", "[openai_route_names]", "/chat/completions", false, false, null, null)]
    // The first granting entry in list order is reported.
    [InlineData("team", "[info_routes, openai_routes]", "/v1/models", true, true, "info_routes", "/v1/models")]
    [InlineData("team", "[/v1/models, info_routes]", "/v1/models", true, true, "/v1/models", null)]
    // routes: [] denies everything.
    [InlineData("team", "[]", "/v1/models", false, false, null, null)]
    public void Vectors(string role, string routes, string route, bool upstream, bool corrected, string? entry, string? template)
    {
        var config = Config(role, routes);
        var decision = RouteGate.Decide(config, role, route, Semantics.Corrected);
        Assert.Equal(corrected, decision.Allowed);
        Assert.Equal(upstream, decision.UpstreamAllowed);
        Assert.Equal(upstream != corrected, decision.Divergent);
        Assert.Equal(entry, decision.MatchedEntry);
        Assert.Equal(template, decision.MatchedTemplate);
        Assert.Equal(upstream, RouteGate.Decide(config, role, route, Semantics.Upstream).Allowed);
        Assert.Equal(upstream, RouteGate.IsAllowed(config, role, route, Semantics.Upstream));
        Assert.Equal(corrected, RouteGate.IsAllowed(config, role, route, Semantics.Corrected));
    }

    [Fact]
    public void Vector20DenialTextIsLiteLLMs()
    {
        var config = Config("internal_user", "['/v1/models', '/models']");
        var decision = RouteGate.Decide(config, "internal_user", "/v1/chat/completions", Semantics.Upstream);
        Assert.False(decision.Allowed);
        Assert.Equal(403, decision.StatusCode);
        Assert.Equal(
            "Role=internal_user not allowed to call route=/v1/chat/completions. Allowed routes=['/v1/models', '/models']",
            decision.Message);
        Assert.Equal(decision.Message, decision.UpstreamMessage);
        Assert.Null(decision.MatchedEntry);
    }

    [Fact]
    public void TheDenialPrintsGroupNamesUnexpandedWithPythonQuoting()
    {
        var config = Config("team", "[openai_routes, \"/it's/*\"]");
        var decision = RouteGate.Decide(config, "team", "/key/generate", Semantics.Corrected);
        Assert.Equal("Role=team not allowed to call route=/key/generate. Allowed routes=['openai_routes', \"/it's/*\"]", decision.Message);
    }

    [Fact]
    public void RbacNotEnforcedNoEntryNullRoutesAndNoRouteAreAllowed()
    {
        var notEnforced = ConfigLoader.LoadText("general_settings:\n  role_permissions:\n    - role: team\n      routes: []\n");
        Assert.True(RouteGate.Decide(notEnforced, "team", "/v1/models", Semantics.Corrected).Allowed);
        Assert.True(RouteGate.Decide(notEnforced, null, "/v1/models", Semantics.Corrected).Allowed);

        var config = Config("team", "null");
        Assert.True(RouteGate.Decide(config, "team", "/anything", Semantics.Upstream).Allowed);
        Assert.True(RouteGate.Decide(config, "internal_user", "/anything", Semantics.Upstream).Allowed);

        var restricted = Config("team", "[]");
        var noRoute = RouteGate.Decide(restricted, "team", null, Semantics.Upstream);
        Assert.True(noRoute.Allowed);
        Assert.Null(noRoute.Route);
        // An empty path is not "no route": nothing grants it, so it fails closed.
        Assert.False(RouteGate.IsAllowed(restricted, "team", string.Empty, Semantics.Corrected));
        Assert.False(RouteGate.IsAllowed(Config("team", "[\"/*\"]"), "team", string.Empty, Semantics.Corrected));
    }

    [Fact]
    public void NoRoleUnderEnforceRbacIsDeniedWithTheUnmatchedTokenText()
    {
        var config = Config("team", "null");
        foreach (var role in new[] { null, string.Empty })
        {
            var decision = RouteGate.Decide(config, role, "/v1/models", Semantics.Corrected);
            Assert.False(decision.Allowed);
            Assert.False(decision.UpstreamAllowed);
            Assert.Null(decision.Role);
            Assert.Equal(403, decision.StatusCode);
            Assert.Equal(LiteLLMMessages.UnmatchedToken, decision.Message);
        }
    }

    [Fact]
    public void AnInvalidRoleIsRoleInvalidNeverUnrestricted()
    {
        var config = Config("team", "[openai_routes]");
        var error = Assert.Throws<RbacException>(() => RouteGate.Decide(config, "Team", "/v1/models", Semantics.Corrected));
        Assert.Equal(ErrorIds.RoleInvalid, error.ErrorId);
        Assert.Throws<RbacException>(() => RouteGate.IsAllowed(config, "internal_user_viewer", "/v1/models", Semantics.Upstream));
    }

    [Fact]
    public void AnUnsetRoutesVariableFailsTheDecisionNotTheLoad()
    {
        var config = ConfigLoader.LoadText(Enforced + "  role_permissions:\n    - role: team\n      routes: [os.environ/TEAM_ROUTES_UNSET_X]\n");
        var error = Assert.Throws<ConfigException>(() => RouteGate.Decide(config, "team", "/v1/models", Semantics.Corrected));
        Assert.Equal(ErrorIds.ConfigEnvironmentMissing, error.ErrorId);
    }

    [Fact]
    public void StarlettesIntConvertorInALiteralIsATemplateUnderCorrected()
    {
        var config = Config("team", "[\"/key/{id:int}\"]");
        Assert.True(RouteGate.IsAllowed(config, "team", "/key/5", Semantics.Corrected));
        Assert.False(RouteGate.IsAllowed(config, "team", "/key/five", Semantics.Corrected));
        Assert.False(RouteGate.IsAllowed(config, "team", "/key/5", Semantics.Upstream));
    }

    [Fact]
    public void AnUnknownConverterInALiteralStaysLiteralUnderCorrected()
    {
        var config = Config("team", "[\"/key/{id:slug}\"]");
        Assert.False(RouteGate.IsAllowed(config, "team", "/key/1", Semantics.Corrected));
        Assert.True(RouteGate.IsAllowed(config, "team", "/key/{id:slug}", Semantics.Corrected));
    }

    [Theory]
    [InlineData("/v1/chat/completions?x=1", "/v1/chat/completions")]
    [InlineData("/v1/models", "/v1/models")]
    [InlineData("/realtime?model=gpt-4o", "/realtime")]
    [InlineData("?", "")]
    public void StripQueryKeepsThePath(string route, string path) => Assert.Equal(path, RouteGate.StripQuery(route));

    [Fact]
    public void ExpandListsEveryTemplateOfAGroupAndLiteralEntriesAsWritten()
    {
        var config = Config("team", "[anthropic_routes, \"/model-host/*\", \"/v1/threads/{thread_id}\", \"*\"]");
        var corrected = RoleRouteExpander.Expand(config, "team", Semantics.Corrected);
        Assert.Equal(
            new[] { "/v1/messages", "/v1/messages/count_tokens", "/v1/skills", "/v1/skills/{skill_id}", "/model-host/*", "/v1/threads/{thread_id}", "*" },
            System.Linq.Enumerable.Select(corrected, g => g.Template));
        Assert.Equal(
            new[] { "Group", "Group", "Group", "Group", "Prefix", "Template", "AllRoutes" },
            System.Linq.Enumerable.Select(corrected, g => g.Kind));
        var upstream = RoleRouteExpander.Expand(config, "team", Semantics.Upstream);
        Assert.Equal("Literal", upstream[5].Kind);
        Assert.Equal("Literal", upstream[6].Kind);

        var unrestricted = Assert.Single(RoleRouteExpander.Expand(config, "internal_user", Semantics.Corrected));
        Assert.Equal("Unrestricted", unrestricted.Kind);
        Assert.Null(unrestricted.Entry);
        Assert.Empty(RoleRouteExpander.Expand(Config("team", "[]"), "team", Semantics.Corrected));
    }

    [Fact]
    public void DeadEntriesAreFoundWithTheirReason()
    {
        var config = Config("team", "[openai_routes, OpenAI_Routes, openai_route_names, \"/v1/threads/{thread_id}\", \"*\", \"/v1*\", \"/model-host/*\", /v1/models, \"/key/{id:slug}\", nonsense_thing_here]");
        var upstream = DeadRouteFinder.Find(config, "team", Semantics.Upstream);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 8, 9 }, System.Linq.Enumerable.Select(upstream, d => d.RouteIndex));
        Assert.Contains("did you mean 'openai_routes'", upstream[0].Reason);
        Assert.Contains("host patterns", upstream[1].Reason);
        Assert.Contains("compares as text", upstream[2].Reason);
        Assert.Equal("general_settings.role_permissions[0].routes[1]", upstream[0].YamlPath);
        Assert.DoesNotContain("did you mean", upstream[6].Reason);

        var corrected = DeadRouteFinder.Find(config, "team", Semantics.Corrected);
        Assert.Equal(new[] { 1, 2, 5, 8, 9 }, System.Linq.Enumerable.Select(corrected, d => d.RouteIndex));
        Assert.Empty(DeadRouteFinder.Find(config, "internal_user", Semantics.Upstream));
    }
}
