using System;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;

namespace ModelRbac.Fuzz;

/// <summary>
/// Differential checks between the gates' two paths: the detailed decision and the allocation-free verdict must
/// agree, a verdict that fails must fail in the detailed path too, and an allowed decision carries no denial.
/// </summary>
public static class Decisions
{
    public static void CheckModel(RbacConfiguration config, string? role, string? model)
    {
        foreach (var semantics in new[] { Semantics.Corrected, Semantics.Upstream })
        {
            var quick = Try(() => ModelGate.IsAllowed(config, role, model, semantics));
            var detailed = Try(() => ModelGate.Decide(config, role, model, semantics));
            if (quick.Failed && !detailed.Failed)
            {
                throw new FuzzFinding($"model gate: IsAllowed failed but Decide answered (role {role}, model {model}, {semantics})");
            }

            if (!quick.Failed && !detailed.Failed)
            {
                var decision = detailed.Value!;
                if (decision.Allowed != quick.Value || decision.Allowed == (decision.GrantSource == GrantSource.Denied) || decision.Allowed == (decision.StatusCode is not null))
                {
                    throw new FuzzFinding($"model gate paths disagree (role {role}, model {model}, {semantics}): {decision} vs {quick.Value}");
                }
            }
        }
    }

    public static void CheckRoute(RbacConfiguration config, string? role, string route)
    {
        foreach (var semantics in new[] { Semantics.Corrected, Semantics.Upstream })
        {
            var quick = Try(() => RouteGate.IsAllowed(config, role, route, semantics));
            var detailed = Try(() => RouteGate.Decide(config, role, route, semantics));
            if (quick.Failed && !detailed.Failed)
            {
                throw new FuzzFinding($"route gate: IsAllowed failed but Decide answered (role {role}, route {route}, {semantics})");
            }

            if (!quick.Failed && !detailed.Failed && (detailed.Value!.Allowed != quick.Value || detailed.Value.Allowed == (detailed.Value.StatusCode is not null)))
            {
                throw new FuzzFinding($"route gate paths disagree (role {role}, route {route}, {semantics}): {detailed.Value} vs {quick.Value}");
            }
        }
    }

    /// <summary>Runs a config-dependent call; only ConfigEnvironmentMissing (a value the decision needs is unset) may fail it.</summary>
    public static Outcome<T> Try<T>(Func<T> call)
    {
        try
        {
            return new Outcome<T>(call(), false);
        }
        catch (RbacException ex) when (ex.ErrorId == ErrorIds.ConfigEnvironmentMissing)
        {
            return new Outcome<T>(default, true);
        }
    }

    public readonly record struct Outcome<T>(T? Value, bool Failed);
}
