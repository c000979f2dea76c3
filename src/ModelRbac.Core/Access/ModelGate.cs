using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;

namespace ModelRbac.Core.Access;

/// <summary>The <c>role_permissions[].models</c> gate (SEMANTICS §4), under both semantics at once.</summary>
public static class ModelGate
{
    /// <summary>
    /// Decides whether <paramref name="role"/> (null or empty: the token has no role) may call <paramref name="model"/>
    /// (null or empty: the request names no model).
    /// </summary>
    /// <exception cref="RbacException">RoleInvalid for a name outside the RBAC roles; ConfigEnvironmentMissing.</exception>
    public static ModelDecision Decide(RbacConfiguration config, string? role, string? model, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        model = string.IsNullOrEmpty(model) ? null : model;
        var upstream = DecideOne(config, role, model, Semantics.Upstream);
        var corrected = DecideOne(config, role, model, Semantics.Corrected);
        var chosen = semantics == Semantics.Upstream ? upstream : corrected;
        return new ModelDecision(
            role,
            model,
            chosen.Allowed,
            chosen.Source,
            chosen.Pattern,
            semantics,
            chosen.Allowed ? null : LiteLLMMessages.Forbidden,
            chosen.Message,
            upstream.Allowed,
            upstream.Message,
            corrected.Allowed);
    }

    /// <summary>The verdict alone, without messages: allocation-free, for boolean answers over many models.</summary>
    public static bool IsAllowed(RbacConfiguration config, string? role, string? model, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        model = string.IsNullOrEmpty(model) ? null : model;
        return DecideOne(config, role, model, semantics, withMessage: false).Allowed;
    }

    private static Verdict DecideOne(RbacConfiguration config, string? role, string? model, Semantics semantics, bool withMessage = true)
    {
        if (!config.JwtAuth.EnforceRbac)
        {
            return Verdict.Allow(GrantSource.RbacNotEnforced);
        }

        if (role is null)
        {
            return Verdict.Deny(LiteLLMMessages.UnmatchedToken);
        }

        var entry = config.FindRoleEntry(role);
        var allowed = entry?.Models.Get();
        if (entry is null || allowed is null)
        {
            return Verdict.Allow(GrantSource.Unrestricted);
        }

        if (model is null)
        {
            return Verdict.Allow(GrantSource.NoModel);
        }

        if (semantics == Semantics.Upstream)
        {
            return entry.CompiledModels!.ContainsExactly(model)
                ? Verdict.Allow(GrantSource.Exact, model)
                : Verdict.Deny(withMessage ? Denial(entry, role, model) : null);
        }

        var grant = entry.CompiledModels!.FindGrant(model);
        return grant.Granted
            ? Verdict.Allow(grant.Source, allowed[grant.Index])
            : Verdict.Deny(withMessage ? Denial(entry, role, model) : null);
    }

    private static string Denial(RolePermissionEntry entry, string role, string model) =>
        LiteLLMMessages.ModelDenied(role, model, entry.ModelsRepr);

    private readonly struct Verdict
    {
        private Verdict(bool allowed, GrantSource source, string? pattern, string? message)
        {
            Allowed = allowed;
            Source = source;
            Pattern = pattern;
            Message = message;
        }

        public bool Allowed { get; }

        public GrantSource Source { get; }

        public string? Pattern { get; }

        public string? Message { get; }

        public static Verdict Allow(GrantSource source, string? pattern = null) => new(true, source, pattern, null);

        public static Verdict Deny(string? message) => new(false, GrantSource.Denied, null, message);
    }
}
