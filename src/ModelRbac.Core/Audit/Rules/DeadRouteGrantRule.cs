using System.Collections.Generic;
using ModelRbac.Core.Access;

namespace ModelRbac.Core.Audit.Rules;

/// <summary>MR015: a routes entry that grants no request path even under Corrected (a misspelt group, a host-pattern group).</summary>
public sealed class DeadRouteGrantRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR015";

    /// <inheritdoc/>
    public override string Name => "DeadRouteGrant";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A role_permissions routes entry grants no request path (a misspelt group name, a group of host patterns).";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var entry in context.EffectiveEntries())
        {
            if (entry.Routes.Missing is not null)
            {
                continue;
            }

            foreach (var dead in DeadRouteFinder.Find(context.Config, entry.Role.Get()!, Semantics.Corrected))
            {
                yield return Finding($"'{dead.Route}' ({dead.Role}) {dead.Reason}.", entry.RouteLocation(dead.RouteIndex));
            }
        }
    }
}

/// <summary>MR016: a routes entry LiteLLM today compares as text ('*', a {placeholder} path) that Corrected reads as a pattern.</summary>
public sealed class UpstreamLiteralRouteRule : LintRule
{
    /// <inheritdoc/>
    public override string Id => "MR016";

    /// <inheritdoc/>
    public override string Name => "UpstreamLiteralRoute";

    /// <inheritdoc/>
    public override LintSeverity Severity => LintSeverity.Warning;

    /// <inheritdoc/>
    public override string Summary => "A role_permissions routes entry ('*', a path with a {placeholder}) that LiteLLM today compares as text.";

    /// <inheritdoc/>
    public override IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var entry in context.EffectiveEntries())
        {
            if (entry.Routes.Missing is not null)
            {
                continue;
            }

            var role = entry.Role.Get()!;
            var deadCorrected = new HashSet<int>();
            foreach (var dead in DeadRouteFinder.Find(context.Config, role, Semantics.Corrected))
            {
                deadCorrected.Add(dead.RouteIndex);
            }

            foreach (var dead in DeadRouteFinder.Find(context.Config, role, Semantics.Upstream))
            {
                if (!deadCorrected.Contains(dead.RouteIndex))
                {
                    yield return Finding($"'{dead.Route}' ({dead.Role}) {dead.Reason}.", entry.RouteLocation(dead.RouteIndex));
                }
            }
        }
    }
}
