using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Identity;

namespace ModelRbac.Fuzz;

/// <summary>
/// The YAML reader and config loader, then every gate and expander on what loads. Invariants: loading fails only
/// with ConfigParseError/ConfigInvalid/ConfigEnvironmentMissing carrying a location; decisions fail only for an
/// unset variable; the gates' detailed and quick paths agree (<see cref="Decisions"/>).
/// </summary>
public sealed class ConfigTarget : IFuzzTarget
{
    private static readonly string?[] s_roles = { null, "proxy_admin", "team", "internal_user" };
    private static readonly string[] s_routes = { "/chat/completions", "/v1/models", "/key/generate", "/v1/threads/abc", "/model-host/x/y", "/" };
    private static readonly JwtClaims s_claims = JwtClaims.Parse(Fuzz.Seeds.Payloads[0]);
    private readonly IDictionary _environment = new Hashtable { ["FUZZ_SET"] = "gpt-4o", ["FUZZ_TRUE"] = "true" };
    private readonly List<byte[]> _seeds = new();

    public ConfigTarget(string examples)
    {
        foreach (var file in Directory.GetFiles(examples, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            _seeds.Add(File.ReadAllBytes(file));
        }

        _seeds.Add(Encoding.UTF8.GetBytes(Fuzz.Seeds.RichJwtConfig));
        foreach (var config in Fuzz.Seeds.Configs)
        {
            _seeds.Add(Encoding.UTF8.GetBytes(config));
        }
    }

    public string Name => "config";

    public int MaxInputLength => 8192;

    public IReadOnlyList<byte[]> Dictionary { get; } = Fragments.Yaml;

    public IEnumerable<byte[]> Seeds() => _seeds;

    public void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        RbacConfiguration config;
        try
        {
            config = ConfigLoader.LoadText(text, "fuzz.yaml", _environment);
        }
        catch (ConfigException ex) when (ex.ErrorId is ErrorIds.ConfigParseError or ErrorIds.ConfigInvalid or ErrorIds.ConfigEnvironmentMissing)
        {
            if (ex.Location is null)
            {
                throw new FuzzFinding("a config error without a location: " + ex.Message);
            }

            return;
        }

        var models = config.Deployments.Select(d => d.ModelName.GetOr(null)).Where(n => n is not null).Take(6).ToList();
        models.AddRange(new[] { "gpt-4o", "bedrock-claude-x", string.Empty });
        foreach (var role in s_roles)
        {
            foreach (var model in models)
            {
                Decisions.CheckModel(config, role, model);
            }

            foreach (var route in s_routes)
            {
                Decisions.CheckRoute(config, role, route);
            }

            if (role is null)
            {
                continue;
            }

            foreach (var semantics in new[] { Semantics.Corrected, Semantics.Upstream })
            {
                Decisions.Try(() => RolePermissionExpander.Expand(config, role, semantics));
                Decisions.Try(() => RolePermissionExpander.FindDeadEntries(config, role, semantics));
                Decisions.Try(() => RoleRouteExpander.Expand(config, role, semantics));
                Decisions.Try(() => DeadRouteFinder.Find(config, role, semantics));
            }
        }

        foreach (var semantics in new[] { Semantics.Corrected, Semantics.Upstream })
        {
            Decisions.Try(() => new JwtIdentityResolver(config.JwtAuth).Resolve(s_claims, semantics, signatureValidated: false));
        }
    }
}
