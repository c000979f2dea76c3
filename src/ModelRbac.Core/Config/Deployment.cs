using System.Collections.Generic;

namespace ModelRbac.Core.Config;

/// <summary>A <c>model_list</c> entry: the fields ModelRbac reads.</summary>
public sealed class Deployment
{
    internal Deployment(
        Resolved<string?> modelName,
        Resolved<string?> litellmModel,
        Resolved<IReadOnlyList<string>?> accessGroups,
        Resolved<string?> id,
        SourceLocation location)
    {
        ModelName = modelName;
        LitellmModel = litellmModel;
        AccessGroups = accessGroups;
        Id = id;
        Location = location;
    }

    /// <summary><c>model_name</c>: the public name requests and role_permissions refer to.</summary>
    public Resolved<string?> ModelName { get; }

    /// <summary><c>litellm_params.model</c>: the provider model called (never compared by a gate).</summary>
    public Resolved<string?> LitellmModel { get; }

    /// <summary><c>model_info.access_groups</c>.</summary>
    public Resolved<IReadOnlyList<string>?> AccessGroups { get; }

    /// <summary><c>model_info.id</c>.</summary>
    public Resolved<string?> Id { get; }

    /// <summary>Where the entry is.</summary>
    public SourceLocation Location { get; }
}
