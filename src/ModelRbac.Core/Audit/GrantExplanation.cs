using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit;

/// <summary>What decided a verdict, in words and place: the granting entry, or the list that lacks the model.</summary>
/// <param name="Entry">The granting list element as written; null when no element decided.</param>
/// <param name="Text">A sentence for people: "role_permissions[0].models[0] 'bedrock-claude-*' (Wildcard)".</param>
/// <param name="Location">Where that is in the config; null when nothing in the config decided (no entry for the role).</param>
public sealed record GrantExplanation(string? Entry, string Text, SourceLocation? Location)
{
    /// <summary>Explains a model verdict of <paramref name="role"/> on <paramref name="config"/>.</summary>
    public static GrantExplanation ForModel(RbacConfiguration config, string role, ModelVerdict verdict)
    {
        if (verdict.Source == GrantSource.RbacNotEnforced)
        {
            return new GrantExplanation(null, "litellm_jwtauth.enforce_rbac is off: every model is allowed", config.JwtAuth.LocationOf("enforce_rbac"));
        }

        var entry = verdict.EntryIndex >= 0 && config.RolePermissions is { } list && verdict.EntryIndex < list.Count ? list[verdict.EntryIndex] : null;
        if (entry is null)
        {
            return new GrantExplanation(null, $"no role_permissions entry for {role}: unrestricted", null);
        }

        var models = entry.Models.GetOr(null);
        if (verdict.PatternIndex >= 0 && models is not null && verdict.PatternIndex < models.Count)
        {
            var location = entry.ModelLocation(verdict.PatternIndex);
            return new GrantExplanation(models[verdict.PatternIndex], $"{location.YamlPath} '{models[verdict.PatternIndex]}' ({verdict.Source})", location);
        }

        var listLocation = entry.Location with { YamlPath = entry.YamlPath + ".models" };
        return verdict.Source switch
        {
            GrantSource.Unrestricted => new GrantExplanation(null, $"{entry.YamlPath}.models is null: unrestricted", listLocation),
            GrantSource.NoModel => new GrantExplanation(null, "the request names no model", listLocation),
            _ => new GrantExplanation(null, $"no element of {entry.YamlPath}.models grants it", listLocation),
        };
    }

    /// <summary>Explains a route verdict of <paramref name="role"/> on <paramref name="config"/>.</summary>
    public static GrantExplanation ForRoute(RbacConfiguration config, string role, RouteVerdict verdict)
    {
        if (verdict.Reason == RouteVerdictReason.RbacNotEnforced)
        {
            return new GrantExplanation(null, "litellm_jwtauth.enforce_rbac is off: every route is allowed", config.JwtAuth.LocationOf("enforce_rbac"));
        }

        var entry = verdict.EntryIndex >= 0 && config.RolePermissions is { } list && verdict.EntryIndex < list.Count ? list[verdict.EntryIndex] : null;
        if (entry is null)
        {
            return new GrantExplanation(null, $"no role_permissions entry for {role}: unrestricted", null);
        }

        var routes = entry.Routes.GetOr(null);
        if (verdict.RouteIndex >= 0 && routes is not null && verdict.RouteIndex < routes.Count)
        {
            var location = entry.RouteLocation(verdict.RouteIndex);
            var template = verdict.Template is null ? string.Empty : $" (template {verdict.Template})";
            return new GrantExplanation(routes[verdict.RouteIndex], $"{location.YamlPath} '{routes[verdict.RouteIndex]}'{template}", location);
        }

        var listLocation = entry.Location with { YamlPath = entry.YamlPath + ".routes" };
        return verdict.Reason == RouteVerdictReason.Unrestricted
            ? new GrantExplanation(null, $"{entry.YamlPath}.routes is null: unrestricted", listLocation)
            : new GrantExplanation(null, $"no element of {entry.YamlPath}.routes grants it", listLocation);
    }
}
