using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using ModelRbac.Core.Audit;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Errors;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lints a LiteLLM config for RBAC mistakes and for entries that behave differently on today's LiteLLM; with -FailOn it is a CI gate.</para>
/// <para type="description">Test-RbacConfig writes one RbacLintFinding per problem, each with a Severity, a stable Rule id (MR001…) and name, the file, YAML path and line, and a message. Rules: MR001 the config does not load; MR002 an unknown RBAC role name; MR003 user_roles_jwt_field and user_allowed_roles not set together; MR004 object_id_jwt_field without role_mappings; MR005 an undeclared litellm_jwtauth key; MR006 wildcard, '*' or access-group models entries LiteLLM compares exact-string; MR007 models entries matching no deployed model; MR008 duplicate role entries (only the first counts); MR009 role_permissions while enforce_rbac is off; MR010 role_mappings shadowed by team or user ids under Upstream; MR011 wildcards in scope_mappings; MR012 '*' (or the route '/*') granted to a non-admin role; MR013 JWT auth with neither audience nor issuer; MR014 a string-valued roles claim in a -Claims sample; MR015 routes entries that grant no path; MR016 routes entries LiteLLM compares as text; MR017 values behind unset os.environ/ variables; MR018 scope_mappings without enforce_scope_based_access. A path is loaded leniently, so what makes LiteLLM refuse to start is reported as Error findings with their place instead of one exception (Import-RbacConfig stays strict). -FailOn Error or Warning throws a terminating ConfigLintFailed error after writing the findings when any finding is at or above that severity, or when a config could not be read. -SarifPath writes the findings as SARIF 2.1.0 for code-scanning UIs.</para>
/// </summary>
/// <example>
/// <code>Test-RbacConfig ./examples/seed-repro.yaml | Format-Table Severity, Rule, RuleName, Line, Message -Wrap</code>
/// <para>Flags the wildcard entries LiteLLM compares exact-string today, '*' and bedrock-claude-*, and the missing audience and issuer.</para>
/// </example>
/// <example>
/// <code>$sarif = Join-Path ([IO.Path]::GetTempPath()) 'modelrbac.sarif'
/// Test-RbacConfig -Config ./examples/route-gate.yaml -SarifPath $sarif | Select-Object Rule, Line
/// (Get-Content $sarif -Raw | ConvertFrom-Json).runs[0].results.Count</code>
/// <para>Writes the findings as SARIF 2.1.0 for a code-scanning upload, and counts its results.</para>
/// </example>
/// <example>
/// <code>try { Test-RbacConfig ./examples/seed-repro.yaml -FailOn Warning | Out-Null } catch { $_.FullyQualifiedErrorId }</code>
/// <para>As a CI gate: warnings fail the step with ConfigLintFailed (a terminating error: pwsh -Command exits non-zero; a pwsh -File script goes on unless $ErrorActionPreference is 'Stop').</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "RbacConfig")]
[OutputType(typeof(RbacLintFinding))]
public sealed class TestRbacConfigCommand : PSCmdlet
{
    private readonly List<LintFinding> _findings = new();
    private bool _unreadable;

    /// <summary>
    /// <para type="description">The config to lint: the path of a config.yaml (loaded leniently, so start-up refusals become findings), a FileInfo, or an RbacConfig from Import-RbacConfig. Several may be given, or bound from the pipeline.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object Config { get; set; } = null!;

    /// <summary>
    /// <para type="description">Sample token claims (hashtables, objects or JSON text) for the claim-shape rules, such as MR014 (a roles claim that is a string).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? Claims { get; set; }

    /// <summary>
    /// <para type="description">Make the lint a CI gate: after writing the findings, throw a terminating ConfigLintFailed error when any finding is at or above this severity (Error, or Warning which includes Error).</para>
    /// </summary>
    [Parameter]
    [ValidateSet("Error", "Warning")]
    public string? FailOn { get; set; }

    /// <summary>
    /// <para type="description">Also write the findings as a SARIF 2.1.0 file (overwritten), with locations relative to the current directory.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SarifPath { get; set; }

    /// <summary>
    /// <para type="description">Values for os.environ/NAME references in a config given by path, consulted before the config's environment_variables section and the process environment.</para>
    /// </summary>
    [Parameter]
    public IDictionary? Environment { get; set; }

    private IReadOnlyList<JwtClaims>? _samples;

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        if (Claims is null)
        {
            return;
        }

        var samples = new List<JwtClaims>();
        foreach (var sample in Claims)
        {
            try
            {
                samples.Add(ClaimsArgument.Convert(sample));
            }
            catch (RbacException ex)
            {
                // Every sample was asked for; linting without one would silently skip its checks.
                ThrowTerminatingError(ErrorRecords.From(ex, "-Claims"));
            }
        }

        _samples = samples;
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var value = Config is PSObject wrapped ? wrapped.BaseObject : Config;
        if (value is IEnumerable many and not string)
        {
            // -Config a.yaml, b.yaml: each is linted as if it came down the pipeline.
            foreach (var item in many)
            {
                Lint(item is PSObject inner ? inner.BaseObject : item);
            }

            return;
        }

        Lint(value);
    }

    private void Lint(object? candidate)
    {
        IReadOnlyList<LintFinding> findings;
        try
        {
            findings = candidate switch
            {
                RbacConfig loaded => ConfigLinter.Lint(loaded.Configuration, _samples),
                string path => ConfigLinter.LintFile(ConfigArgument.FullPath(this, path), Environment, _samples).Findings,
                FileInfo file => ConfigLinter.LintFile(file.FullName, Environment, _samples).Findings,
                _ => throw new RbacException(
                    ErrorIds.ConfigInvalid,
                    RbacErrorKind.InvalidArgument,
                    $"-Config takes an RbacConfig (from Import-RbacConfig) or the path of a config.yaml, not {candidate?.GetType().Name ?? "null"}.")
                {
                    Target = candidate,
                },
            };
        }
        catch (RbacException ex)
        {
            // Not a finding (nothing was linted), but never a pass: -FailOn fails on it in EndProcessing.
            _unreadable = true;
            WriteError(ErrorRecords.From(ex));
            return;
        }

        foreach (var finding in findings)
        {
            _findings.Add(finding);
            WriteObject(new RbacLintFinding(finding));
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (SarifPath is not null)
        {
            WriteSarif(ConfigArgument.FullPath(this, SarifPath));
        }

        if (FailOn is null)
        {
            return;
        }

        var threshold = FailOn == "Error" ? LintSeverity.Error : LintSeverity.Warning;
        var failing = _findings.FindAll(f => f.Severity <= threshold);
        if (failing.Count == 0 && !_unreadable)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(failing.Count).Append(failing.Count == 1 ? " finding" : " findings").Append(" at or above ").Append(FailOn);
        if (_unreadable)
        {
            message.Append(", and a config that could not be read");
        }

        message.Append('.');
        foreach (var finding in failing.GetRange(0, Math.Min(failing.Count, 10)))
        {
            message.Append(System.Environment.NewLine).Append(finding);
        }

        if (failing.Count > 10)
        {
            message.Append(System.Environment.NewLine).Append("… and ").Append(failing.Count - 10).Append(" more.");
        }

        ThrowTerminatingError(ErrorRecords.Create(ErrorIds.ConfigLintFailed, ErrorCategory.InvalidData, message.ToString(), FailOn));
    }

    private void WriteSarif(string path)
    {
        var version = typeof(TestRbacConfigCommand).Assembly.GetName().Version ?? new Version(0, 0, 0);
        var sarif = SarifLog.Write(_findings, version.ToString(3), SessionState.Path.CurrentFileSystemLocation.ProviderPath);
        try
        {
            File.WriteAllText(path, sarif, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, path));
        }
    }
}
