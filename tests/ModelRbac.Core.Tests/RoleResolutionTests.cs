using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Identity;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>SEMANTICS §2-§3: role resolution under Upstream and Corrected, with the reference's vectors (§8) and IdP shapes.</summary>
public sealed class RoleResolutionTests
{
    private static JwtIdentity Resolve(string jwtauth, string claims, Semantics semantics = Semantics.Corrected)
    {
        var config = ConfigLoader.LoadText("general_settings:\n  litellm_jwtauth:\n" + jwtauth);
        return new JwtIdentityResolver(config.JwtAuth).Resolve(JwtClaims.Parse(claims), semantics, signatureValidated: false);
    }

    private static void AssertRoles(JwtIdentity identity, string? upstream, ResolvedBy upstreamBy, string? corrected, ResolvedBy correctedBy)
    {
        Assert.Equal((upstream, upstreamBy), (identity.Upstream.Role, identity.Upstream.ResolvedBy));
        Assert.Equal((corrected, correctedBy), (identity.Corrected.Role, identity.Corrected.ResolvedBy));
    }

    [Fact]
    public void Vector28NestedUserIdIsAnInternalUser()
    {
        var identity = Resolve("    user_id_jwt_field: user.sub\n", "{\"user\":{\"sub\":\"u123\"}}");
        Assert.Equal("u123", identity.UserId);
        AssertRoles(identity, "internal_user", ResolvedBy.UserId, "internal_user", ResolvedBy.UserId);
    }

    [Fact]
    public void Vector29NestedClientRoles()
    {
        var identity = Resolve("    roles_jwt_field: resource_access.my-client.roles\n", "{\"resource_access\":{\"my-client\":{\"roles\":[\"admin\",\"user\"]}}}");
        Assert.Equal(new[] { "admin", "user" }, identity.Roles);
        AssertRoles(identity, null, ResolvedBy.None, null, ResolvedBy.None);
    }

    [Fact]
    public void Vectors30And32TeamClaimAndItsDefault()
    {
        const string jwtauth = "    team_id_jwt_field: tenant.team_id\n    team_id_default: fallback_team\n";
        var claimed = Resolve(jwtauth, "{\"tenant\":{\"team_id\":\"team456\"}}");
        Assert.Equal("team456", claimed.TeamId);
        AssertRoles(claimed, "team", ResolvedBy.TeamClaim, "team", ResolvedBy.TeamClaim);
        var defaulted = Resolve(jwtauth, "{\"sub\":\"x\"}");
        Assert.Equal("fallback_team", defaulted.TeamId);
        AssertRoles(defaulted, "team", ResolvedBy.TeamIdDefault, "team", ResolvedBy.TeamIdDefault);
    }

    [Fact]
    public void Vectors34And37TeamIdsTypeQuirk()
    {
        const string jwtauth = "    team_ids_jwt_field: groups\n";
        Assert.Empty(Resolve(jwtauth, "{}").TeamIds);
        Assert.Empty(Resolve(jwtauth, "{\"groups\":\"team1\"}", Semantics.Upstream).TeamIds);
        Assert.Equal(new[] { "team1" }, Resolve(jwtauth, "{\"groups\":\"team1\"}").TeamIds);
        Assert.Equal(new[] { "a", "b" }, Resolve(jwtauth, "{\"groups\":[\"a\",\"b\"]}", Semantics.Upstream).TeamIds);
        // Numeric ids are ids under both (LiteLLM str()s them); Corrected fixes only the string quirk.
        Assert.Equal(new[] { "123", "g2" }, Resolve(jwtauth, "{\"groups\":[123,\"g2\"]}", Semantics.Upstream).TeamIds);
        Assert.Equal(new[] { "123", "g2" }, Resolve(jwtauth, "{\"groups\":[123,\"g2\"]}").TeamIds);
    }

    [Fact]
    public void TheUserIdFallsBackToTheEmailForANonStringClaimAsGetUserInfoDoes()
    {
        const string jwtauth = "    user_id_jwt_field: sub\n    user_email_jwt_field: email\n";
        Assert.Equal("a@b.c", Resolve(jwtauth, "{\"sub\":12345,\"email\":\"a@b.c\"}").UserId);
        Assert.Equal("a@b.c", Resolve(jwtauth, "{\"sub\":null,\"email\":\"a@b.c\"}").UserId);
        Assert.Equal("u1", Resolve(jwtauth, "{\"sub\":\"u1\",\"email\":\"a@b.c\"}").UserId);
        // Without an email the default is None, and the claim comes back whatever its type.
        Assert.Equal("12345", Resolve(jwtauth, "{\"sub\":12345}").UserId);
    }

    [Fact]
    public void Vectors35And36PrefixAndEscapedDots()
    {
        var identity = Resolve("    user_email_jwt_field: metadata.user.email\n    team_id_jwt_field: 'kubernetes\\.io.namespace'\n",
            "{\"user\":{\"email\":\"user@example.com\"},\"kubernetes.io\":{\"namespace\":\"my-app\"}}");
        Assert.Equal("user@example.com", identity.Email);
        Assert.Equal("user@example.com", identity.UserId); // LiteLLM's email fallback for the user id
        Assert.Equal("my-app", identity.TeamId);
        // The email fallback does not make an internal_user; the team claim decides.
        AssertRoles(identity, "team", ResolvedBy.TeamClaim, "team", ResolvedBy.TeamClaim);
    }

    [Fact]
    public void Vector38AListTeamClaimUsesItsFirstItem()
    {
        var identity = Resolve("    team_id_jwt_field: roles\n", "{\"roles\":[\"t1\",\"t2\"]}");
        Assert.Equal("t1", identity.TeamId);
        AssertRoles(identity, "team", ResolvedBy.TeamClaim, "team", ResolvedBy.TeamClaim);
        AssertRoles(Resolve("    team_id_jwt_field: roles\n", "{\"roles\":[]}"), null, ResolvedBy.None, null, ResolvedBy.None);
    }

    [Theory]
    [InlineData("    roles_jwt_field: roles\n    role_mappings: []\n", "{\"roles\":[\"admin\"]}")]
    [InlineData("    roles_jwt_field: roles\n    role_mappings:\n      - role: admin\n        internal_role: proxy_admin\n", "{\"roles\":[]}")]
    [InlineData("    roles_jwt_field: roles\n    role_mappings:\n      - role: admin\n        internal_role: proxy_admin\n", "{}")]
    public void Vector43NoMappingNoRole(string jwtauth, string claims)
    {
        AssertRoles(Resolve(jwtauth, claims), null, ResolvedBy.None, null, ResolvedBy.None);
    }

    private const string OidcRoles = "    object_id_jwt_field: oid\n    roles_jwt_field: roles\n    enforce_rbac: true\n"
        + "    role_mappings:\n      - role: litellm.api.consumer\n        internal_role: team\n";

    [Fact]
    public void Vector44OidcRoleMapsToTeam()
    {
        var identity = Resolve(OidcRoles, "{\"oid\":\"eec\",\"roles\":[\"litellm.api.consumer\"]}");
        AssertRoles(identity, "team", ResolvedBy.RoleMapping, "team", ResolvedBy.RoleMapping);
        // The vector's team_id=eec: the object id LiteLLM uses for a team token.
        Assert.Equal("eec", identity.ObjectId);
    }

    [Fact]
    public void Vector31NestedObjectId()
    {
        var identity = Resolve("    object_id_jwt_field: profile.object_id\n    roles_jwt_field: roles\n    role_mappings: [{role: r, internal_role: internal_user}]\n", "{\"profile\":{\"object_id\":\"obj789\"}}");
        Assert.Equal("obj789", identity.ObjectId);
        Assert.Null(Resolve("    user_id_jwt_field: sub\n", "{\"sub\":\"u\",\"oid\":\"o\"}").ObjectId);
    }

    [Fact]
    public void Vector45BugAUserIdShadowsRoleMappings()
    {
        var identity = Resolve(OidcRoles + "    user_id_jwt_field: sub\n", "{\"oid\":\"eec\",\"sub\":\"u1\",\"roles\":[\"litellm.api.consumer\"]}");
        AssertRoles(identity, "internal_user", ResolvedBy.UserId, "team", ResolvedBy.RoleMapping);
        Assert.Equal(("team", ResolvedBy.RoleMapping), (identity.Chosen.Role, identity.Chosen.ResolvedBy));
        var upstream = Resolve(OidcRoles + "    user_id_jwt_field: sub\n", "{\"oid\":\"eec\",\"sub\":\"u1\",\"roles\":[\"litellm.api.consumer\"]}", Semantics.Upstream);
        Assert.Equal(("internal_user", ResolvedBy.UserId), (upstream.Chosen.Role, upstream.Chosen.ResolvedBy));
    }

    [Fact]
    public void Vector46AdminScope()
    {
        var identity = Resolve("    user_id_jwt_field: sub\n    team_id_default: t\n", "{\"sub\":\"u\",\"scope\":\"openid litellm_proxy_admin\"}");
        AssertRoles(identity, "proxy_admin", ResolvedBy.AdminScope, "proxy_admin", ResolvedBy.AdminScope);
        Assert.True(identity.IsAdmin);
        Assert.Equal(new[] { "openid", "litellm_proxy_admin" }, identity.Scopes);
    }

    [Fact]
    public void Vector47TeamIdDefaultComesLastUnderCorrected()
    {
        var identity = Resolve("    team_id_default: t-def\n    user_id_jwt_field: sub\n", "{\"sub\":\"u1\"}");
        AssertRoles(identity, "team", ResolvedBy.TeamIdDefault, "internal_user", ResolvedBy.UserId);
        Assert.Equal("t-def", identity.TeamId);
    }

    private const string AllowedBasic = "    user_roles_jwt_field: roles\n    user_allowed_roles: [basic_user]\n    enforce_rbac: true\n";

    [Fact]
    public void Vector48AllowedUserRole()
    {
        AssertRoles(Resolve(AllowedBasic, "{\"roles\":[\"basic_user\"]}"), "internal_user", ResolvedBy.AllowedUserRole, "internal_user", ResolvedBy.AllowedUserRole);
    }

    [Fact]
    public void Vector49BugAUserIdBypassesTheAllowList()
    {
        AssertRoles(Resolve(AllowedBasic + "    user_id_jwt_field: sub\n", "{\"sub\":\"u1\",\"roles\":[\"other\"]}"), "internal_user", ResolvedBy.UserId, null, ResolvedBy.None);
        // An empty list is a present claim: the gate refuses it too.
        AssertRoles(Resolve(AllowedBasic + "    user_id_jwt_field: sub\n", "{\"sub\":\"u1\",\"roles\":[]}"), "internal_user", ResolvedBy.UserId, null, ResolvedBy.None);
    }

    [Fact]
    public void Vector50BugBStringRolesClaimForMappings()
    {
        var identity = Resolve("    roles_jwt_field: roles\n    role_mappings:\n      - role: admin\n        internal_role: proxy_admin\n", "{\"roles\":\"admin\"}");
        AssertRoles(identity, null, ResolvedBy.None, "proxy_admin", ResolvedBy.RoleMapping);
        Assert.Equal(new[] { "admin" }, identity.Roles);
    }

    [Fact]
    public void Vector51BugBStringRolesClaimForAllowedRoles()
    {
        var identity = Resolve(AllowedBasic, "{\"roles\":\"basic_user\"}");
        AssertRoles(identity, null, ResolvedBy.None, "internal_user", ResolvedBy.AllowedUserRole);
        // Upstream iterates the characters: a one-letter allowed role matches any string containing it.
        AssertRoles(Resolve("    user_roles_jwt_field: roles\n    user_allowed_roles: [a]\n", "{\"roles\":\"basic\"}"), "internal_user", ResolvedBy.AllowedUserRole, null, ResolvedBy.None);
        Assert.Equal(new[] { "b", "a", "s", "i", "c" }, Resolve("    user_roles_jwt_field: roles\n    user_allowed_roles: [a]\n", "{\"roles\":\"basic\"}", Semantics.Upstream).Roles);
    }

    [Fact]
    public void Vector52AnAzureTokenWithOnlyAdminSettingsHasNoRole()
    {
        var identity = Resolve("    admin_jwt_scope: litellm_proxy_admin\n    admin_allowed_routes: [\"/v1/chat/completions\"]\n    enforce_rbac: true\n",
            "{\"aud\":\"api://x\",\"iss\":\"https://sts.windows.net/t/\",\"oid\":\"o\",\"roles\":[\"Reader\"],\"scp\":\"user_impersonation\"}");
        AssertRoles(identity, null, ResolvedBy.None, null, ResolvedBy.None);
    }

    [Fact]
    public void BugCFirstConfigEntryWinsUpstreamHighestPrivilegeCorrected()
    {
        var identity = Resolve("    roles_jwt_field: roles\n    role_mappings:\n      - role: dev\n        internal_role: internal_user\n"
            + "      - role: admin\n        internal_role: proxy_admin\n      - role: ops\n        internal_role: team\n", "{\"roles\":[\"admin\",\"ops\",\"dev\"]}");
        AssertRoles(identity, "internal_user", ResolvedBy.RoleMapping, "proxy_admin", ResolvedBy.RoleMapping);
    }

    [Fact]
    public void TheSeedKeycloakTokenIsInternalUserUpstreamAndProxyAdminCorrected()
    {
        var config = ConfigLoader.LoadFile(TestFiles.Example("seed-repro.yaml"));
        var claims = JwtClaims.Parse("{\"sub\":\"5b0f\",\"preferred_username\":\"alice\",\"email\":\"alice@example.test\",\"scope\":\"openid profile\","
            + "\"resource_access\":{\"litellm\":{\"roles\":[\"proxy_admin\"]}},\"realm_access\":{\"roles\":[\"offline_access\"]}}");
        var identity = new JwtIdentityResolver(config.JwtAuth).Resolve(claims, Semantics.Corrected, true);
        AssertRoles(identity, "internal_user", ResolvedBy.UserId, "proxy_admin", ResolvedBy.AllowedUserRole);
        Assert.Equal("alice", identity.UserId);
        Assert.False(identity.IsAdmin);
        Assert.Equal(new[] { "proxy_admin" }, identity.Roles);
        Assert.True(ModelGate.IsAllowed(config, identity.Chosen.Role, "gpt-4o", Semantics.Corrected));
    }

    [Fact]
    public void KeycloakRealmRolesThroughAllowedRolesPickTheHighestRbacRole()
    {
        var identity = Resolve("    user_roles_jwt_field: realm_access.roles\n    user_allowed_roles: [team, internal_user, viewer]\n",
            "{\"realm_access\":{\"roles\":[\"viewer\",\"team\",\"offline_access\"]}}");
        AssertRoles(identity, "internal_user", ResolvedBy.AllowedUserRole, "team", ResolvedBy.AllowedUserRole);
        var viewer = Resolve("    user_roles_jwt_field: realm_access.roles\n    user_allowed_roles: [team, viewer]\n", "{\"realm_access\":{\"roles\":[\"viewer\"]}}");
        AssertRoles(viewer, "internal_user", ResolvedBy.AllowedUserRole, "internal_user", ResolvedBy.AllowedUserRole);
    }

    [Fact]
    public void EntraIdRolesScpAndOid()
    {
        const string jwtauth = "    user_id_jwt_field: oid\n    roles_jwt_field: roles\n    role_mappings:\n      - role: LiteLLM.Team\n        internal_role: team\n";
        var identity = Resolve(jwtauth, "{\"oid\":\"00000000-1111\",\"roles\":[\"LiteLLM.Team\"],\"scp\":\"access_as_user litellm_proxy_admin\"}");
        // Upstream reads only "scope": scp never gives the admin bypass; Corrected falls back to scp.
        AssertRoles(identity, "internal_user", ResolvedBy.UserId, "proxy_admin", ResolvedBy.AdminScope);
        Assert.Equal("00000000-1111", identity.UserId);
        Assert.Equal(new[] { "access_as_user", "litellm_proxy_admin" }, identity.Scopes);
        Assert.Empty(Resolve(jwtauth, "{\"scp\":\"access_as_user\"}", Semantics.Upstream).Scopes);
        AssertRoles(Resolve(jwtauth, "{\"oid\":\"o\",\"roles\":[\"LiteLLM.Team\"],\"scp\":\"access_as_user\"}"), "internal_user", ResolvedBy.UserId, "team", ResolvedBy.RoleMapping);
    }

    [Fact]
    public void OktaGroupsAsAllowedUserRoles()
    {
        const string jwtauth = "    user_id_jwt_field: uid\n    user_roles_jwt_field: groups\n    user_allowed_roles: [litellm-users, proxy_admin]\n";
        AssertRoles(Resolve(jwtauth, "{\"uid\":\"00u1\",\"groups\":[\"Everyone\",\"litellm-users\"]}"), "internal_user", ResolvedBy.UserId, "internal_user", ResolvedBy.AllowedUserRole);
        AssertRoles(Resolve(jwtauth, "{\"uid\":\"00u1\",\"groups\":[\"Everyone\"]}"), "internal_user", ResolvedBy.UserId, null, ResolvedBy.None);
        AssertRoles(Resolve(jwtauth, "{\"uid\":\"00u1\",\"groups\":[\"Everyone\",\"proxy_admin\"]}"), "internal_user", ResolvedBy.UserId, "proxy_admin", ResolvedBy.AllowedUserRole);
    }

    [Fact]
    public void Auth0NamespacedRolesNeedTheEscapedDot()
    {
        const string jwtauth = "    roles_jwt_field: 'https://example\\.com/roles'\n    role_mappings:\n      - role: admin\n        internal_role: proxy_admin\n";
        var identity = Resolve(jwtauth, "{\"sub\":\"auth0|1\",\"https://example.com/roles\":[\"admin\"]}");
        AssertRoles(identity, "proxy_admin", ResolvedBy.RoleMapping, "proxy_admin", ResolvedBy.RoleMapping);
        Assert.Equal(new[] { "admin" }, identity.Roles);
        // Without the escape the path walks "https://example" then "com/roles": nothing.
        AssertRoles(Resolve(jwtauth.Replace("\\.", "."), "{\"https://example.com/roles\":[\"admin\"]}"), null, ResolvedBy.None, null, ResolvedBy.None);
    }

    [Theory]
    [InlineData("null", "NoneType")]
    [InlineData("5", "int")]
    [InlineData("1.5", "float")]
    [InlineData("true", "bool")]
    [InlineData("{\"a\":1}", "dict")]
    public void AScopeOfAnotherTypeFailsUpstreamOnly(string scope, string pythonType)
    {
        var identity = Resolve("    user_id_jwt_field: sub\n", "{\"sub\":\"u1\",\"scope\":" + scope + "}");
        Assert.Equal(ResolvedBy.Error, identity.Upstream.ResolvedBy);
        Assert.Null(identity.Upstream.Role);
        Assert.Equal($"Unmapped scope type - <class '{pythonType}'>. Supported types - list, str.", identity.Upstream.Error);
        Assert.Equal(("internal_user", ResolvedBy.UserId), (identity.Corrected.Role, identity.Corrected.ResolvedBy));
    }

    [Fact]
    public void ANullScopeFallsBackToScpUnderCorrected()
    {
        var identity = Resolve("    admin_jwt_scope: litellm_proxy_admin\n", "{\"scope\":null,\"scp\":\"litellm_proxy_admin\"}");
        Assert.Equal((ResolvedBy.Error, "proxy_admin", ResolvedBy.AdminScope), (identity.Upstream.ResolvedBy, identity.Corrected.Role, identity.Corrected.ResolvedBy));
    }

    [Fact]
    public void UpstreamTypeErrorsOnUnIterableOrUnhashableRoles()
    {
        var number = Resolve(AllowedBasic, "{\"roles\":5}");
        Assert.Equal(("'int' object is not iterable", ResolvedBy.Error), (number.Upstream.Error, number.Upstream.ResolvedBy));
        AssertRoles(Resolve(AllowedBasic + "    user_id_jwt_field: sub\n", "{\"sub\":\"u\",\"roles\":5}"), "internal_user", ResolvedBy.UserId, null, ResolvedBy.None);
        var unhashable = Resolve("    roles_jwt_field: roles\n    role_mappings:\n      - role: admin\n        internal_role: team\n", "{\"roles\":[[\"admin\"]]}");
        Assert.Equal(("unhashable type: 'list'", ResolvedBy.Error), (unhashable.Upstream.Error, unhashable.Upstream.ResolvedBy));
        Assert.Equal((null, ResolvedBy.None), (unhashable.Corrected.Role, unhashable.Corrected.ResolvedBy));
    }

    [Fact]
    public void NullClaimsAreAbsentUnderCorrectedAndNullTeamIsNoTeamUpstream()
    {
        var identity = Resolve("    user_id_jwt_field: sub\n    team_id_jwt_field: team\n    team_id_default: dflt\n    user_roles_jwt_field: roles\n    user_allowed_roles: [x]\n",
            "{\"sub\":null,\"team\":null,\"roles\":null}");
        // Upstream: a present null team claim is None (not the default); sub null is no user id.
        AssertRoles(identity, null, ResolvedBy.None, "team", ResolvedBy.TeamIdDefault);
        Assert.Equal("dflt", identity.TeamId);
    }

    [Fact]
    public void UpstreamCountsAnEmptyStringUserIdAndTeam()
    {
        AssertRoles(Resolve("    user_id_jwt_field: sub\n", "{\"sub\":\"\"}"), "internal_user", ResolvedBy.UserId, "internal_user", ResolvedBy.UserId);
        AssertRoles(Resolve("    team_id_jwt_field: t\n", "{\"t\":\"\"}"), "team", ResolvedBy.TeamClaim, "team", ResolvedBy.TeamClaim);
    }

    [Fact]
    public void IdentityFieldsAreFilled()
    {
        var identity = Resolve("    org_id_jwt_field: org\n    end_user_id_jwt_field: cust\n    user_roles_jwt_field: ur\n    user_allowed_roles: [a]\n    roles_jwt_field: r\n",
            "{\"sub\":\"s\",\"iss\":\"https://i\",\"exp\":1700000000,\"org\":\"o1\",\"cust\":42,\"ur\":[\"a\",\"b\"],\"r\":[\"b\",\"c\"]}");
        Assert.Equal(("s", "https://i", "o1", "42"), (identity.Subject, identity.Issuer, identity.OrgId, identity.EndUserId));
        Assert.Equal(System.DateTimeOffset.FromUnixTimeSeconds(1700000000), identity.ExpiresUtc);
        Assert.Equal(new[] { "a", "b", "c" }, identity.Roles);
        Assert.Null(identity.UserId);
    }
}
