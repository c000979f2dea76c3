namespace ModelRbac.Core.Identity;

/// <summary>The outcome of role resolution under one semantics.</summary>
/// <param name="Role">proxy_admin, team or internal_user; null for no role (and always for an error).</param>
/// <param name="ResolvedBy">The rule that decided.</param>
/// <param name="Error">LiteLLM's exception text when <see cref="ResolvedBy"/> is Error, else null.</param>
public sealed record RoleResolution(string? Role, ResolvedBy ResolvedBy, string? Error = null)
{
    internal static RoleResolution NoRole { get; } = new(null, ResolvedBy.None);

    internal static RoleResolution Failed(string message) => new(null, ResolvedBy.Error, message);
}
