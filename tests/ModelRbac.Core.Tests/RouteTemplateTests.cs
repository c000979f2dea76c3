using System;
using ModelRbac.Core.Routing;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>starlette compile_path semantics for group templates (reference §5.2).</summary>
public sealed class RouteTemplateTests
{
    [Theory]
    // {name} is exactly one non-empty segment.
    [InlineData("/v1/threads/{thread_id}", "/v1/threads/abc", true)]
    [InlineData("/v1/threads/{thread_id}", "/v1/threads/a/b", false)]
    [InlineData("/v1/threads/{thread_id}", "/v1/threads/", false)]
    [InlineData("/v1/threads/{thread_id}", "/v1/threads", false)]
    [InlineData("/v1/threads/{thread_id}/runs", "/v1/threads/t1/runs", true)]
    [InlineData("/v1/threads/{thread_id}/runs", "/v1/threads/t1/runs/", false)]
    // {name:path} is anything, slashes and the empty string included, and backtracks for a literal suffix.
    [InlineData("/v1/mcp/server/{path:path}", "/v1/mcp/server/a/b/c", true)]
    [InlineData("/v1/mcp/server/{path:path}", "/v1/mcp/server/", true)]
    [InlineData("/v1/mcp/server/{path:path}", "/v1/mcp/server", false)]
    [InlineData("/v1beta/models/{model_name:path}:generateContent", "/v1beta/models/gemini-1.5:pro/x:generateContent", true)]
    [InlineData("/v1beta/models/{model_name:path}:generateContent", "/v1beta/models/gemini:countTokens", false)]
    [InlineData("/v1beta/models/{model_name:path}:generateContent", "/v1beta/models/:generateContent", true)]
    // starlette's other convertors: int, float and uuid (lower-case hex), each as its regex, whole-span.
    [InlineData("/lit/{id:int}", "/lit/5", true)]
    [InlineData("/lit/{id:int}", "/lit/5x", false)]
    [InlineData("/lit/{id:int}", "/lit/", false)]
    [InlineData("/lit/{id:int}/runs", "/lit/42/runs", true)]
    [InlineData("/lit/{x:float}", "/lit/1.5", true)]
    [InlineData("/lit/{x:float}", "/lit/2", true)]
    [InlineData("/lit/{x:float}", "/lit/1.", false)]
    [InlineData("/lit/{x:float}", "/lit/1.2.3", false)]
    [InlineData("/lit/{u:uuid}", "/lit/123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("/lit/{u:uuid}", "/lit/123E4567-E89B-12D3-A456-426614174000", false)]
    [InlineData("/lit/{u:uuid}", "/lit/123e4567e89b12d3a456426614174000", false)]
    [InlineData("/lit/{id:int}.json", "/lit/12.json", true)]
    // No trailing-slash normalisation: /mcp and /mcp/ are different templates.
    [InlineData("/mcp", "/mcp/", false)]
    [InlineData("/mcp/", "/mcp/", true)]
    [InlineData("/mcp/{subpath}", "/mcp/", false)]
    // Percent-encoded characters are compared as written, never decoded.
    [InlineData("/v1/threads/{thread_id}", "/v1/threads/a%2Fb", true)]
    [InlineData("/v1/models", "/v1/%6Dodels", false)]
    // A '*' or '?' in a template is literal text.
    [InlineData("/containers/*", "/containers/*", true)]
    [InlineData("/containers/*", "/containers/abc", false)]
    [InlineData("/realtime?{model}", "/realtime?gpt-4o", true)]
    [InlineData("/realtime?{model}", "/realtimeX", false)]
    // A '.' is literal, not a regex wildcard.
    [InlineData("/a2a/{agent_id}/.well-known/agent-card.json", "/a2a/x/.well-known/agent-cardXjson", false)]
    [InlineData("/a2a/{agent_id}/.well-known/agent-card.json", "/a2a/x/.well-known/agent-card.json", true)]
    // Case-sensitive, whole string.
    [InlineData("/v1/models", "/V1/models", false)]
    [InlineData("/v1/models", "/v1/models/x", false)]
    // Braces that are not a parameter are literal text.
    [InlineData("/a/{1x}", "/a/{1x}", true)]
    [InlineData("/a/{}", "/a/x", false)]
    // Adjacent parameters still need one character each.
    [InlineData("/a/{x}{y}", "/a/b", false)]
    [InlineData("/a/{x}{y}", "/a/bc", true)]
    // A segment followed by a closing suffix: the segment still cannot be empty or span a '/'.
    [InlineData("/a/{x}.json", "/a/b.json", true)]
    [InlineData("/a/{x}.json", "/a/.json", false)]
    [InlineData("/a/{x}.json", "/a/b/c.json", false)]
    [InlineData("/a/{x}.json", "/a/b.json.json", true)]
    // A path parameter between literals backtracks.
    [InlineData("/a/{p:path}/end/{x}", "/a/b/end/c/end/d", true)]
    [InlineData("/a/{p:path}/end/{x}", "/a/b/end/c/d", false)]
    public void Matches(string template, string path, bool expected)
    {
        Assert.Equal(expected, RouteTemplate.Parse(template).Matches(path.AsSpan()));
    }

    [Theory]
    [InlineData("chat_completion")]
    [InlineData("model_list")]
    public void HostPatternsMatchNoPath(string template)
    {
        var parsed = RouteTemplate.Parse(template);
        Assert.True(parsed.IsHost);
        Assert.False(parsed.Matches(template.AsSpan()));
        Assert.False(parsed.Matches(("/" + template).AsSpan()));
    }

    [Fact]
    public void AnUnknownConverterIsRejectedAsStarletteDoes()
    {
        Assert.False(RouteTemplate.TryParse("/key/{id:slug}", out var template, out var error));
        Assert.Null(template);
        Assert.Contains("'slug'", error);
        Assert.Throws<FormatException>(() => RouteTemplate.Parse("/key/{id:date}"));
    }

    [Theory]
    [InlineData("/v1/threads/{thread_id}", true)]
    [InlineData("/v1/mcp/{p:path}", true)]
    [InlineData("/v1/{1}", false)]
    [InlineData("/v1/threads", false)]
    [InlineData("{", false)]
    public void ParameterSyntax(string text, bool expected) => Assert.Equal(expected, RouteTemplate.HasParameterSyntax(text));
}
