using System;
using System.IO;
using System.Linq;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Identity;
using ModelRbac.Core.PolicyTests;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>Policy case files: reading and validation with locations, evaluation against the gates, coverage.</summary>
public sealed class PolicyCaseTests
{
    private const string Config =
        "model_list:\n" +
        "  - model_name: gpt-4o\n    litellm_params: {model: openai/gpt-4o}\n" +
        "  - model_name: claude-haiku\n    litellm_params: {model: anthropic/claude-haiku}\n    model_info: {access_groups: [cheap]}\n" +
        "general_settings:\n" +
        "  litellm_jwtauth:\n    enforce_rbac: true\n    user_id_jwt_field: sub\n    team_id_jwt_field: team\n" +
        "    roles_jwt_field: groups\n    role_mappings:\n      - {role: admins, internal_role: proxy_admin}\n" +
        "  role_permissions:\n" +
        "    - role: internal_user\n      models: [claude-*, cheap]\n      routes: [/v1/chat/completions, info_routes]\n" +
        "    - role: team\n      models: []\n" +
        "    - role: proxy_admin\n      models: ['*']\n";

    private static readonly RbacConfiguration s_config = ConfigLoader.LoadText(Config, "config.yaml");

    private static PolicyCaseFile Read(string yaml) => PolicyCaseReader.ReadText(yaml, "cases.yaml", Path.GetTempPath());

    private static ConfigException ReadFails(string yaml)
    {
        var ex = Assert.Throws<ConfigException>(() => Read(yaml));
        Assert.Equal(ErrorIds.PolicyCasesInvalid, ex.ErrorId);
        Assert.Equal("cases.yaml", ex.Location!.File);
        return ex;
    }

    private static PolicyCaseOutcome[] Run(string yaml, Semantics semantics = Semantics.Corrected)
    {
        var file = Read(yaml);
        var evaluator = new PolicyCaseEvaluator(s_config, semantics);
        return file.Cases.SelectMany(c => c.Targets.Select(t => evaluator.Evaluate(c, t))).ToArray();
    }

    [Fact]
    public void ReadsEveryKindOfCase()
    {
        // The token case's files must exist (they are checked before any case runs), relative to the case file.
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "keys"));
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "t.jwt"), "not read here");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "keys", "jwks.json"), "{}");
        var file = Read(
            "semantics: upstream\ncases:\n" +
            "  - {name: by role, role: internal_user, model: [claude-x, gpt-4o], expect: allow, grantSource: Wildcard, matchedPattern: claude-*}\n" +
            "  - name: by claims\n    claims: {sub: u, groups: [admins], n: 3, f: 1.5, ok: true, none: null}\n    route: /v1/models\n    expect: deny\n    rbacRole: ''\n    resolvedBy: None\n" +
            "  - {name: by token, token: t.jwt, jwks: keys/jwks.json, audience: [a, b], ignoreLifetime: true, model: '', expect: allow}\n");
        Assert.Equal(Semantics.Upstream, file.Semantics);
        Assert.Equal(3, file.Cases.Count);
        var byRole = file.Cases[0];
        Assert.Equal(PolicyIdentityKind.Role, byRole.IdentityKind);
        Assert.Equal(new[] { "claude-x", "gpt-4o" }, byRole.Targets);
        Assert.Equal(GrantSource.Wildcard, byRole.ExpectedGrantSource);
        Assert.Equal("claude-*", byRole.ExpectedMatch);
        Assert.Equal(3, byRole.Location.Line);
        var byClaims = file.Cases[1];
        Assert.Equal(PolicyGate.Route, byClaims.Gate);
        Assert.True(byClaims.HasExpectedRole);
        Assert.Null(byClaims.ExpectedRole);
        Assert.Equal(3, byClaims.Claims!.Root.GetProperty("n").GetInt64());
        Assert.True(byClaims.Claims.Root.GetProperty("ok").GetBoolean());
        var byToken = file.Cases[2];
        Assert.Equal(Path.Combine(Path.GetTempPath(), "t.jwt"), byToken.TokenPath);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "keys", "jwks.json"), byToken.JwksPath);
        Assert.Equal(new[] { "a", "b" }, byToken.Audiences);
        Assert.Equal(new[] { string.Empty }, byToken.Targets);
    }

    [Theory]
    [InlineData("cases:\n  - name: a\n    role: internal_user\n    model: m\n    expect: maybe\n", "cases[0].expect", 5, "cases[0] 'a': expect must be 'allow' or 'deny', not 'maybe'")]
    [InlineData("cases:\n  - name: a\n    role: internal_user\n    model: m\n    expect: allow\n  - name: b\n    role: Internal_User\n    model: m\n    expect: deny\n", "cases[1].role", 7, "cases[1] 'b': 'Internal_User' is not an RBAC role")]
    [InlineData("cases:\n  - name: a\n    role: team\n    claims: {sub: x}\n    model: m\n    expect: allow\n", "cases[0]", 2, "give exactly one of 'role', 'claims' or 'token', not role and claims")]
    [InlineData("cases:\n  - name: a\n    role: team\n    expect: allow\n", "cases[0]", 2, "give exactly one of 'model' or 'route'")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: m\n    expect: allow\n    grantsource: Exact\n", "cases[0].grantsource", 6, "unknown key 'grantsource'")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: m\n    expect: allow\n    grantSource: Fuzzy\n", "cases[0].grantSource", 6, "'Fuzzy' is not a GrantSource")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: m\n    expect: deny\n    grantSource: Exact\n", "cases[0].grantSource", 6, "contradicts 'expect: deny'")]
    [InlineData("cases:\n  - name: a\n    role: team\n    route: /x\n    expect: allow\n    grantSource: Exact\n", "cases[0].grantSource", 6, "applies only to a 'model' case")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: m\n    expect: allow\n    resolvedBy: UserId\n", "cases[0].resolvedBy", 6, "applies only to a 'claims' or 'token' case")]
    [InlineData("cases:\n  - name: a\n    token: a.jwt\n    model: m\n    expect: allow\n", "cases[0].token", 3, "needs exactly one of 'jwks', 'publicKey' or 'skipSignatureValidation: true'")]
    [InlineData("cases:\n  - name: a\n    role: team\n    jwks: k.json\n    model: m\n    expect: allow\n", "cases[0].jwks", 4, "'jwks' applies only to a 'token' case")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: m\n    expect: allow\n  - name: a\n    role: team\n    model: n\n    expect: allow\n", "cases[1].name", 6, "already used by cases[0]")]
    [InlineData("cases:\n  - role: team\n    model: m\n    expect: allow\n", "cases[0].name", 2, "every case needs a non-empty 'name'")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: [m, m]\n    expect: allow\n", "cases[0].model", 4, "'m' is listed twice")]
    [InlineData("cases:\n  - name: a\n    claims: [sub]\n    model: m\n    expect: allow\n", "cases[0].claims", 3, "'claims' must be a mapping")]
    [InlineData("cases: []\n", "cases", 1, "'cases' must be a non-empty list")]
    [InlineData("semantics: Fixed\ncases: []\n", "semantics", 1, "'Fixed' is not a Semantics")]
    [InlineData("case:\n  - name: a\n", "case", 1, "unknown key 'case'")]
    [InlineData("cases:\n  - name: a\n    role: team\n    model: m\n    expect: deny\n    expect: allow\n", "cases[0].expect", 6, "'expect' is given twice")]
    public void MalformedCasesNameTheCaseThePathAndTheLine(string yaml, string yamlPath, int line, string fragment)
    {
        var ex = ReadFails(yaml);
        Assert.Equal(yamlPath, ex.Location!.YamlPath);
        Assert.Equal(line, ex.Location.Line);
        Assert.Contains(fragment, ex.Message);
        Assert.StartsWith($"cases.yaml:{line}:", ex.Message);
    }

    [Fact]
    public void YamlSyntaxErrorsArePolicyCasesInvalidWithTheirLine()
    {
        var ex = ReadFails("cases:\n  - name: a\n    role: [team\n");
        Assert.Equal(RbacErrorKind.Parse, ex.Kind);
        Assert.True(ex.Location!.Line >= 3);
    }

    [Fact]
    public void AMissingFileIsPolicyCasesInvalid()
    {
        var ex = Assert.Throws<ConfigException>(() => PolicyCaseReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-cases.yaml")));
        Assert.Equal(ErrorIds.PolicyCasesInvalid, ex.ErrorId);
        Assert.Equal(RbacErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public void RightExpectationsPass()
    {
        var outcomes = Run(
            "cases:\n" +
            "  - {name: wildcard, role: internal_user, model: claude-opus, expect: allow, grantSource: Wildcard, matchedPattern: claude-*}\n" +
            "  - {name: group, role: internal_user, model: claude-haiku, expect: allow, grantSource: Wildcard}\n" +
            "  - {name: denied, role: internal_user, model: gpt-4o, expect: deny}\n" +
            "  - {name: empty list, role: team, model: gpt-4o, expect: deny}\n" +
            "  - {name: route group, role: internal_user, route: '/v1/models?x=1', expect: allow, matchedEntry: info_routes}\n" +
            "  - {name: mapped admin, claims: {sub: u, groups: [admins]}, model: gpt-4o, expect: allow, rbacRole: proxy_admin, resolvedBy: RoleMapping, grantSource: AllModels}\n" +
            "  - {name: no role, claims: {email: x}, model: gpt-4o, expect: deny, rbacRole: null, resolvedBy: None}\n");
        Assert.All(outcomes, o => Assert.True(o.Passed, o.FailureMessage));
        Assert.Equal("/v1/models?x=1", outcomes[4].Target);
        Assert.Equal("info_routes", outcomes[4].Matched);
    }

    [Fact]
    public void WrongVerdictsFailWithLiteLLMsDenialOrTheGrantingEntry()
    {
        var outcomes = Run(
            "cases:\n" +
            "  - {name: wrongly allowed, role: internal_user, model: gpt-4o, expect: allow}\n" +
            "  - {name: wrongly denied, role: proxy_admin, model: gpt-4o, expect: deny}\n");
        Assert.All(outcomes, o => Assert.False(o.Passed));
        Assert.Equal(
            "Expected role internal_user to be allowed model 'gpt-4o' (Corrected), but it was denied: Role=internal_user not allowed to call model=gpt-4o. Allowed models=['claude-*', 'cheap'] [cases[0] 'wrongly allowed' (cases.yaml:2)]",
            outcomes[0].FailureMessage);
        Assert.Equal(
            "Expected role proxy_admin to be denied model 'gpt-4o' (Corrected), but it was allowed by general_settings.role_permissions[2].models[0] '*' (AllModels, line 22) [cases[1] 'wrongly denied' (cases.yaml:3)]",
            outcomes[1].FailureMessage);
    }

    [Fact]
    public void WrongReasonsFailEvenWhenTheVerdictIsRight()
    {
        var outcomes = Run(
            "cases:\n" +
            "  - {name: source, role: internal_user, model: claude-opus, expect: allow, grantSource: Exact}\n" +
            "  - {name: pattern, role: internal_user, model: claude-haiku, expect: allow, matchedPattern: cheap}\n" +
            "  - {name: resolution, claims: {sub: u}, model: claude-haiku, expect: allow, resolvedBy: RoleMapping}\n" +
            "  - {name: role, claims: {sub: u, team: t}, model: gpt-4o, expect: deny, rbacRole: internal_user}\n");
        Assert.All(outcomes, o => Assert.False(o.Passed));
        Assert.Contains("through GrantSource Exact (Corrected), but it was allowed by general_settings.role_permissions[0].models[0] 'claude-*' (Wildcard", outcomes[0].FailureMessage);
        Assert.Contains("by 'cheap' (Corrected), but it was allowed by general_settings.role_permissions[0].models[0] 'claude-*'", outcomes[1].FailureMessage);
        Assert.Contains("Expected the claims to be resolved by RoleMapping (Corrected), but it was resolved by UserId to role internal_user", outcomes[2].FailureMessage);
        Assert.Contains("Expected the claims to resolve to role internal_user (Corrected), but it resolved to role team (TeamClaim)", outcomes[3].FailureMessage);
    }

    [Fact]
    public void UpstreamSemanticsDecideAsLiteLLMToday()
    {
        var outcomes = Run(
            "cases:\n  - {name: wildcard, role: internal_user, model: claude-opus, expect: allow}\n  - {name: star, role: proxy_admin, model: gpt-4o, expect: deny}\n",
            Semantics.Upstream);
        Assert.False(outcomes[0].Passed);
        Assert.Contains("(Upstream), but it was denied", outcomes[0].FailureMessage);
        Assert.True(outcomes[1].Passed, outcomes[1].FailureMessage);
    }

    [Fact]
    public void TokenCasesValidateTheTokenAndFailClosedOnErrors()
    {
        var dir = Path.GetDirectoryName(TestFiles.Example("alice.jwt"))!;
        var config = ConfigLoader.LoadFile(TestFiles.Example("seed-repro.yaml"));
        var file = PolicyCaseReader.ReadText(
            "cases:\n" +
            "  - {name: alice, token: alice.jwt, jwks: example-jwks.json, audience: litellm, model: gpt-4o, expect: allow, rbacRole: proxy_admin, resolvedBy: AllowedUserRole}\n" +
            "  - {name: wrong audience, token: alice.jwt, jwks: example-jwks.json, audience: other, model: gpt-4o, expect: deny}\n" +
            "  - {name: token removed after reading, token: alice.jwt, jwks: example-jwks.json, model: gpt-4o, expect: deny}\n",
            "cases.yaml",
            dir);
        var evaluator = new PolicyCaseEvaluator(config, Semantics.Corrected);
        var alice = evaluator.Evaluate(file.Cases[0], "gpt-4o");
        Assert.True(alice.Passed, alice.FailureMessage);
        Assert.Equal(ResolvedBy.AllowedUserRole, alice.ResolvedBy);

        // An expected denial does not pass on an error: nothing was decided.
        var audience = evaluator.Evaluate(file.Cases[1], "gpt-4o");
        Assert.False(audience.Passed);
        Assert.Equal(ErrorIds.TokenAudienceInvalid, audience.ErrorId);
        Assert.StartsWith("TokenAudienceInvalid: ", audience.FailureMessage);
        var token = File.ReadAllText(TestFiles.Example("alice.jwt")).Trim();
        Assert.DoesNotContain(token, audience.FailureMessage);
        Assert.DoesNotContain(token.Split('.')[1], audience.FailureMessage);

        // A file gone between reading and running still fails closed.
        var removed = file.Cases[2];
        removed.TokenPath = Path.Combine(dir, "removed-" + Guid.NewGuid().ToString("N") + ".jwt");
        var missing = evaluator.Evaluate(removed, "gpt-4o");
        Assert.False(missing.Passed);
        Assert.Contains("no such token file", missing.FailureMessage);
    }

    [Theory]
    [InlineData("token: nobody.jwt\n    jwks: example-jwks.json", "cases[0].token", "no such file 'nobody.jwt'")]
    [InlineData("token: alice.jwt\n    jwks: nokeys.json", "cases[0].jwks", "no such file 'nokeys.json'")]
    [InlineData("token: alice.jwt\n    publicKey: nokey.pem", "cases[0].publicKey", "no such file 'nokey.pem'")]
    public void AMissingTokenOrKeyFileFailsTheFileBeforeAnyCaseRuns(string identity, string yamlPath, string fragment)
    {
        var dir = Path.GetDirectoryName(TestFiles.Example("alice.jwt"))!;
        var ex = Assert.Throws<ConfigException>(() => PolicyCaseReader.ReadText("cases:\n  - name: a\n    " + identity + "\n    model: m\n    expect: allow\n", "cases.yaml", dir));
        Assert.Equal(ErrorIds.PolicyCasesInvalid, ex.ErrorId);
        Assert.Equal(yamlPath, ex.Location!.YamlPath);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void CoverageCountsEveryPatternAndEmptyListOnce()
    {
        var outcomes = Run(
            "cases:\n" +
            "  - {name: wildcard, role: internal_user, model: [claude-opus, claude-haiku], expect: allow}\n" +
            "  - {name: chat, role: internal_user, route: /v1/chat/completions, expect: allow}\n" +
            "  - {name: team denied, role: team, model: gpt-4o, expect: deny}\n" +
            "  - {name: internal denied, role: internal_user, model: gpt-4o, expect: deny}\n");
        var coverage = PolicyCoverage.Measure(s_config, outcomes);
        Assert.Equal(
            new[]
            {
                "general_settings.role_permissions[0].models[0] claude-* wildcard",
                "general_settings.role_permissions[0].models[1] cheap -",
                "general_settings.role_permissions[0].routes[0] /v1/chat/completions chat",
                "general_settings.role_permissions[0].routes[1] info_routes -",
                "general_settings.role_permissions[1].models  team denied",
                "general_settings.role_permissions[2].models[0] * -",
            },
            coverage.Items.Select(i => $"{i.YamlPath} {i.Pattern} {(i.Exercised ? string.Join("|", i.ExercisedBy) : "-")}"));
        Assert.Equal(3, coverage.Exercised);
        Assert.Equal(50.0, coverage.Percent);
        Assert.Equal(PolicyGate.Route, coverage.Items[2].Gate);
        Assert.Equal("internal_user", coverage.Items[0].Role);
    }

    [Fact]
    public void FailedOrErroredCasesStillCountWhereTheyWereDecidedButErrorsDoNot()
    {
        var outcomes = Run(
            "cases:\n  - {name: wrong, role: proxy_admin, model: gpt-4o, expect: deny}\n  - {name: err, role: internal_user, model: gpt-4o, expect: allow}\n");
        var coverage = PolicyCoverage.Measure(s_config, outcomes);
        Assert.True(coverage.Items.Single(i => i.Pattern == "*").Exercised);
        Assert.Equal(Math.Round(100.0 / 6, 1), coverage.Percent);
    }

    [Fact]
    public void AConfigWithoutGrantsIsFullyCovered()
    {
        var config = ConfigLoader.LoadText("model_list: []\n");
        var coverage = PolicyCoverage.Measure(config, new PolicyCaseOutcome[0]);
        Assert.Empty(coverage.Items);
        Assert.Equal(100.0, coverage.Percent);
    }

    [Fact]
    public void TheExampleCaseFileParses()
    {
        var file = PolicyCaseReader.ReadFile(TestFiles.Example("seed-repro.cases.yaml"));
        Assert.Equal(Semantics.Corrected, file.Semantics);
        Assert.Equal(7, file.Cases.Count);
        Assert.Equal(TestFiles.Example("alice.jwt"), file.Cases[3].TokenPath);
    }
}
