using System.Collections.Generic;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit;

/// <summary>What the lint rules read: the config and, optionally, sample claims of real tokens.</summary>
public sealed class LintContext
{
    /// <summary>Creates the context.</summary>
    public LintContext(RbacConfiguration config, IReadOnlyList<JwtClaims>? claimSamples = null)
    {
        Config = config;
        ClaimSamples = claimSamples ?? new JwtClaims[0];
    }

    /// <summary>The config (possibly loaded leniently: see <see cref="RbacConfiguration.StartupRefusals"/>).</summary>
    public RbacConfiguration Config { get; }

    /// <summary>Claims of sample tokens (decoded payloads), for rules about claim shapes.</summary>
    public IReadOnlyList<JwtClaims> ClaimSamples { get; }

    /// <summary>The role_permissions entries whose role and list resolved (entries from unset variables are skipped).</summary>
    internal IEnumerable<RolePermissionEntry> ResolvedEntries()
    {
        foreach (var entry in Config.RolePermissions ?? new RolePermissionEntry[0])
        {
            if (entry.Role.Missing is null)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The first entry of each RBAC role (the one LiteLLM reads), skipping roles behind unset variables.</summary>
    internal IEnumerable<RolePermissionEntry> EffectiveEntries()
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in ResolvedEntries())
        {
            if (entry.Role.Get() is { } role && Access.RbacRoles.IsRole(role) && seen.Add(role))
            {
                yield return entry;
            }
        }
    }
}
