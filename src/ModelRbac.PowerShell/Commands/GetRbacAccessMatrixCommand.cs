using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using ModelRbac.Core.Access;
using ModelRbac.Core.Audit;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Explain;
using ModelRbac.PowerShell.Completion;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Shows who may call what: every deployed model against each RBAC role, with the cells where LiteLLM today (Upstream) and the config's meaning (Corrected) disagree.</para>
/// <para type="description">Get-RbacAccessMatrix decides every model_list model_name (and each extra -Model name) for proxy_admin, team and internal_user (or the -Role subset) under both semantics. By default it writes one RbacAccessMatrixRow per model: a boolean column per role under -Semantics, and Divergent/DivergentRoles where Upstream and Corrected disagree; the rows are flat, so Export-Csv and Format-Table work. -Detailed writes one RbacAccessCell per model and role instead, with the granting entry, its YAML path and line. -AsHtml renders a self-contained HTML page (no external assets): the grid coloured allowed, denied and divergent, the deciding entry on hover, and Test-RbacConfig's findings below it; with -Path the page is written to that file and its FileInfo returned.</para>
/// </summary>
/// <example>
/// <code>Get-RbacAccessMatrix -Config $config</code>
/// <para>One row per deployed model of the example config: internal_user may call the bedrock-claude-* models under Corrected, and those cells diverge, because LiteLLM today compares the list exact-string.</para>
/// </example>
/// <example>
/// <code>Get-RbacAccessMatrix -Config ./examples/seed-repro.yaml -Role internal_user -Model claude-3-opus -Detailed | Format-Table Model, Role, Allowed, GrantSource, MatchedPattern, UpstreamAllowed, Line</code>
/// <para>The internal_user cells with the entry that grants each, including a model that is not deployed.</para>
/// </example>
/// <example>
/// <code>$report = Join-Path ([IO.Path]::GetTempPath()) 'access-matrix.html'
/// Get-RbacAccessMatrix -Config ./examples/seed-repro.yaml -AsHtml -Path $report | Select-Object Name, Length</code>
/// <para>Writes the coloured matrix and the lint findings to one HTML file for a pull-request review.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "RbacAccessMatrix", DefaultParameterSetName = RowsSet)]
[OutputType(typeof(RbacAccessMatrixRow), ParameterSetName = new[] { RowsSet })]
[OutputType(typeof(RbacAccessCell), ParameterSetName = new[] { DetailedSet })]
[OutputType(typeof(string), typeof(FileInfo), ParameterSetName = new[] { HtmlSet })]
public sealed class GetRbacAccessMatrixCommand : ConfigCmdlet
{
    private const string RowsSet = "Rows";
    private const string DetailedSet = "Detailed";
    private const string HtmlSet = "Html";

    /// <summary>
    /// <para type="description">The RBAC roles to show as columns (proxy_admin, team, internal_user); all three when omitted.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string[]? Role { get; set; }

    /// <summary>
    /// <para type="description">Extra model names to add as rows (names not in model_list, such as what clients ask for).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string[]? Model { get; set; }

    /// <summary>
    /// <para type="description">The semantics of the role columns and of Allowed: Corrected (default) or Upstream. Divergence is always computed between the two.</para>
    /// </summary>
    [Parameter]
    public RbacSemantics Semantics { get; set; } = RbacSemantics.Corrected;

    /// <summary>
    /// <para type="description">Write one RbacAccessCell per model and role, with the deciding entry, instead of one row per model.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = DetailedSet)]
    public SwitchParameter Detailed { get; set; }

    /// <summary>
    /// <para type="description">Render the matrix and the lint findings as a self-contained HTML page (written as a string, or to -Path).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = HtmlSet)]
    public SwitchParameter AsHtml { get; set; }

    /// <summary>
    /// <para type="description">With -AsHtml: the file to write the page to (UTF-8, overwritten); the cmdlet then returns its FileInfo.</para>
    /// </summary>
    [Parameter(ParameterSetName = HtmlSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var configuration = ResolvedConfig.Configuration;
        var roles = RoleSelection.Resolve(this, Role, "An empty role has no column in the matrix.");
        if (roles.Count == 0)
        {
            return;
        }

        AccessMatrix matrix;
        try
        {
            // Inside the try: the role trace reads the values a decision needs, and an unset one ends the command alike.
            WriteTrace(() => roles.ConvertAll(role => ModelTrace.ExplainRole(configuration, role)));
            matrix = AccessMatrix.Build(configuration, roles, Model);
        }
        catch (RbacException ex)
        {
            // A value the decisions need is unset: no partial matrix, ever.
            ThrowTerminatingError(ErrorRecords.From(ex, ResolvedConfig.Path));
            return;
        }

        WriteTrace(() => new[] { MatrixTrace.Summarize(matrix) });

        switch (ParameterSetName)
        {
            case DetailedSet:
                WriteCells(matrix);
                break;
            case HtmlSet:
                WriteHtml(matrix);
                break;
            default:
                WriteRows(matrix);
                break;
        }
    }

    private void WriteRows(AccessMatrix matrix)
    {
        var semantics = ToCore(Semantics);
        var proxyAdmin = IndexOf(matrix.Roles, RbacRoles.ProxyAdmin);
        var team = IndexOf(matrix.Roles, RbacRoles.Team);
        var internalUser = IndexOf(matrix.Roles, RbacRoles.InternalUser);
        for (var m = 0; m < matrix.Models.Count; m++)
        {
            var divergent = new List<string>();
            for (var r = 0; r < matrix.Roles.Count; r++)
            {
                if (matrix.Cell(m, r).Divergent)
                {
                    divergent.Add(matrix.Roles[r]);
                }
            }

            WriteObject(new RbacAccessMatrixRow(
                matrix.Models[m],
                matrix.IsDeployed(m),
                Column(matrix, m, proxyAdmin, semantics),
                Column(matrix, m, team, semantics),
                Column(matrix, m, internalUser, semantics),
                Semantics,
                divergent));
        }
    }

    private static int IndexOf(IReadOnlyList<string> roles, string role)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == role)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool? Column(AccessMatrix matrix, int model, int role, Semantics semantics) =>
        role < 0 ? null : matrix.Cell(model, role).Get(semantics).Allowed;

    private void WriteCells(AccessMatrix matrix)
    {
        var semantics = ToCore(Semantics);
        for (var m = 0; m < matrix.Models.Count; m++)
        {
            for (var r = 0; r < matrix.Roles.Count; r++)
            {
                var cell = matrix.Cell(m, r);
                var explanation = GrantExplanation.ForModel(matrix.Config, matrix.Roles[r], cell.Get(semantics));
                WriteObject(new RbacAccessCell(matrix.Models[m], matrix.Roles[r], matrix.IsDeployed(m), Semantics, cell, explanation));
            }
        }
    }

    private void WriteHtml(AccessMatrix matrix)
    {
        var html = AccessMatrixHtml.Render(matrix, ToCore(Semantics), ConfigLinter.Lint(matrix.Config));
        if (Path is null)
        {
            WriteObject(html);
            return;
        }

        var fullPath = ConfigArgument.FullPath(this, Path);
        try
        {
            File.WriteAllText(fullPath, html, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, fullPath));
            return;
        }

        WriteObject(new FileInfo(fullPath));
    }
}
