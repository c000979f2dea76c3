using System.Linq;
using ModelRbac.Core.Access;
using ModelRbac.Core.Audit;
using ModelRbac.Core.Config;
using Xunit;

namespace ModelRbac.Core.Tests.Audit;

/// <summary>The semantic diff on hand-made config pairs: models and route templates, both directions, entries on each side.</summary>
public sealed class ConfigComparerTests
{
    private const string Models =
        "model_list:\n" +
        "  - model_name: gpt-4o\n" +
        "  - model_name: claude-haiku\n" +
        "  - model_name: claude-opus\n";

    private static RbacConfiguration Load(string rolePermissions, string enforce = "true", string path = "a.yaml") =>
        ConfigLoader.LoadText(Models + "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: " + enforce + "\n  role_permissions:\n" + rolePermissions, path);

    [Fact]
    public void AnAddedWildcardGrantsTheModelsItMatchesAndNamesTheEntryAndLine()
    {
        var before = Load("    - role: internal_user\n      models: [gpt-4o]\n", path: "before.yaml");
        var after = Load("    - role: internal_user\n      models:\n        - gpt-4o\n        - \"claude-*\"\n", path: "after.yaml");

        var changes = ConfigComparer.Compare(before, Semantics.Corrected, after, Semantics.Corrected);

        Assert.Equal(new[] { "claude-haiku", "claude-opus" }, changes.Select(c => c.Name));
        Assert.All(changes, change =>
        {
            Assert.Equal(AccessSubjectKind.Model, change.Kind);
            Assert.Equal("internal_user", change.Role);
            Assert.Equal(AccessChangeKind.Granted, change.Change);
            Assert.False(change.Reference.Allowed);
            Assert.Equal("Denied", change.Reference.Source);
            Assert.Null(change.Reference.Explanation.Entry);
            Assert.Equal("general_settings.role_permissions[0].models", change.Reference.Explanation.Location!.YamlPath);
            Assert.Equal("before.yaml", change.Reference.Explanation.Location.File);
            Assert.True(change.Difference.Allowed);
            Assert.Equal("Wildcard", change.Difference.Source);
            Assert.Equal("claude-*", change.Difference.Explanation.Entry);
            Assert.Equal("general_settings.role_permissions[0].models[1]", change.Difference.Explanation.Location!.YamlPath);
            Assert.Equal(12, change.Difference.Explanation.Location.Line);
        });
    }

    [Fact]
    public void RestrictingAnUnrestrictedRoleRevokesWhatTheNewListLacks()
    {
        var before = Load("    - role: internal_user\n      models: [gpt-4o]\n");
        var after = Load("    - role: internal_user\n      models: [gpt-4o]\n    - role: team\n      models: [claude-haiku]\n");

        var changes = ConfigComparer.Compare(before, Semantics.Corrected, after, Semantics.Corrected, new[] { "team" });
        Assert.Equal(new[] { "gpt-4o", "claude-opus" }, changes.Where(c => c.Kind == AccessSubjectKind.Model).Select(c => c.Name));
        var change = changes.Single(c => c.Name == "claude-opus");
        Assert.Equal(("team", AccessChangeKind.Revoked), (change.Role, change.Change));
        Assert.Equal("Unrestricted", change.Reference.Source);
        Assert.Null(change.Reference.Explanation.Location);
        Assert.Contains("no role_permissions entry for team", change.Reference.Explanation.Text);
        Assert.Equal("Denied", change.Difference.Source);
        Assert.Equal("general_settings.role_permissions[1].models", change.Difference.Explanation.Location!.YamlPath);
    }
    [Fact]
    public void TurningEnforcementOnRevokesWithRbacNotEnforcedOnTheReferenceSide()
    {
        var before = Load("    - role: internal_user\n      models: [gpt-4o]\n", enforce: "false");
        var after = Load("    - role: internal_user\n      models: [gpt-4o]\n");
        var changes = ConfigComparer.Compare(before, Semantics.Corrected, after, Semantics.Corrected, new[] { "internal_user" });
        var models = changes.Where(c => c.Kind == AccessSubjectKind.Model).ToList();
        Assert.Equal(new[] { "claude-haiku", "claude-opus" }, models.Select(c => c.Name));
        Assert.All(models, c => Assert.Equal("RbacNotEnforced", c.Reference.Source));
        Assert.All(models, c => Assert.Equal("general_settings.litellm_jwtauth.enforce_rbac", c.Reference.Explanation.Location!.YamlPath));
    }

    [Fact]
    public void TheSameConfigOnBothSidesHasNoChanges()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Example("route-gate.yaml"));
        Assert.Empty(ConfigComparer.Compare(config, Semantics.Corrected, config, Semantics.Corrected));
        Assert.Empty(ConfigComparer.Compare(config, Semantics.Upstream, config, Semantics.Upstream));
    }

    [Fact]
    public void AcrossSemanticsTheSeedConfigLosesItsWildcardGrantsOnTodaysLiteLLM()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Example("seed-repro.yaml"));
        var changes = ConfigComparer.Compare(config, Semantics.Corrected, config, Semantics.Upstream);
        Assert.All(changes, c => Assert.Equal(AccessChangeKind.Revoked, c.Change));
        Assert.Equal(
            new[] { "proxy_admin bedrock-claude-draft-rep-sonnet *", "proxy_admin bedrock-claude-haiku *", "proxy_admin gpt-4o *", "internal_user bedrock-claude-draft-rep-sonnet bedrock-claude-*", "internal_user bedrock-claude-haiku bedrock-claude-*" },
            changes.Select(c => c.Role + " " + c.Name + " " + c.Reference.Explanation.Entry));
        Assert.All(changes, c => Assert.Equal(Semantics.Upstream, c.Difference.Semantics));
    }

    [Fact]
    public void AnAddedPrefixRouteGrantsItsWitnessPathAndAGroupSwapMovesTemplates()
    {
        var before = Load("    - role: team\n      routes: [info_routes]\n");
        var after = Load("    - role: team\n      routes: [info_routes, \"/model-host/*\"]\n");
        var change = Assert.Single(ConfigComparer.Compare(before, Semantics.Corrected, after, Semantics.Corrected, new[] { "team" }));
        Assert.Equal(AccessSubjectKind.Route, change.Kind);
        Assert.Equal(("/model-host/*", "/model-host/sample", AccessChangeKind.Granted), (change.Name, change.Path, change.Change));
        Assert.Equal("/model-host/*", change.Difference.Explanation.Entry);
        Assert.Equal("general_settings.role_permissions[0].routes[1]", change.Difference.Explanation.Location!.YamlPath);
        Assert.Equal("Entry", change.Difference.Source);
        Assert.Equal("Denied", change.Reference.Source);
    }

    [Fact]
    public void APrefixGrantBesideAOneSegmentTemplateIsSeenOnADeeperPath()
    {
        // openai_routes has /v1/threads/{thread_id}: one segment under /v1/threads is granted on both sides,
        // so only a deeper path shows what "/v1/threads/*" adds, or what replacing it by templates takes away.
        var groupOnly = Load("    - role: team\n      routes: [openai_routes]\n");
        var withPrefix = Load("    - role: team\n      routes: [openai_routes, \"/v1/threads/*\"]\n");
        var gained = Assert.Single(ConfigComparer.Compare(groupOnly, Semantics.Corrected, withPrefix, Semantics.Corrected, new[] { "team" }));
        Assert.Equal(("/v1/threads/*", "/v1/threads/sample/deeper/path", AccessChangeKind.Granted), (gained.Name, gained.Path, gained.Change));
        Assert.Equal("/v1/threads/*", gained.Difference.Explanation.Entry);

        var prefixes = Load("    - role: team\n      routes: [\"/mcp/*\", \"/v1/threads/*\"]\n");
        var templates = Load("    - role: team\n      routes: [mcp_routes, \"/v1/threads/{thread_id}\"]\n");
        var revoked = ConfigComparer.Compare(prefixes, Semantics.Corrected, templates, Semantics.Corrected, new[] { "team" })
            .Where(c => c.Change == AccessChangeKind.Revoked).Select(c => (c.Name, c.Path)).ToList();
        Assert.Contains(("/v1/threads/*", "/v1/threads/sample/deeper/path"), revoked);
        Assert.Contains(revoked, c => c.Name == "/mcp/*");
    }

    [Fact]
    public void APlaceholderLiteralIsRevokedOnTodaysLiteLLMDecidedOnARealPath()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Example("route-gate.yaml"));
        var changes = ConfigComparer.Compare(config, Semantics.Corrected, config, Semantics.Upstream, new[] { "internal_user" });
        var change = Assert.Single(changes);
        Assert.Equal(("/v1/threads/{thread_id}", "/v1/threads/sample", AccessChangeKind.Revoked), (change.Name, change.Path, change.Change));
        Assert.Equal("/v1/threads/{thread_id}", change.Reference.Explanation.Entry);
        Assert.Equal(20, change.Reference.Explanation.Location!.Line);
        Assert.False(change.Difference.Allowed);
    }

    [Fact]
    public void ReplacingAGroupByAWiderOneGrantsOnlyTheTemplatesItAdds()
    {
        var before = Load("    - role: team\n      routes: [openai_routes]\n");
        var after = Load("    - role: team\n      routes: [openai_routes, info_routes]\n");
        var changes = ConfigComparer.Compare(before, Semantics.Corrected, after, Semantics.Corrected, new[] { "team" });
        Assert.NotEmpty(changes);
        Assert.All(changes, c =>
        {
            Assert.Equal(AccessChangeKind.Granted, c.Change);
            Assert.Equal("info_routes", c.Difference.Explanation.Entry);
            Assert.False(Routing.RouteGroupCatalog.Groups["openai_routes"].Set.FirstMatch(c.Path) >= 0);
        });
        Assert.Contains(changes, c => c.Name == "/v1/models" || c.Name == "/model/info");
    }

    [Fact]
    public void ExtraModelsAreComparedByName()
    {
        var before = Load("    - role: internal_user\n      models: [\"gpt-*\"]\n");
        var after = Load("    - role: internal_user\n      models: [gpt-4o]\n");
        var changes = ConfigComparer.Compare(before, Semantics.Corrected, after, Semantics.Corrected, new[] { "internal_user" }, new[] { "gpt-5", "gpt-4o" });
        var change = Assert.Single(changes);
        Assert.Equal(("gpt-5", AccessChangeKind.Revoked, "gpt-*"), (change.Name, change.Change, change.Reference.Explanation.Entry));
    }
}
