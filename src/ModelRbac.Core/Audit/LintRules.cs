using System.Collections.Generic;
using ModelRbac.Core.Audit.Rules;

namespace ModelRbac.Core.Audit;

/// <summary>The lint rules, in id order. Ids are stable: a retired rule's id is never reused.</summary>
public static class LintRules
{
    /// <summary>MR001, reported by the linter when the config cannot be loaded.</summary>
    public static LintRule ConfigLoadFailed { get; } = new ConfigLoadFailedRule();

    /// <summary>MR017, reported when a rule needs a value behind an unset variable.</summary>
    public static LintRule EnvironmentVariableUnset { get; } = new EnvironmentVariableUnsetRule();

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } = new LintRule[]
    {
        ConfigLoadFailed,
        new UnknownRbacRoleRule(),
        new UserRolesWithoutAllowedRolesRule(),
        new ObjectIdWithoutRoleMappingsRule(),
        new UnknownJwtAuthKeyRule(),
        new UpstreamExactMatchRule(),
        new DeadModelGrantRule(),
        new DuplicateRoleEntryRule(),
        new RolePermissionsNotEnforcedRule(),
        new RoleMappingsShadowedRule(),
        new ScopeMappingWildcardRule(),
        new AllModelsToNonAdminRule(),
        new JwtAudienceIssuerUnsetRule(),
        new StringRolesClaimRule(),
        new DeadRouteGrantRule(),
        new UpstreamLiteralRouteRule(),
        EnvironmentVariableUnset,
        new ScopeMappingsWithoutEnforcementRule(),
    };
}
