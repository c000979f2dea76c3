using System.Collections.Generic;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Explain;

/// <summary>The steps of a model-gate decision in words, for -Verbose: which entry applied and which granted, or why none did.</summary>
public static class ModelTrace
{
    /// <summary>Which role_permissions entry governs <paramref name="role"/>'s models, for listings (Expand-RolePermission).</summary>
    public static string ExplainRole(RbacConfiguration config, string role)
    {
        if (!config.JwtAuth.EnforceRbac)
        {
            return $"role {role}: litellm_jwtauth.enforce_rbac is off, so every deployed model is listed (RbacNotEnforced).";
        }

        var entry = config.FindRoleEntry(role);
        var models = entry?.Models.Get();
        return entry is null ? $"role {role}: no role_permissions entry, so every deployed model is listed (Unrestricted)."
            : models is null ? $"role {role}: {entry.YamlPath} has models: null, so every deployed model is listed (Unrestricted)."
            : $"role {role}: {entry.Location.Describe()} applies; models = {entry.ModelsRepr}.";
    }

    /// <summary>Trace lines for <paramref name="role"/> calling <paramref name="model"/>, under both semantics.</summary>
    public static IReadOnlyList<string> Explain(RbacConfiguration config, string? role, string? model)
    {
        var lines = new List<string>();
        var subject = $"model '{model}' for role {role ?? "(none)"}";
        if (!config.JwtAuth.EnforceRbac)
        {
            lines.Add($"{subject}: litellm_jwtauth.enforce_rbac is off, so the RBAC model gate does not run (RbacNotEnforced).");
            return lines;
        }

        if (string.IsNullOrEmpty(role))
        {
            lines.Add($"{subject}: the token has no RBAC role and enforce_rbac is on, so LiteLLM answers 403 Unmatched token.");
            return lines;
        }

        var entry = config.FindRoleEntry(role!);
        if (entry is null)
        {
            lines.Add($"{subject}: no role_permissions entry for {role}, so its models are unrestricted.");
            return lines;
        }

        var models = entry.Models.Get();
        lines.Add($"{subject}: {entry.Location.Describe()} applies (the first entry for {role}); models = {(models is null ? "null" : entry.ModelsRepr)}.");
        if (models is null)
        {
            lines.Add("models is null, so the role's models are unrestricted.");
            return lines;
        }

        if (string.IsNullOrEmpty(model))
        {
            lines.Add("the request names no model, so the gate allows it (NoModel).");
            return lines;
        }

        var corrected = ModelGate.Decide(config, role, model, Semantics.Corrected);
        lines.Add(corrected.Allowed
            ? $"Corrected: models[{IndexOf(models, corrected.MatchedPattern)}] '{corrected.MatchedPattern}' is the first entry that grants it ({Describe(corrected.GrantSource)})."
            : $"Corrected: no entry grants it: it equals no entry, no wildcard matches it{GroupNote(config, model!)}, and there is no '*' or all-proxy-models.");
        lines.Add(corrected.UpstreamAllowed
            ? $"Upstream: '{model}' is an element of the list (exact comparison), so LiteLLM allows it."
            : $"Upstream: '{model}' is not an element of the list; LiteLLM compares exactly (wildcards and groups are text), so it answers 403.");
        return lines;
    }

    private static int IndexOf(IReadOnlyList<string> list, string? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static string GroupNote(RbacConfiguration config, string model)
    {
        var groups = config.AccessGroups.Incomplete is null ? config.AccessGroups.GroupsServing(model) : new string[0];
        return groups.Count == 0 ? ", no access group serves it" : $", and the access groups serving it ({string.Join(", ", groups)}) are not listed";
    }

    private static string Describe(GrantSource source) => source switch
    {
        GrantSource.Exact => "Exact: the same name",
        GrantSource.Wildcard => "Wildcard: fnmatch pattern",
        GrantSource.AllModels => "AllModels: '*' or all-proxy-models",
        GrantSource.AccessGroup => "AccessGroup: a group whose deployments serve the model",
        _ => source.ToString(),
    };
}
