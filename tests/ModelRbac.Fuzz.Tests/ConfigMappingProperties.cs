using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelRbac.Core.Config;

namespace ModelRbac.Fuzz.Tests;

public sealed record DeploymentModel(string ModelName, string[]? AccessGroups);

public sealed record RoleEntryModel(string Role, string[]? Models, string[]? Routes);

/// <summary>A config as data; written out as YAML by <see cref="ConfigMappingProperties"/>.</summary>
public sealed record ConfigModel(DeploymentModel[] Deployments, RoleEntryModel[] Entries, bool EnforceRbac)
{
    public override string ToString() => JsonSerializer.Serialize(this);
}

public static class ConfigArbitraries
{
    // Characters YAML gives meaning to; written quoted, each must arrive as itself.
    private static readonly string[] s_atoms =
    {
        "a", "b", "-", "*", "?", "[", "]", "!", ":", "#", " ", "'", "\"", "\\", "&", "%", "@", "`", "{", "}", ",", "|", ">",
        "é", "\U0001F600", "/", "yes", "null", "~", "1e3", "0x1F", "<<", "openai_routes", "\t", "\n",
    };

    public static Arbitrary<ConfigModel> Configs()
    {
        var text = Gen.NonEmptyListOf(Gen.Elements(s_atoms)).Select(a => string.Concat(a.Take(8)));
        var list = Gen.ArrayOf(text).OrNull();
        var deployment = Gen.Zip(text, list).Select(p => new DeploymentModel(p.Item1, p.Item2));
        var entry = Gen.Zip(Gen.Elements("proxy_admin", "team", "internal_user"), Gen.Zip(list, list))
            .Select(p => new RoleEntryModel(p.Item1, p.Item2.Item1, p.Item2.Item2));
        return Gen.Zip(Gen.ArrayOf(deployment), Gen.Zip(Gen.ArrayOf(entry), Gen.Elements(true, false)))
            .Select(p => new ConfigModel(p.Item1, p.Item2.Item1, p.Item2.Item2)).ToArbitrary();
    }
}

/// <summary>Whatever strings a config holds, loading it gives back exactly the deployments and role entries written.</summary>
public sealed class ConfigMappingProperties
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(ConfigArbitraries) })]
    public bool JsonFlowYamlLoadsAsWritten(ConfigModel model) => Matches(model, ConfigLoader.LoadText(AsJson(model), "flow.yaml"));

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(ConfigArbitraries) })]
    public bool BlockYamlWithSingleQuotesLoadsAsWritten(ConfigModel model)
    {
        // Single-quoted YAML folds line breaks and tabs are kept; only newlines are left out of this style.
        var flat = model with
        {
            Deployments = model.Deployments.Select(d => new DeploymentModel(Flat(d.ModelName), d.AccessGroups?.Select(Flat).ToArray())).ToArray(),
            Entries = model.Entries.Select(e => new RoleEntryModel(e.Role, e.Models?.Select(Flat).ToArray(), e.Routes?.Select(Flat).ToArray())).ToArray(),
        };
        return Matches(flat, ConfigLoader.LoadText(AsBlock(flat), "block.yaml"));
    }

    private static string Flat(string text) => text.Replace("\n", "n");

    private static bool Matches(ConfigModel model, RbacConfiguration config)
    {
        if (config.Deployments.Count != model.Deployments.Length || config.RolePermissions!.Count != model.Entries.Length)
        {
            return false;
        }

        for (var i = 0; i < model.Deployments.Length; i++)
        {
            var loaded = config.Deployments[i];
            if (loaded.ModelName.Get() != model.Deployments[i].ModelName || !SameList(loaded.AccessGroups.Get(), model.Deployments[i].AccessGroups))
            {
                return false;
            }
        }

        for (var i = 0; i < model.Entries.Length; i++)
        {
            var loaded = config.RolePermissions[i];
            var written = model.Entries[i];
            if (loaded.Role.Get() != written.Role || !SameList(loaded.Models.Get(), written.Models) || !SameList(loaded.Routes.Get(), written.Routes))
            {
                return false;
            }
        }

        // The first entry per role wins, and a role with none is unrestricted.
        foreach (var role in new[] { "proxy_admin", "team", "internal_user" })
        {
            var first = model.Entries.Select((e, i) => (e, i)).FirstOrDefault(p => p.e.Role == role);
            if (config.FindRoleEntry(role)?.Index != (first.e is null ? null : first.i))
            {
                return false;
            }
        }

        return config.JwtAuth.EnforceRbac == model.EnforceRbac;
    }

    private static bool SameList(IReadOnlyList<string>? loaded, string[]? written) =>
        loaded is null ? written is null : written is not null && loaded.SequenceEqual(written);

    private static string AsJson(ConfigModel model) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["model_list"] = model.Deployments.Select(d => new Dictionary<string, object?>
        {
            ["model_name"] = d.ModelName,
            ["model_info"] = new Dictionary<string, object?> { ["access_groups"] = d.AccessGroups },
        }).ToArray(),
        ["general_settings"] = new Dictionary<string, object>
        {
            ["litellm_jwtauth"] = new Dictionary<string, object> { ["enforce_rbac"] = model.EnforceRbac },
            ["role_permissions"] = model.Entries.Select(e => new Dictionary<string, object?> { ["role"] = e.Role, ["models"] = e.Models, ["routes"] = e.Routes }).ToArray(),
        },
    }, s_json);

    private static string AsBlock(ConfigModel model)
    {
        var yaml = new StringBuilder("model_list:\n");
        foreach (var d in model.Deployments)
        {
            yaml.Append("  - model_name: ").Append(Quote(d.ModelName)).Append('\n');
            yaml.Append("    model_info:\n      access_groups:").Append(BlockList(d.AccessGroups, "        ")).Append('\n');
        }

        // An empty block would be null (unrestricted), not an empty list.
        yaml.Append("general_settings:\n  litellm_jwtauth:\n    enforce_rbac: ").Append(model.EnforceRbac ? "true" : "false")
            .Append(model.Entries.Length == 0 ? "\n  role_permissions: []\n" : "\n  role_permissions:\n");
        foreach (var e in model.Entries)
        {
            yaml.Append("    - role: ").Append(e.Role).Append('\n');
            if (e.Models is not null)
            {
                yaml.Append("      models:").Append(BlockList(e.Models, "        ")).Append('\n');
            }

            yaml.Append("      routes:").Append(BlockList(e.Routes, "        ")).Append('\n');
        }

        return yaml.ToString();
    }

    private static string BlockList(string[]? items, string indent) => items switch
    {
        null => " null",
        { Length: 0 } => " []",
        _ => string.Concat(items.Select(i => "\n" + indent + "- " + Quote(i))),
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";
}
