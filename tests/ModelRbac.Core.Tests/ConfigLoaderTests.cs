using System.Collections;
using System.IO;
using System.Linq;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Yaml;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>SEMANTICS §1: what is read, what refuses to start, locations, environment resolution, limits.</summary>
public sealed class ConfigLoaderTests
{
    private const string Rbac = "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n";

    [Fact]
    public void ReadsTheSeedExample()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Example("seed-repro.yaml"));
        Assert.True(config.JwtAuth.EnforceRbac);
        Assert.Equal("preferred_username", config.JwtAuth.UserIdJwtField);
        Assert.Equal("resource_access.litellm.roles", config.JwtAuth.UserRolesJwtField);
        Assert.Equal(new[] { "proxy_admin", "internal_user", "internal_user_viewer" }, config.JwtAuth.UserAllowedRoles);
        Assert.Equal(2, config.RolePermissions!.Count);
        Assert.Equal(new[] { "bedrock-claude-*" }, config.FindRoleEntry("internal_user")!.Models.Get());
        Assert.Equal(3, config.Deployments.Count);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void IgnoresSectionsItDoesNotRead()
    {
        var config = ConfigLoader.LoadText(
            "litellm_settings: {drop_params: true, callbacks: [x]}\nrouter_settings: {routing_strategy: least-busy}\n" +
            "guardrails: [{guardrail_name: g, litellm_params: {guardrail: aporia}}]\n" +
            "general_settings:\n  master_key: os.environ/NOT_SET_ANYWHERE\n  store_model_in_db: True\n" +
            "model_list:\n  - model_name: m\n    litellm_params: {model: openai/m, api_key: os.environ/ALSO_NOT_SET}\n");
        Assert.Single(config.Deployments);
        Assert.Equal("openai/m", config.Deployments[0].LitellmModel.Get());
    }

    [Fact]
    public void RolePermissionsAsAMapIsInvalidWithPathAndLine()
    {
        var ex = Assertions.LoadFails("general_settings:\n  role_permissions:\n    internal_user:\n      models: [a]\n", ErrorIds.ConfigInvalid);
        Assert.Equal("general_settings.role_permissions", ex.Location!.YamlPath);
        Assert.Equal(3, ex.Location.Line);
        Assert.Equal("test.yaml", ex.Location.File);
        Assert.Contains("list", ex.Message);
    }

    [Theory]
    [InlineData("  role_permissions:\n    - role: internal_user_viewer\n", "general_settings.role_permissions[0].role")]
    [InlineData("  role_permissions:\n    - role: Internal_User\n", "general_settings.role_permissions[0].role")]
    [InlineData("  role_permissions:\n    - models: [a]\n", "general_settings.role_permissions[0].role")]
    [InlineData("  role_permissions:\n    - role: team\n      model: [a]\n", "general_settings.role_permissions[0]")]
    [InlineData("  role_permissions:\n    - role: team\n      models: a\n", "general_settings.role_permissions[0].models")]
    [InlineData("  role_permissions:\n    - role: team\n      models: [1]\n", "general_settings.role_permissions[0].models[0]")]
    [InlineData("  role_permissions:\n    - [team]\n", "general_settings.role_permissions[0]")]
    [InlineData("  litellm_jwtauth:\n    user_roles_jwt_field: roles\n", "general_settings.litellm_jwtauth.user_roles_jwt_field")]
    [InlineData("  litellm_jwtauth:\n    user_allowed_roles: [a]\n", "general_settings.litellm_jwtauth.user_allowed_roles")]
    [InlineData("  litellm_jwtauth:\n    object_id_jwt_field: oid\n", "general_settings.litellm_jwtauth.object_id_jwt_field")]
    [InlineData("  litellm_jwtauth:\n    scope_mappings: [{scope: s, models: [a]}]\n", "general_settings.litellm_jwtauth.scope_mappings")]
    [InlineData("  litellm_jwtauth:\n    enforce_scope_based_access: false\n    scope_mappings: [{scope: s, models: [a]}]\n", "general_settings.litellm_jwtauth.scope_mappings")]
    [InlineData("  litellm_jwtauth:\n    role_mappings: [{role: a, internal_role: admin}]\n", "general_settings.litellm_jwtauth.role_mappings[0].internal_role")]
    [InlineData("  litellm_jwtauth:\n    enforce_rbac: maybe\n", "general_settings.litellm_jwtauth.enforce_rbac")]
    [InlineData("  litellm_jwtauth:\n    user_id_jwt_field: [sub]\n", "general_settings.litellm_jwtauth.user_id_jwt_field")]
    [InlineData("  litellm_jwtauth: null\n", "general_settings.litellm_jwtauth")]
    public void WhatLiteLLMRefusesIsConfigInvalidAtItsPath(string generalSettings, string path)
    {
        var ex = Assertions.LoadFails("general_settings:\n" + generalSettings, ErrorIds.ConfigInvalid);
        Assert.Equal(path, ex.Location!.YamlPath);
        Assert.True(ex.Location.Line >= 2, "line " + ex.Location.Line);
    }

    [Fact]
    public void SyntaxErrorsCarryLineAndColumn()
    {
        var ex = Assertions.LoadFails("general_settings:\n  role_permissions: [\n    - role: team\n  bad: : :\n", ErrorIds.ConfigParseError);
        Assert.True(ex.Location!.Line > 1);
        Assert.True(ex.Location.Column > 0);
        Assert.Contains("test.yaml:", ex.Message);
    }

    [Fact]
    public void AnUnclosedFlowListIsAParseErrorThatSaysSo()
    {
        var ex = Assertions.LoadFails("general_settings:\n  role_permissions:\n    - role: team\n      models: [a, b\n    - role: internal_user\n      models: [c]\n", ErrorIds.ConfigParseError);
        Assert.DoesNotContain("current state of the object", ex.Message);
        Assert.Contains("unclosed", ex.Message);
        Assert.True(ex.Location!.Line >= 4, "line " + ex.Location.Line);
    }

    [Fact]
    public void AnAliasBombIsRefused()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var level = 'b'; level <= 'k'; level++)
        {
            var previous = (char)(level - 1);
            bomb += $"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        var ex = Assertions.LoadFails(bomb + "model_list: *k\n", ErrorIds.ConfigInvalid);
        Assert.Contains("alias", ex.Message);
    }

    [Fact]
    public void DeepNestingIsRefused()
    {
        var ex = Assertions.LoadFails("x: " + new string('[', 10_000) + new string(']', 10_000) + "\n", ErrorIds.ConfigInvalid);
        Assert.Contains("nesting", ex.Message);
    }

    [Fact]
    public void LimitsAreConfigurable()
    {
        var text = "a: [[[[1]]]]\n";
        Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(text, limits: new YamlLimits { MaxDepth = 3 }));
        ConfigLoader.LoadText(text, limits: new YamlLimits { MaxDepth = 5 });
        Assert.Throws<ConfigException>(() => ConfigLoader.LoadText(text, limits: new YamlLimits { MaxCharacters = 5 }));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("- a\n- b\n", "mapping")]
    [InlineData("model_list: {a: 1}\n", "list")]
    public void TheTopLevelShapeIsChecked(string yaml, string word)
    {
        Assert.Contains(word, Assertions.LoadFails(yaml, ErrorIds.ConfigInvalid).Message);
    }

    [Fact]
    public void SeveralDocumentsAreAParseError()
    {
        Assertions.LoadFails("a: 1\n---\nb: 2\n", ErrorIds.ConfigParseError);
    }

    [Fact]
    public void AnUndefinedAliasIsAParseError()
    {
        Assertions.LoadFails("a: *nowhere\n", ErrorIds.ConfigParseError);
    }

    [Fact]
    public void AMissingFileIsConfigNotFound()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadFile(Path.Combine(Path.GetTempPath(), "modelrbac-no-such-config.yaml")));
        Assert.Equal(ErrorIds.ConfigNotFound, ex.ErrorId);
        Assert.Contains("modelrbac-no-such-config.yaml", ex.Message);
    }

    [Fact]
    public void AnUnknownJwtAuthKeyWarnsWithTheClosestKnownKey()
    {
        var config = ConfigLoader.LoadText("general_settings:\n  litellm_jwtauth:\n    user_id_jwt_feild: sub\n    enforce_rbac: true\n", "c.yaml");
        var warning = Assert.Single(config.Warnings);
        Assert.Contains("'user_id_jwt_feild'", warning.Message);
        Assert.Contains("'user_id_jwt_field'", warning.Message);
        Assert.Equal(3, warning.Location.Line);
        Assert.True(config.JwtAuth.EnforceRbac);

        // Far from every declared key, the nearest is still named.
        var far = Assert.Single(ConfigLoader.LoadText("general_settings:\n  litellm_jwtauth:\n    totally_unrelated_xyz: 1\n").Warnings);
        Assert.Contains("the nearest declared key is '", far.Message);
    }

    [Fact]
    public void NewerJwtAuthKeysAreKnown()
    {
        var config = ConfigLoader.LoadText("general_settings:\n  litellm_jwtauth:\n    public_key_url: https://idp/.well-known/openid-configuration\n    audience: a\n    issuer: i\n");
        Assert.Empty(config.Warnings);
        Assert.Equal("a", config.JwtAuth.Audience);
    }

    [Fact]
    public void EnvironmentValuesResolveFromCallerThenConfigSectionThenProcess()
    {
        const string yaml = "environment_variables:\n  FROM_SECTION: internal_user\n  SHADOWED: team\n" +
            "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: os.environ/ENFORCE\n    user_id_jwt_field: os.environ/SHADOWED\n" +
            "  role_permissions:\n    - role: os.environ/FROM_SECTION\n      models: [os.environ/MODEL_FROM_PROCESS]\n";
        System.Environment.SetEnvironmentVariable("MODEL_FROM_PROCESS", "gpt-4o");
        var config = ConfigLoader.LoadText(yaml, environment: new Hashtable { ["ENFORCE"] = "true", ["SHADOWED"] = "from-caller" });
        Assert.True(config.JwtAuth.EnforceRbac);
        Assert.Equal("from-caller", config.JwtAuth.UserIdJwtField);
        Assert.Equal(new[] { "gpt-4o" }, config.FindRoleEntry("internal_user")!.Models.Get());
    }

    [Fact]
    public void AMissingVariableFailsOnlyTheDecisionThatNeedsIt()
    {
        var config = ConfigLoader.LoadText(Rbac + "  role_permissions:\n    - role: team\n      models: [os.environ/UNSET_MODELRBAC_VAR]\n    - role: internal_user\n      models: [a]\n");
        Assert.True(ModelGate.Decide(config, "internal_user", "a", Semantics.Corrected).Allowed);
        var ex = Assert.Throws<ConfigException>(() => ModelGate.Decide(config, "team", "a", Semantics.Corrected));
        Assert.Equal(ErrorIds.ConfigEnvironmentMissing, ex.ErrorId);
        Assert.Contains("UNSET_MODELRBAC_VAR", ex.Message);
        Assert.Equal("general_settings.role_permissions[0].models[0]", ex.Location!.YamlPath);
    }

    [Fact]
    public void AMissingVariableInsideRoleOrScopeMappingsFailsOnlyTheIdentitiesThatReadThem()
    {
        var config = ConfigLoader.LoadText(
            "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n    roles_jwt_field: roles\n" +
            "    role_mappings: [{role: os.environ/UNSET_MODELRBAC_GROUP, internal_role: proxy_admin}]\n" +
            "    enforce_scope_based_access: true\n    scope_mappings: [{scope: os.environ/UNSET_MODELRBAC_SCOPE, models: [a]}]\n" +
            "  role_permissions:\n    - role: team\n      models: [a]\n");
        Assert.True(ModelGate.Decide(config, "team", "a", Semantics.Corrected).Allowed);
        var ex = Assert.Throws<ConfigException>(() => new Identity.JwtIdentityResolver(config.JwtAuth).Resolve(Claims.JwtClaims.Parse("{\"roles\":[\"x\"]}"), Semantics.Corrected, signatureValidated: false));
        Assert.Equal(ErrorIds.ConfigEnvironmentMissing, ex.ErrorId);
        Assert.Contains("UNSET_MODELRBAC_GROUP", ex.Message);
        Assert.Equal("general_settings.litellm_jwtauth.role_mappings[0].role", ex.Location!.YamlPath);
    }

    [Fact]
    public void AMissingEnforceRbacVariableFailsEveryDecision()
    {
        var config = ConfigLoader.LoadText("general_settings:\n  litellm_jwtauth:\n    enforce_rbac: os.environ/UNSET_MODELRBAC_ENFORCE\n");
        Assert.Equal(ErrorIds.ConfigEnvironmentMissing, Assert.Throws<ConfigException>(() => ModelGate.Decide(config, "team", "a", Semantics.Upstream)).ErrorId);
    }

    [Fact]
    public void NullRolePermissionsMeansNoRestriction()
    {
        var config = ConfigLoader.LoadText(Rbac + "  role_permissions: null\n");
        Assert.Null(config.RolePermissions);
        Assert.Equal(GrantSource.Unrestricted, ModelGate.Decide(config, "team", "x", Semantics.Upstream).GrantSource);
    }

    [Fact]
    public void MergeKeysAndYaml11BooleansWorkAsInPyYaml()
    {
        var config = ConfigLoader.LoadText("base: &base {enforce_rbac: yes, user_id_jwt_field: sub}\ngeneral_settings:\n  litellm_jwtauth:\n    <<: *base\n    user_id_jwt_field: email\n");
        Assert.True(config.JwtAuth.EnforceRbac);
        Assert.Equal("email", config.JwtAuth.UserIdJwtField);
    }

    [Fact]
    public void QuotedNumbersAreStringsAndPlainNumbersAreNot()
    {
        var config = ConfigLoader.LoadText(Rbac + "  role_permissions:\n    - role: team\n      models: [\"4\", '1.5']\n");
        Assert.Equal(new[] { "4", "1.5" }, config.FindRoleEntry("team")!.Models.Get());
    }

    [Fact]
    public void EveryRealLiteLLMConfigLoads()
    {
        var files = Directory.GetFiles(TestFiles.Shared("fixtures", "litellm-configs"), "*.yaml");
        Assert.True(files.Length >= 8, "expected the shared LiteLLM configs");
        foreach (var file in files)
        {
            var config = ConfigLoader.LoadFile(file, environment: new Hashtable());
            Assert.Empty(config.Warnings);
            foreach (var role in RbacRoles.All)
            {
                var grants = RolePermissionExpander.Expand(config, role, Semantics.Corrected);
                var expectedSource = config.JwtAuth.EnforceRbac ? GrantSource.Unrestricted : GrantSource.RbacNotEnforced;
                Assert.All(grants, grant => Assert.Equal(expectedSource, grant.GrantSource));
                Assert.Equal(config.DeployedModelNames().Count, grants.Count);
            }
        }
    }

    [Fact]
    public void TheOktaConfigReadsItsRoleMappings()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Shared("fixtures", "litellm-configs", "okta_jwt_auth_config.yaml"));
        Assert.Equal(new[] { "litellm-admins", "litellm-users" }, config.JwtAuth.RoleMappings!.Select(m => m.Role));
        Assert.Equal("groups", config.JwtAuth.RolesJwtField);
        Assert.False(config.JwtAuth.EnforceRbac);
    }
}
