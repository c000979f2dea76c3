namespace ModelRbac.Core.Access;

/// <summary>A deployed model a role may call, and the entry that grants it.</summary>
public sealed record RoleModelGrantInfo(string Role, string Model, string? Pattern, GrantSource GrantSource);

/// <summary>A role_permissions entry that grants none of the deployed models.</summary>
public sealed record DeadModelEntry(string Role, int EntryIndex, int PatternIndex, string Pattern, Config.SourceLocation Location)
{
    /// <summary>The YAML path of the pattern.</summary>
    public string YamlPath => "general_settings.role_permissions[" + EntryIndex + "].models[" + PatternIndex + "]";
}
