namespace ModelRbac.Fuzz;

/// <summary>Starting inputs beside the examples: configs and claims that reach the less travelled readers.</summary>
public static class Seeds
{
    /// <summary>Every claim field LiteLLM reads, role mappings and an allow-list.</summary>
    public const string RichJwtConfig =
        "model_list:\n" +
        "  - model_name: gpt-4o\n    litellm_params: {model: openai/gpt-4o}\n    model_info: {access_groups: [beta], id: one}\n" +
        "  - model_name: openai/*\n    litellm_params: {model: openai/*}\n    model_info: {access_groups: [wild]}\n" +
        "general_settings:\n" +
        "  enforce_rbac: true\n" +
        "  litellm_jwtauth:\n" +
        "    admin_jwt_scope: litellm_proxy_admin\n" +
        "    team_id_jwt_field: org.team\n" +
        "    team_ids_jwt_field: groups\n" +
        "    team_id_default: default-team\n" +
        "    user_id_jwt_field: preferred_username\n" +
        "    user_email_jwt_field: email\n" +
        "    org_id_jwt_field: metadata.org\\.id\n" +
        "    end_user_id_jwt_field: customer\n" +
        "    user_roles_jwt_field: resource_access.litellm.roles\n" +
        "    user_allowed_roles: [proxy_admin, internal_user, viewer]\n" +
        "    roles_jwt_field: realm_access.roles\n" +
        "    role_mappings:\n      - {role: admins, internal_role: proxy_admin}\n      - {role: devs, internal_role: team}\n" +
        "    enforce_rbac: true\n" +
        "  role_permissions:\n" +
        "    - {role: internal_user, models: ['bedrock-claude-*', '[!a-c]?x', beta], routes: [openai_routes, '/model-host/*']}\n" +
        "    - {role: team, models: [wild, '*'], routes: ['/v1/threads/{thread_id}', '*']}\n" +
        "    - {role: proxy_admin, models: null}\n";

    /// <summary>Claims in the shapes the readers must take apart.</summary>
    public static readonly string[] Payloads =
    {
        "{\"sub\":\"u1\",\"preferred_username\":\"alice\",\"scope\":\"openid litellm_proxy_admin\",\"resource_access\":{\"litellm\":{\"roles\":[\"proxy_admin\"]}}}",
        "{\"sub\":\"u2\",\"scp\":[\"a\",\"b\"],\"realm_access\":{\"roles\":\"devs\"},\"org\":{\"team\":[\"t1\",2]},\"groups\":\"g\",\"exp\":1e400,\"nbf\":-1}",
        "{\"aud\":[\"x\",\"litellm\"],\"iss\":\"https://idp.example.test/realms/main\",\"email\":null,\"metadata\":{\"org.id\":\"o\"},\"customer\":7,\"exp\":\"soon\"}",
        "{\"resource_access\":{\"litellm\":{\"roles\":[]}},\"scope\":null,\"iat\":1.5,\"jti\":\"j\",\"sub\":\"\\ud800\"}",
    };

    /// <summary>YAML features: anchors, merge keys, tags, environment references, flow and block styles.</summary>
    public static readonly string[] Configs =
    {
        "base: &base {role: team, models: [a]}\ngeneral_settings:\n  litellm_jwtauth: {enforce_rbac: os.environ/FUZZ_TRUE}\n  role_permissions:\n    - <<: *base\n      routes: [info_routes]\n",
        "model_list:\n  - model_name: os.environ/FUZZ_SET\n    model_info: {access_groups: [g]}\ngeneral_settings:\n  litellm_jwtauth: {enforce_rbac: true}\n  role_permissions:\n    - role: internal_user\n      models: [os.environ/FUZZ_UNSET, g]\n",
        "%YAML 1.1\n---\ngeneral_settings: !!map\n  enforce_rbac: !!bool yes\n  role_permissions: [{role: !!str team, models: !!seq [\"x\\ty\", '*']}]\n...\n",
        "environment_variables: {E: 'proxy_admin'}\ngeneral_settings:\n  litellm_jwtauth:\n    enforce_rbac: 1\n    user_roles_jwt_field: roles\n    user_allowed_roles: [os.environ/E]\n  role_permissions: []\n",
    };
}
