using System.Collections.Generic;
using ModelRbac.Core.Yaml;

namespace ModelRbac.Core.Config;

/// <summary>Reads <c>model_list</c>: each deployment's name, provider model, access groups and id.</summary>
internal static class ModelListReader
{
    public static IReadOnlyList<Deployment> Read(YMapping root, ConfigReadContext context)
    {
        var node = root.Get("model_list");
        switch (node)
        {
            case null:
            case YScalar { Type: ScalarType.Null }:
                return new Deployment[0];
            case YSequence list:
                var deployments = new List<Deployment>(list.Items.Count);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    deployments.Add(ReadDeployment(list.Items[i], "model_list[" + i + "]", context));
                }

                return deployments;
            default:
                throw context.Invalid(node, "model_list", $"expected a list of deployments, found {node.Describe()}");
        }
    }

    private static Deployment ReadDeployment(YNode node, string path, ConfigReadContext context)
    {
        if (node is not YMapping entry)
        {
            throw context.Invalid(node, path, $"expected a deployment mapping, found {node.Describe()}");
        }

        var modelName = context.OptionalScalarText(entry.Get("model_name"), path + ".model_name");
        if (modelName.Missing is null && modelName.Get() is null)
        {
            throw context.Invalid(entry, path + ".model_name", "a deployment needs 'model_name'");
        }

        // A wildcard model_name (openai/*) is compiled as a pattern for access groups.
        if (modelName.Missing is null && modelName.Get() is { } name && Matching.FnmatchPattern.HasWildcardSyntax(name))
        {
            context.CheckPatternLength(name, entry.Get("model_name"), path + ".model_name");
        }

        var parameters = context.OptionalMapping(entry.Get("litellm_params"), path + ".litellm_params");
        var info = context.OptionalMapping(entry.Get("model_info"), path + ".model_info");
        return new Deployment(
            modelName,
            context.OptionalScalarText(parameters?.Get("model"), path + ".litellm_params.model"),
            context.OptionalStringList(info?.Get("access_groups"), path + ".model_info.access_groups"),
            context.OptionalScalarText(info?.Get("id"), path + ".model_info.id"),
            context.At(entry, path));
    }
}
