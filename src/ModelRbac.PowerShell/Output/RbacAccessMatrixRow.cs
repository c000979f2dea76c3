using System.Collections.Generic;

namespace ModelRbac;

/// <summary>
/// One row of Get-RbacAccessMatrix: a model and one boolean per RBAC role (null when the role was not asked for),
/// under the chosen semantics, with the roles where Upstream and Corrected disagree. Flat, so Export-Csv works.
/// </summary>
public sealed class RbacAccessMatrixRow
{
    internal RbacAccessMatrixRow(string model, bool deployed, bool? proxyAdmin, bool? team, bool? internalUser, RbacSemantics semantics, IReadOnlyList<string> divergentRoles)
    {
        Model = model;
        Deployed = deployed;
        proxy_admin = proxyAdmin;
        this.team = team;
        internal_user = internalUser;
        Semantics = semantics;
        Divergent = divergentRoles.Count > 0;
        DivergentRoles = string.Join(" ", divergentRoles);
    }

    /// <summary>The model name.</summary>
    public string Model { get; }

    /// <summary>True for a deployed <c>model_name</c>; false for a name added with -Model.</summary>
    public bool Deployed { get; }

#pragma warning disable IDE1006, CA1707 // The columns are named exactly as the RBAC roles, as operators write them.
    /// <summary>May proxy_admin call it (null when the role was not asked for).</summary>
    public bool? proxy_admin { get; }

    /// <summary>May team call it (null when the role was not asked for).</summary>
    public bool? team { get; }

    /// <summary>May internal_user call it (null when the role was not asked for).</summary>
    public bool? internal_user { get; }
#pragma warning restore IDE1006, CA1707

    /// <summary>The semantics of the role columns.</summary>
    public RbacSemantics Semantics { get; }

    /// <summary>True when some role's verdict differs between Upstream and Corrected.</summary>
    public bool Divergent { get; }

    /// <summary>The roles whose verdict differs between Upstream and Corrected, space-separated ("" when none).</summary>
    public string DivergentRoles { get; }
}
