using System;
using System.Collections.Generic;
using ModelRbac.Core.Config;
using ModelRbac.Core.Matching;

namespace ModelRbac.Core.Access;

/// <summary>Which deployed models each role may call, and which model entries grant none of them.</summary>
public static class RolePermissionExpander
{
    /// <summary>Every (role, deployed model) the gate allows, in role then config order.</summary>
    public static IReadOnlyList<RoleModelGrantInfo> Expand(RbacConfiguration config, string role, Semantics semantics)
    {
        var grants = new List<RoleModelGrantInfo>();
        foreach (var model in config.DeployedModelNames())
        {
            var decision = ModelGate.Decide(config, role, model, semantics);
            if (decision.Allowed)
            {
                grants.Add(new RoleModelGrantInfo(role, model, decision.MatchedPattern, decision.GrantSource));
            }
        }

        return grants;
    }

    /// <summary>
    /// The role's model entries that grant no deployed model under <paramref name="semantics"/> (by themselves,
    /// whatever their position), e.g. a typo, a retired model, or a wildcard Upstream reads literally.
    /// </summary>
    public static IReadOnlyList<DeadModelEntry> FindDeadEntries(RbacConfiguration config, string role, Semantics semantics)
    {
        var dead = new List<DeadModelEntry>();
        var entry = config.FindRoleEntry(role);
        var patterns = entry?.Models.Get();
        if (entry is null || patterns is null)
        {
            return dead;
        }

        var models = config.DeployedModelNames();
        var live = new HashSet<int>();
        foreach (var model in models)
        {
            var grant = semantics == Semantics.Upstream ? ExactIndex(patterns, model) : entry.CompiledModels!.FindGrant(model).Index;
            if (grant >= 0)
            {
                live.Add(grant);
            }
        }

        HashSet<string>? deployed = null;
        List<FnmatchPattern>? wildcardDeployments = null;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (live.Contains(i)
                || IsServedByWildcardDeployment(config, patterns[i], models, ref wildcardDeployments)
                || (semantics == Semantics.Corrected && GrantsAny(config, patterns[i], models, ref deployed)))
            {
                continue;
            }

            dead.Add(new DeadModelEntry(role, entry.Index, i, patterns[i], entry.ModelLocation(i)));
        }

        return dead;
    }

    private static int ExactIndex(IReadOnlyList<string> patterns, string model)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i] == model)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A plain name that a wildcard <c>model_name</c> (such as <c>openai/*</c>) serves: requests for it pass the gate
    /// under both semantics and the router routes them, so the grant is live though no deployment bears the name.
    /// </summary>
    private static bool IsServedByWildcardDeployment(RbacConfiguration config, string pattern, IReadOnlyList<string> models, ref List<FnmatchPattern>? wildcardDeployments)
    {
        if (pattern is "*" or ModelPatternList.AllProxyModels || FnmatchPattern.HasWildcardSyntax(pattern) || config.AccessGroups.IsGroup(pattern))
        {
            return false;
        }

        if (wildcardDeployments is null)
        {
            wildcardDeployments = new List<FnmatchPattern>();
            foreach (var model in models)
            {
                if (FnmatchPattern.HasWildcardSyntax(model))
                {
                    wildcardDeployments.Add(FnmatchPattern.Compile(model));
                }
            }
        }

        foreach (var deployment in wildcardDeployments)
        {
            if (deployment.IsMatch(pattern.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool GrantsAny(RbacConfiguration config, string pattern, IReadOnlyList<string> models, ref HashSet<string>? deployed)
    {
        if (pattern is not ("*" or ModelPatternList.AllProxyModels) && !FnmatchPattern.HasWildcardSyntax(pattern) && !config.AccessGroups.IsGroup(pattern))
        {
            // A plain name grants exactly itself: a set lookup instead of a scan of every deployment.
            deployed ??= new HashSet<string>(models, System.StringComparer.Ordinal);
            return deployed.Contains(pattern);
        }

        var single = new ModelPatternList(new[] { pattern }, config.AccessGroups);
        foreach (var model in models)
        {
            if (single.FindGrant(model).Granted)
            {
                return true;
            }
        }

        return false;
    }
}
