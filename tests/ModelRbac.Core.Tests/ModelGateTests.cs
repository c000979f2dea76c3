using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Text;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>SEMANTICS §4 under both semantics, with the reference's test vectors (§8) where they exist.</summary>
public sealed class ModelGateTests
{
    private const string Enforced = "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n";

    private static RbacConfiguration Config(string rolePermissions, string modelList = "") =>
        ConfigLoader.LoadText(modelList + Enforced + "  role_permissions:\n" + rolePermissions);

    [Fact]
    public void TheSeedIssueWildcardIsDeniedUpstreamAndAllowedCorrected()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Example("seed-repro.yaml"));
        var upstream = ModelGate.Decide(config, "internal_user", "bedrock-claude-draft-rep-sonnet", Semantics.Upstream);
        Assert.False(upstream.Allowed);
        Assert.Equal(403, upstream.StatusCode);
        Assert.Equal("Role=internal_user not allowed to call model=bedrock-claude-draft-rep-sonnet. Allowed models=['bedrock-claude-*']", upstream.Message);
        Assert.True(upstream.Divergent);

        var corrected = ModelGate.Decide(config, "internal_user", "bedrock-claude-draft-rep-sonnet", Semantics.Corrected);
        Assert.True(corrected.Allowed);
        Assert.Equal(GrantSource.Wildcard, corrected.GrantSource);
        Assert.Equal("bedrock-claude-*", corrected.MatchedPattern);
        Assert.Null(corrected.StatusCode);
        Assert.Null(corrected.Message);
        Assert.False(corrected.UpstreamAllowed);
        Assert.Equal(upstream.Message, corrected.UpstreamMessage);
    }

    [Theory]
    // Vectors 1-3: exact grants and denials, same under both.
    [InlineData("    - role: internal_user\n      models: [gpt-4]\n    - role: proxy_admin\n      models: [anthropic-claude]\n", "internal_user", "gpt-4", true, true, "Exact")]
    [InlineData("    - role: internal_user\n      models: [gpt-4]\n", "internal_user", "gpt-4o", false, false, "Denied")]
    [InlineData("    - role: proxy_admin\n      models: [anthropic-claude]\n", "proxy_admin", "gpt-4o", false, false, "Denied")]
    // Vector 5: no entry for the role.
    [InlineData("    []\n", "proxy_admin", "anthropic-claude", true, true, "Unrestricted")]
    // Vector 7: "*" allows nothing upstream, everything corrected.
    [InlineData("    - role: internal_user\n      models: [\"*\"]\n", "internal_user", "gpt-4o", false, true, "AllModels")]
    [InlineData("    - role: internal_user\n      models: [all-proxy-models]\n", "internal_user", "gpt-4o", false, true, "AllModels")]
    // Vector 8: a wildcard that does not match.
    [InlineData("    - role: internal_user\n      models: [bedrock-claude-*]\n", "internal_user", "gpt-4o", false, false, "Denied")]
    // Vector 9: routes only, models null.
    [InlineData("    - role: team\n      routes: [/v1/models]\n", "team", "anything", true, true, "Unrestricted")]
    // Vector 10: [] denies everything, under both.
    [InlineData("    - role: internal_user\n      models: []\n", "internal_user", "gpt-4", false, false, "Denied")]
    // Vector 68 (regex quirk does not apply: '.' is literal in fnmatch).
    [InlineData("    - role: team\n      models: [gpt-4.1*]\n", "team", "gpt-4x1-mini", false, false, "Denied")]
    // '*' literally requested is an exact grant upstream.
    [InlineData("    - role: team\n      models: [\"*\"]\n", "team", "*", true, true, "Exact")]
    // The first entry for a role wins; a later duplicate is ignored.
    [InlineData("    - role: team\n      models: [a]\n    - role: team\n      models: [b]\n", "team", "b", false, false, "Denied")]
    public void Vectors(string rolePermissions, string role, string model, bool upstream, bool corrected, string source)
    {
        var config = Config(rolePermissions);
        var decision = ModelGate.Decide(config, role, model, Semantics.Corrected);
        Assert.Equal(corrected, decision.Allowed);
        Assert.Equal(upstream, decision.UpstreamAllowed);
        Assert.Equal(source, decision.GrantSource.ToString());
        Assert.Equal(upstream != corrected, decision.Divergent);
        Assert.Equal(upstream, ModelGate.Decide(config, role, model, Semantics.Upstream).Allowed);
        Assert.Equal(corrected, ModelGate.IsAllowed(config, role, model, Semantics.Corrected));
        Assert.Equal(upstream, ModelGate.IsAllowed(config, role, model, Semantics.Upstream));
    }

    [Fact]
    public void AccessGroupsGrantUnderCorrectedOnly()
    {
        // Vector 13: a group name in role_permissions.
        var config = Config("    - role: internal_user\n      models: [beta-models]\n", "model_list:\n  - model_name: gpt-4\n    model_info: {access_groups: [beta-models]}\n");
        var decision = ModelGate.Decide(config, "internal_user", "gpt-4", Semantics.Corrected);
        Assert.True(decision.Allowed);
        Assert.Equal(GrantSource.AccessGroup, decision.GrantSource);
        Assert.Equal("beta-models", decision.MatchedPattern);
        Assert.False(decision.UpstreamAllowed);
    }

    [Fact]
    public void AnExactDeploymentsGroupsWinOverAWildcardDeployment()
    {
        // Vector 63: openai/* in public, openai/gpt-4o in private; a role granted public.
        var config = Config(
            "    - role: team\n      models: [public-openai-models]\n",
            "model_list:\n  - model_name: openai/*\n    model_info: {access_groups: [public-openai-models]}\n  - model_name: openai/gpt-4o\n    model_info: {access_groups: [private-openai-models]}\n");
        Assert.True(ModelGate.Decide(config, "team", "openai/gpt-4o-mini", Semantics.Corrected).Allowed);
        Assert.False(ModelGate.Decide(config, "team", "openai/gpt-4o", Semantics.Corrected).Allowed);
    }

    [Fact]
    public void AWildcardNamedDeploymentServesItsOwnNameAloneNotThroughACatchAll()
    {
        // "openai/*" requested as a string is the deployment named so; the catch-all "*" deployment does not serve it.
        var config = Config(
            "    - role: team\n      models: [g-all]\n    - role: internal_user\n      models: [g-openai]\n",
            "model_list:\n  - model_name: openai/*\n    model_info: {access_groups: [g-openai]}\n  - model_name: \"*\"\n    model_info: {access_groups: [g-all]}\n  - model_name: gpt-4o\n");
        Assert.False(ModelGate.Decide(config, "team", "openai/*", Semantics.Corrected).Allowed);
        Assert.True(ModelGate.Decide(config, "internal_user", "openai/*", Semantics.Corrected).Allowed);
        Assert.True(ModelGate.Decide(config, "team", "anthropic/claude", Semantics.Corrected).Allowed);
        Assert.Equal(new[] { "g-openai" }, config.AccessGroups.GroupsServing("openai/*"));
    }

    [Fact]
    public void TheFirstGrantingEntryInListOrderIsReported()
    {
        var config = Config("    - role: team\n      models: [gpt-*, \"*\", gpt-4o, g1]\n", "model_list:\n  - model_name: gpt-4o\n    model_info: {access_groups: [g1]}\n");
        var decision = ModelGate.Decide(config, "team", "gpt-4o", Semantics.Corrected);
        Assert.Equal(GrantSource.Wildcard, decision.GrantSource);
        Assert.Equal("gpt-*", decision.MatchedPattern);
        Assert.Equal(GrantSource.AllModels, ModelGate.Decide(config, "team", "claude", Semantics.Corrected).GrantSource);
        Assert.Equal("gpt-4o", ModelGate.Decide(config, "team", "gpt-4o", Semantics.Upstream).MatchedPattern);
    }

    [Fact]
    public void NoModelAndUnrestrictedAndNotEnforced()
    {
        var config = Config("    - role: team\n      models: [a]\n");
        Assert.Equal(GrantSource.NoModel, ModelGate.Decide(config, "team", null, Semantics.Upstream).GrantSource);
        Assert.Equal(GrantSource.NoModel, ModelGate.Decide(config, "team", "", Semantics.Corrected).GrantSource);
        Assert.Equal(GrantSource.Unrestricted, ModelGate.Decide(config, "proxy_admin", "x", Semantics.Corrected).GrantSource);

        var open = ConfigLoader.LoadText("general_settings:\n  role_permissions:\n    - role: team\n      models: []\n");
        var decision = ModelGate.Decide(open, null, "x", Semantics.Upstream);
        Assert.True(decision.Allowed);
        Assert.Equal(GrantSource.RbacNotEnforced, decision.GrantSource);
        Assert.Null(decision.MatchedPattern);
    }

    [Fact]
    public void NoRoleUnderEnforcementIsTheUnmatchedTokenDenial()
    {
        var config = Config("    - role: team\n      models: [a]\n");
        foreach (var role in new[] { null, "" })
        {
            var decision = ModelGate.Decide(config, role, "a", Semantics.Corrected);
            Assert.False(decision.Allowed);
            Assert.Null(decision.Role);
            Assert.Equal(LiteLLMMessages.UnmatchedToken, decision.Message);
            Assert.Equal(403, decision.StatusCode);
        }
    }

    [Theory]
    [InlineData("internal_user_viewer")]
    [InlineData("Internal_User")]
    [InlineData("admin")]
    public void ARoleOutsideTheThreeIsRoleInvalid(string role)
    {
        var config = Config("    - role: team\n      models: [a]\n");
        var ex = Assertions.Fails<RbacException>(() => ModelGate.Decide(config, role, "a", Semantics.Corrected), ErrorIds.RoleInvalid);
        Assert.Contains("'proxy_admin', 'team', 'internal_user'", ex.Message);
        Assertions.Fails<RbacException>(() => ModelGate.IsAllowed(config, role, "a", Semantics.Upstream), ErrorIds.RoleInvalid);
    }

    [Theory]
    [InlineData(new[] { "bedrock-claude-*" }, "['bedrock-claude-*']")]
    [InlineData(new[] { "a", "b" }, "['a', 'b']")]
    [InlineData(new string[0], "[]")]
    [InlineData(new[] { "it's" }, "[\"it's\"]")]
    [InlineData(new[] { "both ' and \"" }, "['both \\' and \"']")]
    [InlineData(new[] { "back\\slash" }, "['back\\\\slash']")]
    [InlineData(new[] { "tab\tnl\ncr\r" }, "['tab\\tnl\\ncr\\r']")]
    [InlineData(new[] { "\u0001\u007f\u00a0" }, "['\\x01\\x7f\\xa0']")]
    [InlineData(new[] { "é😀中" }, "['é😀中']")]
    [InlineData(new[] { "\u200b\u2028" }, "['\\u200b\\u2028']")]
    // CPython 3.11's Unicode 14 table, not .NET's: U+1FAE8 (Unicode 15) and U+0378 (unassigned) are escaped,
    // U+00AD (a format character) too; U+1FAE0 (Unicode 14) prints.
    [InlineData(new[] { "\U0001FAE8\u0378\u00ad\U0001FAE0" }, "['\\U0001fae8\\u0378\\xad\U0001FAE0']")]
    public void PythonReprOfLists(string[] items, string expected)
    {
        Assert.Equal(expected, PythonRepr.List(items));
    }
}
