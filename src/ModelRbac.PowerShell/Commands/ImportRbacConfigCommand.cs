using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.PowerShell.Infrastructure;

namespace ModelRbac.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads and validates a LiteLLM proxy config.yaml once, for reuse by the other ModelRbac cmdlets.</para>
/// <para type="description">Import-RbacConfig parses a LiteLLM config the way the proxy does (PyYAML types, os.environ/ values) and keeps what ModelRbac reads: general_settings.litellm_jwtauth, general_settings.role_permissions and the model_list deployments. Every other section is accepted and ignored. Errors name the file, the YAML path and the line; a litellm_jwtauth key LiteLLM does not declare is a warning naming the closest known key.</para>
/// </summary>
/// <example>
/// <code>$config = Import-RbacConfig ./examples/seed-repro.yaml
/// $config</code>
/// <para>Loads the example config and keeps it for Test-ModelAccess and Expand-RolePermission.</para>
/// </example>
/// <example>
/// <code>$yaml = "general_settings:`n  litellm_jwtauth: {enforce_rbac: true}`n  role_permissions:`n    - role: team`n      models: [os.environ/TEAM_MODELS]`n"
/// (Import-RbacConfig -Yaml $yaml -Environment @{ TEAM_MODELS = 'gpt-4o-*' }).Roles</code>
/// <para>Loads config text, resolving the os.environ/ reference from -Environment before the process environment.</para>
/// </example>
/// <example>
/// <code>(Import-RbacConfig ./examples/seed-repro.yaml -Limits @{ MaxYamlDepth = 16; MaxPatternLength = 256 }).Roles | Format-Table Role, Models
/// [ModelRbac.RbacLimits]::new()</code>
/// <para>Loads a config under tighter input limits (a genuinely larger config raises them the same way) and shows the defaults. A config over a limit is ConfigInvalid naming the limit.</para>
/// </example>
[Cmdlet(VerbsData.Import, "RbacConfig", DefaultParameterSetName = PathSet)]
[OutputType(typeof(RbacConfig))]
public sealed class ImportRbacConfigCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string YamlSet = "Yaml";

    /// <summary>
    /// <para type="description">The path of a config.yaml; wildcards are expanded.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = new string[0];

    /// <summary>
    /// <para type="description">The path of a config.yaml, taken literally (no wildcards).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = new string[0];

    /// <summary>
    /// <para type="description">The config as YAML text.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = YamlSet)]
    [AllowEmptyString]
    public string Yaml { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">Values for os.environ/NAME references, consulted before the config's environment_variables section and the process environment.</para>
    /// </summary>
    [Parameter]
    public IDictionary? Environment { get; set; }

    /// <summary>
    /// <para type="description">Input limits, as an RbacLimits or a hashtable naming only the limits to change: MaxConfigCharacters (default 16 MiB), MaxYamlDepth (64), MaxYamlNodes (1,000,000 once aliases are expanded) and MaxPatternLength (1,024 characters per models/routes entry). A config over a limit is ConfigInvalid naming the limit.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public RbacLimits Limits { get; set; } = new();

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == YamlSet)
        {
            Emit(() => ConfigLoader.LoadText(Yaml, null, Environment, Limits.ToYamlLimits()), target: null);
            return;
        }

        foreach (var file in ResolveFiles())
        {
            Emit(() => ConfigLoader.LoadFile(file, Environment, Limits.ToYamlLimits()), file);
        }
    }

    private IEnumerable<string> ResolveFiles()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                yield return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                continue;
            }

            ProviderInfo provider;
            IEnumerable<string> matches;
            try
            {
                matches = GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                WriteError(ErrorRecords.Create(ErrorIds.ConfigNotFound, ErrorCategory.ObjectNotFound, $"{path}: no config file matches.", path));
                continue;
            }

            if (provider.Name != "FileSystem")
            {
                WriteError(ErrorRecords.Create(ErrorIds.ConfigNotFound, ErrorCategory.InvalidArgument, $"{path}: not a file system path.", path));
                continue;
            }

            // A wildcard that matches nothing resolves to no path rather than throwing: still nothing was found.
            var found = new List<string>(matches);
            if (found.Count == 0)
            {
                WriteError(ErrorRecords.Create(ErrorIds.ConfigNotFound, ErrorCategory.ObjectNotFound, $"{path}: no config file matches.", path));
            }

            foreach (var match in found)
            {
                yield return match;
            }
        }
    }

    private void Emit(System.Func<RbacConfiguration> load, string? target)
    {
        try
        {
            var configuration = load();
            foreach (var warning in configuration.Warnings)
            {
                WriteWarning(warning.ToString());
            }

            WriteObject(new RbacConfig(configuration));
        }
        catch (RbacException ex)
        {
            WriteError(ErrorRecords.From(ex, target));
        }
    }
}
