using System.Collections.Generic;

namespace ModelRbac.Core.Config;

/// <summary>A <c>litellm_jwtauth.role_mappings</c> entry: a JWT role value and the RBAC role it maps to.</summary>
public sealed record RoleMapping(string Role, string InternalRole, SourceLocation Location);

/// <summary>A <c>litellm_jwtauth.scope_mappings</c> entry.</summary>
public sealed record ScopeMapping(string Scope, IReadOnlyList<string>? Models, IReadOnlyList<string>? Routes, SourceLocation Location)
{
    /// <summary>Where each element of <c>models</c> is (empty when the list is null).</summary>
    public IReadOnlyList<SourceLocation> ModelLocations { get; internal init; } = new SourceLocation[0];
}

/// <summary>
/// <c>general_settings.litellm_jwtauth</c>: the keys written in the config (typed per LiteLLM's declaration) and
/// LiteLLM's defaults for the rest. Reading a value whose <c>os.environ/</c> variable is unset throws.
/// </summary>
public sealed class JwtAuthSettings
{
    private readonly IReadOnlyDictionary<string, Resolved<object?>> _values;

    internal JwtAuthSettings(IReadOnlyDictionary<string, Resolved<object?>> values, IReadOnlyDictionary<string, SourceLocation> locations, bool present)
    {
        _values = values;
        Locations = locations;
        IsPresent = present;
        _enforceRbac = values.TryGetValue("enforce_rbac", out var enforce) ? enforce : Resolved<object?>.Of(null);
    }

    // Read on every decision, so kept apart from the dictionary.
    private readonly Resolved<object?> _enforceRbac;

    /// <summary>Whether the config has a <c>litellm_jwtauth</c> section at all.</summary>
    public bool IsPresent { get; }

    /// <summary>Where the <c>litellm_jwtauth</c> key is (or would be), for findings about the section as a whole.</summary>
    public SourceLocation Location { get; internal init; } = new(null, "general_settings.litellm_jwtauth", 0, 0);

    /// <summary>Where <paramref name="key"/> is written, or the section's location when it is not.</summary>
    public SourceLocation LocationOf(string key) => Locations.TryGetValue(key, out var location) ? location : Location;

    /// <summary>Where each key written in the config is.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; }

    /// <summary>The keys written in the config, in no particular order.</summary>
    public IEnumerable<string> WrittenKeys => _values.Keys;

    /// <summary>The typed value of a key as written (null when absent or null); throws when its variable is unset.</summary>
    public object? GetWritten(string key) => _values.TryGetValue(key, out var value) ? value.Get() : null;

    /// <summary>For display: the value, or "os.environ/NAME (unset)" when its variable is unset. Never for decisions.</summary>
    public object? GetWrittenForDisplay(string key) =>
        !_values.TryGetValue(key, out var value) ? null
        : value.Missing is { } missing ? EnvironmentResolver.Prefix + missing.Name + " (unset)"
        : value.Get();

    /// <summary><c>enforce_rbac</c>, or null when it comes from an unset variable (for display).</summary>
    public bool? EnforceRbacOrNull() => _values.TryGetValue("enforce_rbac", out var value) && value.Missing is not null ? null : EnforceRbac;

    /// <summary>True when the key is written, whether or not its variable is set.</summary>
    public bool IsWritten(string key) => _values.ContainsKey(key);

    /// <summary><c>admin_jwt_scope</c> (default <c>litellm_proxy_admin</c>).</summary>
    public string AdminJwtScope => Text("admin_jwt_scope") ?? "litellm_proxy_admin";

    /// <summary><c>enforce_rbac</c> (default false).</summary>
    public bool EnforceRbac => _enforceRbac.Get() as bool? ?? false;

    /// <summary><c>team_id_jwt_field</c>.</summary>
    public string? TeamIdJwtField => Text("team_id_jwt_field");

    /// <summary><c>team_ids_jwt_field</c>.</summary>
    public string? TeamIdsJwtField => Text("team_ids_jwt_field");

    /// <summary><c>team_id_default</c>.</summary>
    public string? TeamIdDefault => Text("team_id_default");

    /// <summary><c>org_id_jwt_field</c>.</summary>
    public string? OrgIdJwtField => Text("org_id_jwt_field");

    /// <summary><c>user_id_jwt_field</c>.</summary>
    public string? UserIdJwtField => Text("user_id_jwt_field");

    /// <summary><c>user_email_jwt_field</c>.</summary>
    public string? UserEmailJwtField => Text("user_email_jwt_field");

    /// <summary><c>end_user_id_jwt_field</c>.</summary>
    public string? EndUserIdJwtField => Text("end_user_id_jwt_field");

    /// <summary><c>user_roles_jwt_field</c>.</summary>
    public string? UserRolesJwtField => Text("user_roles_jwt_field");

    /// <summary><c>user_allowed_roles</c>.</summary>
    public IReadOnlyList<string>? UserAllowedRoles => Strings("user_allowed_roles");

    /// <summary><c>roles_jwt_field</c>.</summary>
    public string? RolesJwtField => Text("roles_jwt_field");

    /// <summary><c>object_id_jwt_field</c>.</summary>
    public string? ObjectIdJwtField => Text("object_id_jwt_field");

    /// <summary><c>role_mappings</c>, in config order.</summary>
    public IReadOnlyList<RoleMapping>? RoleMappings => GetWritten("role_mappings") as IReadOnlyList<RoleMapping>;

    /// <summary><c>scope_mappings</c>, in config order.</summary>
    public IReadOnlyList<ScopeMapping>? ScopeMappings => GetWritten("scope_mappings") as IReadOnlyList<ScopeMapping>;

    /// <summary><c>enforce_scope_based_access</c>.</summary>
    public bool EnforceScopeBasedAccess => Flag("enforce_scope_based_access");

    /// <summary><c>public_key_ttl</c> in seconds (default 600).</summary>
    public double PublicKeyTtlSeconds => GetWritten("public_key_ttl") as double? ?? 600;

    /// <summary><c>admin_allowed_routes</c> (LiteLLM's default when not written).</summary>
    public IReadOnlyList<string> AdminAllowedRoutes =>
        Strings("admin_allowed_routes") ?? new[] { "management_routes", "spend_tracking_routes", "global_spend_tracking_routes", "info_routes" };

    /// <summary><c>team_allowed_routes</c> (LiteLLM's default when not written).</summary>
    public IReadOnlyList<string> TeamAllowedRoutes => Strings("team_allowed_routes") ?? new[] { "openai_routes", "info_routes", "mcp_routes" };

    /// <summary><c>public_key_url</c> (newer configs; LiteLLM itself reads JWT_PUBLIC_KEY_URL).</summary>
    public string? PublicKeyUrl => Text("public_key_url");

    /// <summary><c>audience</c> (newer configs; LiteLLM itself reads JWT_AUDIENCE).</summary>
    public string? Audience => Text("audience");

    /// <summary><c>issuer</c> (newer configs; LiteLLM itself reads JWT_ISSUER).</summary>
    public string? Issuer => Text("issuer");

    private string? Text(string key) => GetWritten(key) as string;

    private bool Flag(string key) => GetWritten(key) as bool? ?? false;

    private IReadOnlyList<string>? Strings(string key) => GetWritten(key) as IReadOnlyList<string>;
}
