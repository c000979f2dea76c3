using System;
using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Audit;

/// <summary>One (model, role) cell: the verdict under each semantics, with what decided it.</summary>
public readonly struct AccessCell
{
    internal AccessCell(ModelVerdict upstream, ModelVerdict corrected)
    {
        Upstream = upstream;
        Corrected = corrected;
    }

    /// <summary>What LiteLLM does today.</summary>
    public ModelVerdict Upstream { get; }

    /// <summary>What the config means.</summary>
    public ModelVerdict Corrected { get; }

    /// <summary>The two semantics disagree.</summary>
    public bool Divergent => Upstream.Allowed != Corrected.Allowed;

    /// <summary>The verdict under <paramref name="semantics"/>.</summary>
    public ModelVerdict Get(Semantics semantics) => semantics == Semantics.Upstream ? Upstream : Corrected;
}

/// <summary>
/// Who may call what: every deployed model (plus extra names) × the chosen RBAC roles, decided under both semantics
/// with the compiled gate (<see cref="ModelGate.Explain"/>, no messages built per cell).
/// </summary>
public sealed class AccessMatrix
{
    private readonly AccessCell[] _cells;
    private readonly bool[] _deployed;

    private AccessMatrix(RbacConfiguration config, IReadOnlyList<string> roles, IReadOnlyList<string> models, bool[] deployed, AccessCell[] cells)
    {
        Config = config;
        Roles = roles;
        Models = models;
        _deployed = deployed;
        _cells = cells;
    }

    /// <summary>The config decided.</summary>
    public RbacConfiguration Config { get; }

    /// <summary>The roles (columns), in the order asked for.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The models (rows): deployed model names in config order, then extra names not deployed.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>True when row <paramref name="model"/> is a deployed model_name (false for an extra name).</summary>
    public bool IsDeployed(int model) => _deployed[model];

    /// <summary>The cell of row <paramref name="model"/>, column <paramref name="role"/>.</summary>
    public AccessCell Cell(int model, int role) => _cells[(model * Roles.Count) + role];

    /// <summary>
    /// Decides every cell. <paramref name="roles"/> defaults to the three RBAC roles; each must be one of them
    /// (RoleInvalid otherwise). <paramref name="extraModels"/> adds rows for names not deployed.
    /// </summary>
    /// <exception cref="Errors.RbacException">RoleInvalid; ConfigEnvironmentMissing when a needed value is unset.</exception>
    public static AccessMatrix Build(RbacConfiguration config, IReadOnlyList<string>? roles = null, IEnumerable<string>? extraModels = null)
    {
        var columns = new List<string>();
        foreach (var role in roles ?? RbacRoles.All)
        {
            var valid = RoleArgument.Normalize(role) ?? throw new Errors.RbacException(
                Errors.ErrorIds.RoleInvalid,
                Errors.RbacErrorKind.InvalidArgument,
                $"An empty role has no column in the matrix. Valid roles: {RbacRoles.ListForMessage()}.");
            if (!columns.Contains(valid))
            {
                columns.Add(valid);
            }
        }

        var models = new List<string>(config.DeployedModelNames());
        var deployedCount = models.Count;
        if (extraModels is not null)
        {
            var seen = new HashSet<string>(models, StringComparer.Ordinal);
            foreach (var extra in extraModels)
            {
                if (!string.IsNullOrEmpty(extra) && seen.Add(extra))
                {
                    models.Add(extra);
                }
            }
        }

        var deployed = new bool[models.Count];
        var cells = new AccessCell[models.Count * columns.Count];
        for (var m = 0; m < models.Count; m++)
        {
            deployed[m] = m < deployedCount;
            for (var r = 0; r < columns.Count; r++)
            {
                cells[(m * columns.Count) + r] = new AccessCell(
                    ModelGate.Explain(config, columns[r], models[m], Semantics.Upstream),
                    ModelGate.Explain(config, columns[r], models[m], Semantics.Corrected));
            }
        }

        return new AccessMatrix(config, columns, models, deployed, cells);
    }
}
