using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Identity;
using ModelRbac.Core.Tokens;

namespace ModelRbac.Core.PolicyTests;

/// <summary>
/// Decides policy cases against one config under one semantics: resolves the identity (role, claims or token),
/// asks the model or route gate, and compares with the case's expectations. Any failure to decide fails the case.
/// </summary>
public sealed class PolicyCaseEvaluator
{
    private readonly RbacConfiguration _config;
    private readonly Semantics _semantics;

    /// <summary>Evaluates against <paramref name="config"/> under <paramref name="semantics"/>.</summary>
    public PolicyCaseEvaluator(RbacConfiguration config, Semantics semantics)
    {
        _config = config;
        _semantics = semantics;
    }

    /// <summary>The semantics cases are decided under.</summary>
    public Semantics Semantics => _semantics;

    /// <summary>Decides <paramref name="target"/> (one of the case's models or routes).</summary>
    public PolicyCaseOutcome Evaluate(PolicyCase policyCase, string target)
    {
        var outcome = new PolicyCaseOutcome(policyCase, target, _semantics);
        try
        {
            Decide(policyCase, target, outcome);
            var mismatches = Compare(policyCase, outcome);
            outcome.Passed = mismatches.Count == 0;
            outcome.FailureMessage = outcome.Passed ? null : string.Join("; ", mismatches) + " [" + policyCase.Describe() + "]";
        }
        catch (RbacException ex)
        {
            // Fail closed: a case that cannot be decided fails, whatever it expects.
            outcome.Allowed = false;
            outcome.Passed = false;
            outcome.Error = ex.Message;
            outcome.ErrorId = ex.ErrorId;
            outcome.FailureMessage = $"{ex.ErrorId}: {ex.Message} [{policyCase.Describe()}]";
        }

        return outcome;
    }

    private void Decide(PolicyCase policyCase, string target, PolicyCaseOutcome outcome)
    {
        if (policyCase.IdentityKind == PolicyIdentityKind.Role)
        {
            outcome.Role = policyCase.Role;
        }
        else
        {
            var resolution = Resolve(policyCase).Chosen;
            outcome.ResolvedBy = resolution.ResolvedBy;
            outcome.Role = resolution.Role;
            if (resolution.ResolvedBy == Identity.ResolvedBy.Error)
            {
                // LiteLLM answers 401 before any gate: the request is refused.
                outcome.Allowed = false;
                outcome.DenialMessage = "401 Authentication Error, " + resolution.Error;
                return;
            }
        }

        var entry = outcome.Role is not null && _config.JwtAuth.EnforceRbac ? _config.FindRoleEntry(outcome.Role) : null;
        if (policyCase.Gate == PolicyGate.Model)
        {
            var decision = ModelGate.Decide(_config, outcome.Role, target, _semantics);
            outcome.Allowed = decision.Allowed;
            outcome.GrantSource = decision.GrantSource;
            outcome.Matched = decision.MatchedPattern;
            outcome.DenialMessage = decision.Message;
            Locate(outcome, entry, entry?.Models.GetOr(null), target.Length == 0);
        }
        else
        {
            var decision = RouteGate.Decide(_config, outcome.Role, RouteGate.StripQuery(target), _semantics);
            outcome.Allowed = decision.Allowed;
            outcome.Matched = decision.MatchedEntry;
            outcome.DenialMessage = decision.Message;
            Locate(outcome, entry, entry?.Routes.GetOr(null), false);
        }
    }

    /// <summary>Which entry decided and which of its patterns granted: the first equal to the reported match, as the gates try them in order.</summary>
    private static void Locate(PolicyCaseOutcome outcome, RolePermissionEntry? entry, IReadOnlyList<string>? list, bool noTarget)
    {
        if (entry is null || list is null || noTarget)
        {
            return;
        }

        outcome.EntryIndex = entry.Index;
        if (outcome.Allowed && outcome.Matched is not null)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (string.Equals(list[i], outcome.Matched, StringComparison.Ordinal))
                {
                    outcome.PatternIndex = i;
                    break;
                }
            }
        }
    }

    private JwtIdentity Resolve(PolicyCase policyCase)
    {
        var resolver = new JwtIdentityResolver(_config.JwtAuth);
        if (policyCase.IdentityKind == PolicyIdentityKind.Claims)
        {
            return resolver.Resolve(policyCase.Claims!, _semantics, signatureValidated: false);
        }

        var keys = policyCase.JwksPath is not null ? KeySources.FromJwksFile(policyCase.JwksPath)
            : policyCase.PublicKeyPath is not null ? KeySources.FromPemFile(policyCase.PublicKeyPath)
            : null;
        var options = new TokenValidationOptions
        {
            Audiences = policyCase.Audiences ?? Single(_config.JwtAuth.Audience),
            Issuers = policyCase.Issuers ?? Single(_config.JwtAuth.Issuer),
            IgnoreLifetime = policyCase.IgnoreLifetime,
            SkipSignatureValidation = policyCase.SkipSignatureValidation,
        };
        var validated = TokenValidator.Validate(ReadToken(policyCase.TokenPath!), keys, options);
        return resolver.Resolve(validated.Claims, _semantics, validated.SignatureValidated);
    }

    private static string ReadToken(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new RbacException(ErrorIds.PolicyCasesInvalid, RbacErrorKind.NotFound, $"no such token file: {path}") { Target = path };
            }

            if (info.Length > TokenValidationOptions.DefaultMaxTokenLength * 2)
            {
                throw new RbacException(ErrorIds.TokenMalformed, RbacErrorKind.InvalidData, $"the token file is {info.Length:N0} bytes, too large for a token: {path}") { Target = path };
            }

            return File.ReadAllText(path, Encoding.UTF8).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RbacException(ErrorIds.PolicyCasesInvalid, RbacErrorKind.NotFound, $"cannot read the token file {path}: {ex.Message}", ex) { Target = path };
        }
    }

    private List<string> Compare(PolicyCase policyCase, PolicyCaseOutcome outcome)
    {
        var mismatches = new List<string>();
        var who = Who(policyCase, outcome);
        if (policyCase.HasExpectedRole && !string.Equals(policyCase.ExpectedRole, outcome.Role, StringComparison.Ordinal))
        {
            mismatches.Add($"Expected the {Noun(policyCase)} to resolve to {RoleText(policyCase.ExpectedRole)} ({_semantics}), but it resolved to {RoleText(outcome.Role)} ({outcome.ResolvedBy})");
        }

        if (policyCase.ExpectedResolvedBy is { } resolvedBy && resolvedBy != outcome.ResolvedBy)
        {
            mismatches.Add($"Expected the {Noun(policyCase)} to be resolved by {resolvedBy} ({_semantics}), but it was resolved by {outcome.ResolvedBy} to {RoleText(outcome.Role)}");
        }

        var gate = policyCase.Gate == PolicyGate.Model ? "model" : "route";
        var target = outcome.Target.Length == 0 ? "(no model)" : "'" + outcome.Target + "'";
        if (policyCase.ExpectAllowed && !outcome.Allowed)
        {
            mismatches.Add($"Expected {who} to be allowed {gate} {target} ({_semantics}), but it was denied: {outcome.DenialMessage}");
        }
        else if (!policyCase.ExpectAllowed && outcome.Allowed)
        {
            mismatches.Add($"Expected {who} to be denied {gate} {target} ({_semantics}), but it was allowed {DescribeGrant(outcome)}");
        }
        else if (outcome.Allowed)
        {
            if (policyCase.ExpectedGrantSource is { } source && source != outcome.GrantSource)
            {
                mismatches.Add($"Expected {who} to be allowed {gate} {target} through GrantSource {source} ({_semantics}), but it was allowed {DescribeGrant(outcome)}");
            }

            if (policyCase.ExpectedMatch is { } match && !string.Equals(match, outcome.Matched, StringComparison.Ordinal))
            {
                mismatches.Add($"Expected {who} to be allowed {gate} {target} by '{match}' ({_semantics}), but it was allowed {DescribeGrant(outcome)}");
            }
        }

        return mismatches;
    }

    /// <summary>"by general_settings.role_permissions[1].models[0] '*' (AllModels, line 29)" (the pattern's line), or the reason no entry restricted it.</summary>
    private string DescribeGrant(PolicyCaseOutcome outcome)
    {
        var source = outcome.GrantSource is { } grant ? grant.ToString() : null;
        if (outcome.EntryIndex is { } entryIndex && outcome.PatternIndex is { } patternIndex)
        {
            var entry = _config.RolePermissions![entryIndex];
            var list = outcome.Case.Gate == PolicyGate.Model ? "models" : "routes";
            var line = (outcome.Case.Gate == PolicyGate.Model ? entry.ModelLocation(patternIndex) : entry.RouteLocation(patternIndex)).Line;
            var detail = source is null ? "line " + line : source + ", line " + line;
            return $"by {entry.YamlPath}.{list}[{patternIndex}] '{outcome.Matched}' ({detail})";
        }

        if (!_config.JwtAuth.EnforceRbac)
        {
            return "(RbacNotEnforced: litellm_jwtauth.enforce_rbac is not true)";
        }

        return source is null
            ? $"(no role_permissions entry restricts the {(outcome.Case.Gate == PolicyGate.Model ? "models" : "routes")} of {RoleText(outcome.Role)})"
            : $"({source})";
    }

    private static string Who(PolicyCase policyCase, PolicyCaseOutcome outcome) => policyCase.IdentityKind switch
    {
        PolicyIdentityKind.Role => RoleText(outcome.Role),
        _ => $"the {Noun(policyCase)} ({RoleText(outcome.Role)} by {outcome.ResolvedBy})",
    };

    private static string Noun(PolicyCase policyCase) => policyCase.IdentityKind == PolicyIdentityKind.Token ? "token" : "claims";

    private static string RoleText(string? role) => role is null ? "no role" : "role " + role;

    private static string[]? Single(string? value) => value is null ? null : new[] { value };
}
