using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelRbac.Fuzz;

/// <summary>Keyword dictionaries for the mutator.</summary>
public static class Fragments
{
    public static readonly IReadOnlyList<byte[]> Json = Make(
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-0", "1e400", "-1", "1.5", "9223372036854775808",
        "\"sub\":", "\"scope\":", "\"scp\":", "\"exp\":", "\"nbf\":", "\"iat\":", "\"aud\":", "\"iss\":", "\"alg\":", "\"kid\":",
        "\"RS256\"", "\"ES256\"", "\"PS512\"", "\"none\"", "\"HS256\"", "\"example-rsa\"", "\"crit\":", "\"jku\":",
        "\"resource_access\":", "\"roles\":", "\"realm_access\":", "\"groups\":", "\"org\":", "\"team\":", "\"metadata\":",
        "\"proxy_admin\"", "\"internal_user\"", "\"team\"", "\"litellm_proxy_admin\"", "\"devs\"", "\"admins\"",
        "\\u0000", "\\ud800", "\\\"", "\\\\", "\u00e9", "\U0001F600", "\0", ".", "\\.");

    public static readonly IReadOnlyList<byte[]> Yaml = Make(
        "\n", "  ", "- ", ": ", "? ", "&a ", "*a", "<<: *a", "!!str ", "!!binary ", "!!int ", "!!map ", "!!seq ", "!!null ", "!custom ",
        "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2024:\n", "|\n", ">-\n", "'", "\"", "[", "]", "{", "}", ",", "#", "\t", "\r\n",
        "~", "null", "yes", "on", "0x1F", "1e3", ".inf", "os.environ/", "os.environ/FUZZ_SET", "os.environ/FUZZ_UNSET",
        "general_settings:", "litellm_jwtauth:", "role_permissions:", "model_list:", "model_name:", "model_info:", "access_groups:",
        "litellm_params:", "environment_variables:", "enforce_rbac: true", "role: internal_user", "role: proxy_admin", "role: team",
        "models:", "routes:", "role_mappings:", "internal_role:", "user_roles_jwt_field:", "user_allowed_roles:", "team_id_default:",
        "object_id_jwt_field:", "public_key_ttl:", "*", "?", "[!", "a-z", "openai_routes", "/*", "{thread_id}", "{p:path}", "all-proxy-models",
        "\u00e9", "\U0001F600", "\u2028", "\ufeff");

    private static IReadOnlyList<byte[]> Make(params string[] items) => items.Select(Encoding.UTF8.GetBytes).ToArray();
}
