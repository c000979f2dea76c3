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
    public static ModelDecision Decide(RbacConfiguration config, string? role, string? model, Semantics semantics) =>
        Decide(config, role, role, model, semantics);

    /// <summary>
    /// The decision when the two semantics give the identity different roles (a token through Get-JwtRbacRole):
    /// <paramref name="role"/> is decided under Corrected, <paramref name="upstreamRole"/> under Upstream, and the
    /// decision's Role is the chosen semantics' one.
    /// </summary>
    /// <exception cref="RbacException">RoleInvalid; ConfigEnvironmentMissing when a needed value is unset.</exception>
    public static ModelDecision Decide(RbacConfiguration config, string? role, string? upstreamRole, string? model, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        upstreamRole = RoleArgument.Normalize(upstreamRole);
        model = string.IsNullOrEmpty(model) ? null : model;
        var upstream = DecideOne(config, upstreamRole, model, Semantics.Upstream);
        var corrected = DecideOne(config, role, model, Semantics.Corrected);
        var chosen = semantics == Semantics.Upstream ? upstream : corrected;
        return new ModelDecision(
            semantics == Semantics.Upstream ? upstreamRole : role,
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

    /// <summary>
    /// The verdict with the entry and list position that decided it, without messages: allocation-free, for
    /// matrices and diffs that need "which entry" for every cell.
    /// </summary>
    /// <exception cref="RbacException">RoleInvalid for a name outside the RBAC roles; ConfigEnvironmentMissing.</exception>
    public static ModelVerdict Explain(RbacConfiguration config, string? role, string? model, Semantics semantics)
    {
        role = RoleArgument.Normalize(role);
        model = string.IsNullOrEmpty(model) ? null : model;
        var verdict = DecideOne(config, role, model, semantics, withMessage: false);
        return new ModelVerdict(verdict.Allowed, verdict.Source, verdict.EntryIndex, verdict.PatternIndex);
    }

    private static Verdict DecideOne(RbacConfiguration config, string? role, string? model, Semantics semantics, bool withMessage = true)
    {
        if (!config.JwtAuth.EnforceRbac)
        {
            return Verdict.Allow(GrantSource.RbacNotEnforced);
        }

        if (role is null)
        {
            return Verdict.Deny(LiteLLMMessages.UnmatchedToken, -1);
        }

        var entry = config.FindRoleEntry(role);
        var allowed = entry?.Models.Get();
        if (entry is null || allowed is null)
        {
            return Verdict.Allow(GrantSource.Unrestricted, entry?.Index ?? -1);
        }

        if (model is null)
        {
            return Verdict.Allow(GrantSource.NoModel, entry.Index);
        }

        if (semantics == Semantics.Upstream)
        {
            var exact = entry.CompiledModels!.ExactIndex(model);
            return exact >= 0
                ? Verdict.Allow(GrantSource.Exact, entry.Index, exact, model)
                : Verdict.Deny(withMessage ? Denial(entry, role, model) : null, entry.Index);
        }

        var grant = entry.CompiledModels!.FindGrant(model);
        return grant.Granted
            ? Verdict.Allow(grant.Source, entry.Index, grant.Index, allowed[grant.Index])
            : Verdict.Deny(withMessage ? Denial(entry, role, model) : null, entry.Index);
    }

    private static string Denial(RolePermissionEntry entry, string role, string model) =>
        LiteLLMMessages.ModelDenied(role, model, entry.ModelsRepr);

    private readonly struct Verdict
    {
        private Verdict(bool allowed, GrantSource source, string? pattern, string? message, int entryIndex, int patternIndex)
        {
            Allowed = allowed;
            Source = source;
            Pattern = pattern;
            Message = message;
            EntryIndex = entryIndex;
            PatternIndex = patternIndex;
        }

        public int EntryIndex { get; }

        public int PatternIndex { get; }

        public bool Allowed { get; }

        public GrantSource Source { get; }

        public string? Pattern { get; }

        public string? Message { get; }

        public static Verdict Allow(GrantSource source, int entryIndex = -1, int patternIndex = -1, string? pattern = null) =>
            new(true, source, pattern, null, entryIndex, patternIndex);

        public static Verdict Deny(string? message, int entryIndex) => new(false, GrantSource.Denied, null, message, entryIndex, -1);
    }
}
