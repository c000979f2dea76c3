using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ModelRbac.Core.Audit;
using ModelRbac.Core.Claims;
using Xunit;

namespace ModelRbac.Core.Tests.Audit;

/// <summary>Every lint rule: a config that triggers it (with the finding's YAML path and line) and one that does not.</summary>
public sealed class LintRuleTests
{
    private const string Models =
        "model_list:\n" +
        "  - model_name: gpt-4o\n" +
        "  - model_name: bedrock-claude-haiku\n" +
        "    model_info:\n" +
        "      access_groups: [claude-group]\n";

    // JWT auth with an audience, RBAC on: clean by itself.
    private static string Config(string jwtExtra = "", string rolePermissions = "    - role: internal_user\n      models: [gpt-4o]\n", string enforce = "true") =>
        Models +
        "general_settings:\n" +
        "  litellm_jwtauth:\n" +
        "    enforce_rbac: " + enforce + "\n" +
        "    audience: api://litellm\n" +
        jwtExtra +
        "  role_permissions:\n" +
        rolePermissions;

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // rule, triggering YAML, expected YAML path, marker text on the expected line, clean YAML
        { "MR001", Models + "general_settings:\n  role_permissions: *undefined_anchor\n", "", "*undefined_anchor", Config() },
        { "MR001", Config(rolePermissions: "    - role: team\n      models: 5\n"), "general_settings.role_permissions[0].models", "models: 5", Config() },
        { "MR002", Config(rolePermissions: "    - role: internal_users\n      models: [gpt-4o]\n"), "general_settings.role_permissions[0].role", "role: internal_users", Config() },
        { "MR002", Config("    roles_jwt_field: roles\n    role_mappings:\n      - role: admins\n        internal_role: admin\n"), "general_settings.litellm_jwtauth.role_mappings[0].internal_role", "internal_role: admin", Config("    roles_jwt_field: roles\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n") },
        { "MR003", Config("    user_roles_jwt_field: roles\n"), "general_settings.litellm_jwtauth.user_roles_jwt_field", "user_roles_jwt_field", Config("    user_roles_jwt_field: roles\n    user_allowed_roles: [llm-user]\n") },
        { "MR003", Config("    user_allowed_roles: [llm-user]\n"), "general_settings.litellm_jwtauth.user_allowed_roles", "user_allowed_roles", Config("    user_roles_jwt_field: roles\n    user_allowed_roles: [llm-user]\n") },
        { "MR004", Config("    object_id_jwt_field: oid\n"), "general_settings.litellm_jwtauth.object_id_jwt_field", "object_id_jwt_field", Config("    object_id_jwt_field: oid\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n") },
        { "MR005", Config("    team_id_jwt_fields: groups\n"), "general_settings.litellm_jwtauth.team_id_jwt_fields", "team_id_jwt_fields", Config("    team_id_jwt_field: groups\n") },
        { "MR006", Config(rolePermissions: "    - role: internal_user\n      models: [gpt-4o, \"bedrock-*\"]\n"), "general_settings.role_permissions[0].models[1]", "bedrock-*", Config() },
        { "MR006", Config(rolePermissions: "    - role: team\n      models:\n        - claude-group\n"), "general_settings.role_permissions[0].models[0]", "- claude-group", Config(rolePermissions: "    - role: team\n      models:\n        - bedrock-claude-haiku\n") },
        { "MR007", Config(rolePermissions: "    - role: internal_user\n      models:\n        - gpt-4o\n        - gtp-4o\n"), "general_settings.role_permissions[0].models[1]", "- gtp-4o", Config() },
        { "MR008", Config(rolePermissions: "    - role: internal_user\n      models: [gpt-4o]\n    - role: \"internal_user\"\n      models: [bedrock-claude-haiku]\n"), "general_settings.role_permissions[1]", "role: \"internal_user\"", Config(rolePermissions: "    - role: internal_user\n      models: [gpt-4o]\n    - role: team\n      models: [bedrock-claude-haiku]\n") },
        { "MR009", Config(enforce: "false"), "general_settings.role_permissions", "  role_permissions:", Config() },
        { "MR010", Config("    user_id_jwt_field: sub\n    roles_jwt_field: roles\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n"), "general_settings.litellm_jwtauth.role_mappings", "    role_mappings:", Config("    roles_jwt_field: roles\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n") },
        { "MR010", Config("    team_id_default: default-team\n    roles_jwt_field: roles\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n"), "general_settings.litellm_jwtauth.role_mappings", "    role_mappings:", Config("    team_id_default: default-team\n") },
        { "MR011", Config("    scope_mappings:\n      - scope: litellm.api\n        models:\n          - gpt-4o\n          - \"gpt-*\"\n"), "general_settings.litellm_jwtauth.scope_mappings[0].models[1]", "\"gpt-*\"", Config("    scope_mappings:\n      - scope: litellm.api\n        models: [gpt-4o]\n") },
        { "MR012", Config(rolePermissions: "    - role: team\n      models:\n        - all-proxy-models\n"), "general_settings.role_permissions[0].models[0]", "- all-proxy-models", Config(rolePermissions: "    - role: proxy_admin\n      models:\n        - all-proxy-models\n") },
        { "MR012", Config(rolePermissions: "    - role: internal_user\n      routes:\n        - \"*\"\n"), "general_settings.role_permissions[0].routes[0]", "- \"*\"", Config(rolePermissions: "    - role: proxy_admin\n      routes:\n        - \"*\"\n") },
        { "MR012", Config(rolePermissions: "    - role: team\n      routes:\n        - \"/*\"\n"), "general_settings.role_permissions[0].routes[0]", "- \"/*\"", Config(rolePermissions: "    - role: team\n      routes:\n        - \"/v1/*\"\n") },
        { "MR013", Models + "general_settings:\n  enable_jwt_auth: true\n  litellm_jwtauth:\n    user_id_jwt_field: sub\n", "general_settings.litellm_jwtauth", "litellm_jwtauth:", Config() },
        { "MR015", Config(rolePermissions: "    - role: team\n      routes:\n        - openai_route\n"), "general_settings.role_permissions[0].routes[0]", "- openai_route", Config(rolePermissions: "    - role: team\n      routes:\n        - openai_routes\n") },
        { "MR016", Config(rolePermissions: "    - role: team\n      routes:\n        - \"/v1/threads/{thread_id}\"\n"), "general_settings.role_permissions[0].routes[0]", "{thread_id}", Config(rolePermissions: "    - role: team\n      routes:\n        - /v1/models\n") },
        { "MR018", Config("    scope_mappings:\n      - scope: litellm.api\n        models: [gpt-4o]\n"), "general_settings.litellm_jwtauth.scope_mappings", "scope_mappings", Config("    enforce_scope_based_access: true\n    scope_mappings:\n      - scope: litellm.api\n        models: [gpt-4o]\n") },
        { "MR017", Config(rolePermissions: "    - role: team\n      models: [os.environ/TEAM_MODELS_UNSET_IN_TESTS]\n"), "general_settings.role_permissions[0].models[0]", "TEAM_MODELS_UNSET_IN_TESTS", Config() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheRuleFiresWithItsPlaceAndStaysQuietOnTheCleanConfig(string rule, string triggering, string yamlPath, string marker, string clean)
    {
        var result = ConfigLinter.LintText(triggering, "config.yaml");
        var finding = Assert.Single(result.Findings, f => f.RuleId == rule);
        Assert.Equal(yamlPath, finding.Location.YamlPath);
        Assert.Equal("config.yaml", finding.Location.File);
        Assert.Equal(LineOf(triggering, marker), finding.Location.Line);
        Assert.Equal(LintRules.All.Single(r => r.Id == rule).Name, finding.RuleName);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));

        Assert.DoesNotContain(ConfigLinter.LintText(clean, "config.yaml").Findings, f => f.RuleId == rule);
    }

    [Theory]
    // JWT auth off: the section is read by nobody.
    [InlineData("general_settings:\n  enable_jwt_auth: false\n  litellm_jwtauth:\n    user_id_jwt_field: sub\n")]
    [InlineData("general_settings:\n  litellm_jwtauth:\n    user_id_jwt_field: sub\n")]
    // The audience comes from the per-issuer list, or from what the config exports.
    [InlineData("general_settings:\n  enable_jwt_auth: true\n  litellm_jwtauth:\n    issuers: [{issuer: https://idp, audience: app}]\n")]
    [InlineData("environment_variables:\n  JWT_AUDIENCE: my-app\ngeneral_settings:\n  enable_jwt_auth: true\n  litellm_jwtauth:\n    user_id_jwt_field: sub\n")]
    public void MR013StaysQuietWhenJwtAuthIsOffOrTheAudienceIsSetElsewhere(string yaml)
    {
        Assert.DoesNotContain(ConfigLinter.LintText(Models + yaml, "config.yaml").Findings, f => f.RuleId == "MR013");
    }

    [Fact]
    public void MR007KnowsAPlainNameServedByAWildcardDeploymentIsLive()
    {
        var yaml = "model_list:\n  - model_name: openai/*\ngeneral_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n    audience: a\n  role_permissions:\n    - role: internal_user\n      models: [openai/gpt-4o, anthropic/claude]\n";
        var dead = Assert.Single(ConfigLinter.LintText(yaml, "config.yaml").Findings, f => f.RuleId == "MR007");
        Assert.Contains("'anthropic/claude'", dead.Message);
    }

    [Fact]
    public void TheCleanBaseConfigHasNoFindingsAtAll()
    {
        Assert.Empty(ConfigLinter.LintText(Config(), "config.yaml").Findings);
    }

    [Fact]
    public void AStringRolesClaimInASampleFiresMR014AndAListDoesNot()
    {
        var yaml = Config("    roles_jwt_field: realm_access.roles\n    role_mappings:\n      - role: admins\n        internal_role: proxy_admin\n");
        var stringSample = JwtClaims.Parse("{\"sub\":\"u\",\"realm_access\":{\"roles\":\"admins\"}}");
        var listSample = JwtClaims.Parse("{\"sub\":\"u\",\"realm_access\":{\"roles\":[\"admins\"]}}");

        var finding = Assert.Single(ConfigLinter.LintText(yaml, "config.yaml", null, new[] { listSample, stringSample }).Findings, f => f.RuleId == "MR014");
        Assert.Equal("general_settings.litellm_jwtauth.roles_jwt_field", finding.Location.YamlPath);
        Assert.Equal(LineOf(yaml, "roles_jwt_field"), finding.Location.Line);
        Assert.Contains("claims sample 2", finding.Message);
        Assert.DoesNotContain("\"admins\"", finding.Message);

        Assert.DoesNotContain(ConfigLinter.LintText(yaml, "config.yaml", null, new[] { listSample }).Findings, f => f.RuleId == "MR014");
        Assert.DoesNotContain(ConfigLinter.LintText(yaml, "config.yaml").Findings, f => f.RuleId == "MR014");
    }

    [Fact]
    public void AnEnvironmentValueClearsMR017AndTheRulesThenSeeTheList()
    {
        var yaml = Config(rolePermissions: "    - role: team\n      models: [os.environ/TEAM_MODELS]\n");
        var environment = new Hashtable { ["TEAM_MODELS"] = "gpt-*" };
        var findings = ConfigLinter.LintText(yaml, "config.yaml", environment).Findings;
        Assert.DoesNotContain(findings, f => f.RuleId == "MR017");
        Assert.Contains(findings, f => f.RuleId == "MR006" && f.Message.Contains("'gpt-*'"));
    }

    [Fact]
    public void ALenientLoadReportsEveryRefusalWhereAStrictLoadStopsAtTheFirst()
    {
        var yaml = Config("    user_roles_jwt_field: roles\n    object_id_jwt_field: oid\n", "    - role: internal_users\n      models: [gpt-4o]\n    - role: Team\n      models: [gpt-4o]\n");
        var rules = ConfigLinter.LintText(yaml, "config.yaml").Findings.Where(f => f.Severity == LintSeverity.Error).Select(f => f.RuleId).ToList();
        Assert.Equal(new[] { "MR003", "MR004", "MR002", "MR002" }, rules);
        Assertions.LoadFails(yaml, Errors.ErrorIds.ConfigInvalid);
    }

    [Fact]
    public void RuleIdsAreUniqueAndStable()
    {
        var ids = LintRules.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Enumerable.Range(1, 18).Select(i => "MR" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.Equal("UpstreamExactMatch", LintRules.All.Single(r => r.Id == "MR006").Name);
        Assert.Equal("DeadModelGrant", LintRules.All.Single(r => r.Id == "MR007").Name);
    }

    [Fact]
    public void AMissingFileIsNotAFindingButConfigNotFound()
    {
        var ex = Assert.Throws<Errors.ConfigException>(() => ConfigLinter.LintFile("/nonexistent/config.yaml"));
        Assert.Equal(Errors.ErrorIds.ConfigNotFound, ex.ErrorId);
    }

    [Fact]
    public void TheSeedConfigFlagsBothWildcardsAndTheMissingAudience()
    {
        var result = ConfigLinter.LintFile(TestFiles.Example("seed-repro.yaml"));
        Assert.Equal(new[] { "MR013", "MR006", "MR006" }, result.Findings.Select(f => f.RuleId));
        Assert.Equal(new[] { 19, 27, 29 }, result.Findings.Select(f => f.Location.Line));
    }

    private static int LineOf(string yaml, string marker)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new ArgumentException("marker not found: " + marker);
    }
}
