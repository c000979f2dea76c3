namespace ModelRbac.Core.Access;

/// <summary>A routes entry that can grant no request path, and why (so an operator sees it before LiteLLM silently denies).</summary>
public sealed record DeadRouteEntry(string Role, int EntryIndex, int RouteIndex, string Route, string Reason, Config.SourceLocation Location)
{
    /// <summary>The YAML path of the entry.</summary>
    public string YamlPath => "general_settings.role_permissions[" + EntryIndex + "].routes[" + RouteIndex + "]";
}
