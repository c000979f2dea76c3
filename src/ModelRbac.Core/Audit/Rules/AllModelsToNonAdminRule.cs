using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Matching;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR012: <c>*</c> or <c>all-proxy-models</c> (or the route <c>*</c> or <c>/*</c>) granted to team or internal_user.</summary>
public sealed class AllModelsToNonAdminRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR012";

    /// <inheritdoc/>
    public override string Name => "AllModelsToNonAdmin";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "'*' or 'all-proxy-models' is granted to a role other than proxy_admin.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var entry in context.EffectiveEntries())
        {
            var role = entry.Role.Get();
            if (role == RbacRoles.ProxyAdmin)
            {
                continue;
            }

            var models = entry.Models.GetOr(null) ?? new string[0];
            for (var i = 0; i < models.Count; i++)
            {
                if (models[i] is "*" or ModelPatternList.AllProxyModels)
                {
                    yield return Finding(
                        $"'{models[i]}' grants role {role} every model (today and every model deployed later); list the models or a group instead.",
                        entry.ModelLocation(i));
                }
            }

            var routes = entry.Routes.GetOr(null) ?? new string[0];
            for (var i = 0; i < routes.Count; i++)
            {
                if (routes[i] == "*")
                {
                    yield return Finding(
                        $"routes '*' grants role {role} every route, management routes included, under Corrected (LiteLLM today reads it as the literal path '*').",
                        entry.RouteLocation(i));
                }
                else if (routes[i] == "/*")
                {
                    yield return Finding(
                        $"routes '/*' grants role {role} every route, management routes included, on today's LiteLLM too (a prefix grant on '/').",
                        entry.RouteLocation(i));
                }
            }
        }
    }
}
