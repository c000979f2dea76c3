using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Text;
using ModelRbac.Core.Access;
using ModelRbac.Core.Claims;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Identity;
using ModelRbac.Core.Yaml;

namespace ModelRbac.Core.PolicyTests;

/// <summary>
/// Reads a policy case file (YAML: <c>semantics</c> and a list of <c>cases</c>) and validates every case before any
/// runs, so a typo fails the file with the case's name, YAML path and line instead of passing silently.
/// </summary>
public static class PolicyCaseReader
{
    private static readonly string[] s_topKeys = { "semantics", "cases" };

    private static readonly string[] s_caseKeys =
    {
        "name", "role", "claims", "token", "jwks", "publicKey", "skipSignatureValidation", "ignoreLifetime", "audience",
        "issuer", "model", "route", "expect", "grantSource", "matchedPattern", "matchedEntry", "rbacRole", "resolvedBy",
    };

    /// <summary>Reads the case file at <paramref name="path"/>; token and key files are relative to it.</summary>
    /// <exception cref="ConfigException">PolicyCasesInvalid, naming the case, YAML path and line.</exception>
    public static PolicyCaseFile ReadFile(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path))
            {
                throw Invalid(Directory.Exists(path) ? "is a directory, not a case file" : "no such case file", new SourceLocation(path, string.Empty, 0, 0), RbacErrorKind.NotFound);
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw Invalid("cannot read the case file: " + ex.Message, new SourceLocation(path, string.Empty, 0, 0), RbacErrorKind.NotFound);
        }

        return ReadText(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Reads case YAML given as text; <paramref name="path"/> names it in errors, <paramref name="baseDirectory"/> anchors relative files.</summary>
    /// <exception cref="ConfigException">PolicyCasesInvalid.</exception>
    public static PolicyCaseFile ReadText(string yaml, string? path, string baseDirectory)
    {
        YNode? root;
        try
        {
            root = YamlTreeReader.Read(yaml, path, YamlLimits.Default);
        }
        catch (ConfigException ex)
        {
            throw Invalid(ex.Reason, ex.Location, RbacErrorKind.Parse);
        }

        var reader = new Reader(path, baseDirectory);
        return reader.ReadFile(root);
    }

    private static ConfigException Invalid(string reason, SourceLocation? location, RbacErrorKind kind = RbacErrorKind.InvalidData) =>
        new(ErrorIds.PolicyCasesInvalid, kind, reason, location);

    /// <summary>One file's read: its location helpers and the checks shared by every case.</summary>
    private sealed class Reader
    {
        private readonly string? _file;
        private readonly string _baseDirectory;

        public Reader(string? file, string baseDirectory)
        {
            _file = file;
            _baseDirectory = baseDirectory;
        }

        public PolicyCaseFile ReadFile(YNode? root)
        {
            if (root is not YMapping top)
            {
                throw Error(root, string.Empty, root is null ? "the case file is empty; expected a mapping with 'cases'" : $"expected a mapping with 'cases' at the top level, found {root.Describe()}");
            }

            RejectUnknownKeys(top, string.Empty, s_topKeys, "the case file");
            var semanticsNode = top.Get("semantics");
            Semantics? semantics = semanticsNode is null || IsNull(semanticsNode) ? null : ParseEnum<Semantics>(semanticsNode, "semantics", "semantics");
            var casesNode = top.Get("cases");
            if (casesNode is not YSequence list || list.Items.Count == 0)
            {
                throw Error(casesNode ?? top, "cases", casesNode is null ? "the case file has no 'cases' list" : $"'cases' must be a non-empty list of cases, found {(casesNode is YSequence ? "an empty list" : casesNode.Describe())}");
            }

            var cases = new List<PolicyCase>(list.Items.Count);
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Items.Count; i++)
            {
                var policyCase = ReadCase(list.Items[i], i);
                if (names.TryGetValue(policyCase.Name, out var first))
                {
                    throw Error(list.Items[i], $"cases[{i}].name", $"cases[{i}] '{policyCase.Name}': the name is already used by cases[{first}]; names must be unique (they name the tests)");
                }

                names[policyCase.Name] = i;
                cases.Add(policyCase);
            }

            return new PolicyCaseFile(_file, semantics, cases);
        }

        private PolicyCase ReadCase(YNode node, int index)
        {
            var path = $"cases[{index}]";
            if (node is not YMapping map)
            {
                throw Error(node, path, $"cases[{index}]: expected a mapping (name, role/claims/token, model/route, expect), found {node.Describe()}");
            }

            var nameNode = map.Get("name");
            var name = nameNode is YScalar { Type: not ScalarType.Null } scalarName && scalarName.Value.Trim().Length > 0 ? scalarName.Value : null;
            if (name is null)
            {
                throw Error(nameNode ?? map, path + ".name", $"cases[{index}]: every case needs a non-empty 'name'");
            }

            var label = $"cases[{index}] '{name}'";
            RejectUnknownKeys(map, path, s_caseKeys, label);
            var policyCase = new PolicyCase(index, name, At(map, path));
            ReadIdentity(map, path, label, policyCase);
            ReadTargets(map, path, label, policyCase);
            ReadExpectations(map, path, label, policyCase);
            return policyCase;
        }

        private void ReadIdentity(YMapping map, string path, string label, PolicyCase policyCase)
        {
            var given = new List<string>();
            foreach (var key in new[] { "role", "claims", "token" })
            {
                if (map.GetKeyNode(key) is not null)
                {
                    given.Add(key);
                }
            }

            if (given.Count != 1)
            {
                throw Error(map, path, $"{label}: give exactly one of 'role', 'claims' or 'token'{(given.Count == 0 ? string.Empty : ", not " + string.Join(" and ", given))}");
            }

            var tokenOnly = new[] { "jwks", "publicKey", "skipSignatureValidation", "ignoreLifetime", "audience", "issuer" };
            if (given[0] != "token")
            {
                foreach (var key in tokenOnly)
                {
                    if (map.GetKeyNode(key) is { } keyNode)
                    {
                        throw Error(keyNode, path + "." + key, $"{label}: '{key}' applies only to a 'token' case");
                    }
                }
            }

            switch (given[0])
            {
                case "role":
                    policyCase.IdentityKind = PolicyIdentityKind.Role;
                    var roleNode = map.Get("role")!;
                    var role = IsNull(roleNode) ? null : Text(roleNode, path + ".role", label);
                    if (!string.IsNullOrEmpty(role) && !RbacRoles.IsRole(role))
                    {
                        throw Error(roleNode, path + ".role", $"{label}: '{role}' is not an RBAC role. Valid roles: {RbacRoles.ListForMessage()} (or empty for a token with no role)");
                    }

                    policyCase.Role = string.IsNullOrEmpty(role) ? null : role;
                    break;
                case "claims":
                    policyCase.IdentityKind = PolicyIdentityKind.Claims;
                    var claimsNode = map.Get("claims")!;
                    if (claimsNode is not YMapping)
                    {
                        throw Error(claimsNode, path + ".claims", $"{label}: 'claims' must be a mapping (the decoded token payload), found {claimsNode.Describe()}");
                    }

                    try
                    {
                        policyCase.Claims = JwtClaims.FromObject(ToPlain(claimsNode));
                    }
                    catch (RbacException ex)
                    {
                        throw Error(claimsNode, path + ".claims", $"{label}: {ex.Message}");
                    }

                    break;
                default:
                    policyCase.IdentityKind = PolicyIdentityKind.Token;
                    policyCase.TokenPath = FilePath(map.Get("token")!, path + ".token", label);
                    policyCase.JwksPath = map.Get("jwks") is { } jwks && !IsNull(jwks) ? FilePath(jwks, path + ".jwks", label) : null;
                    policyCase.PublicKeyPath = map.Get("publicKey") is { } pem && !IsNull(pem) ? FilePath(pem, path + ".publicKey", label) : null;
                    policyCase.SkipSignatureValidation = Flag(map, "skipSignatureValidation", path, label);
                    policyCase.IgnoreLifetime = Flag(map, "ignoreLifetime", path, label);
                    var keySources = (policyCase.JwksPath is null ? 0 : 1) + (policyCase.PublicKeyPath is null ? 0 : 1) + (policyCase.SkipSignatureValidation ? 1 : 0);
                    if (keySources != 1)
                    {
                        throw Error(map.GetKeyNode("token"), path + ".token", $"{label}: a 'token' case needs exactly one of 'jwks', 'publicKey' or 'skipSignatureValidation: true'");
                    }

                    RequireFile(map, "token", policyCase.TokenPath, path, label);
                    RequireFile(map, "jwks", policyCase.JwksPath, path, label);
                    RequireFile(map, "publicKey", policyCase.PublicKeyPath, path, label);

                    policyCase.Audiences = OptionalTextList(map, "audience", path, label);
                    policyCase.Issuers = OptionalTextList(map, "issuer", path, label);
                    break;
            }
        }

        private void ReadTargets(YMapping map, string path, string label, PolicyCase policyCase)
        {
            var model = map.Get("model");
            var route = map.Get("route");
            if ((map.GetKeyNode("model") is null) == (map.GetKeyNode("route") is null))
            {
                throw Error(map, path, $"{label}: give exactly one of 'model' or 'route'{(model is null ? string.Empty : ", not both")}");
            }

            policyCase.Gate = map.GetKeyNode("model") is not null ? PolicyGate.Model : PolicyGate.Route;
            var key = policyCase.Gate == PolicyGate.Model ? "model" : "route";
            var node = policyCase.Gate == PolicyGate.Model ? model : route;
            var targets = new List<string>();
            switch (node)
            {
                case YSequence sequence when sequence.Items.Count > 0:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        targets.Add(TargetText(sequence.Items[i], $"{path}.{key}[{i}]", label, policyCase.Gate));
                    }

                    break;
                case YSequence:
                    throw Error(node, path + "." + key, $"{label}: '{key}' is an empty list; name at least one {key}");
                case null:
                    targets.Add(TargetText(null, path + "." + key, label, policyCase.Gate));
                    break;
                default:
                    targets.Add(TargetText(node, path + "." + key, label, policyCase.Gate));
                    break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in targets)
            {
                if (!seen.Add(target))
                {
                    throw Error(node, path + "." + key, $"{label}: '{target}' is listed twice in '{key}'");
                }
            }

            policyCase.Targets = targets;
        }

        private string TargetText(YNode? node, string path, string label, PolicyGate gate)
        {
            if (node is null || IsNull(node))
            {
                if (gate == PolicyGate.Route)
                {
                    throw Error(node, path, $"{label}: a route must be a request path such as /v1/chat/completions");
                }

                return string.Empty;
            }

            var text = Text(node, path, label);
            if (gate == PolicyGate.Route && text.Length == 0)
            {
                throw Error(node, path, $"{label}: a route must be a request path such as /v1/chat/completions");
            }

            return text;
        }

        private void ReadExpectations(YMapping map, string path, string label, PolicyCase policyCase)
        {
            var expectNode = map.Get("expect");
            if (expectNode is null || IsNull(expectNode))
            {
                throw Error(expectNode ?? map, path + ".expect", $"{label}: every case needs 'expect: allow' or 'expect: deny'");
            }

            var expect = Text(expectNode, path + ".expect", label);
            policyCase.ExpectAllowed = expect.ToLowerInvariant() switch
            {
                "allow" or "allowed" => true,
                "deny" or "denied" => false,
                _ => throw Error(expectNode, path + ".expect", $"{label}: expect must be 'allow' or 'deny', not '{expect}'"),
            };

            if (map.Get("grantSource") is { } grantNode && !IsNull(grantNode))
            {
                if (policyCase.Gate != PolicyGate.Model)
                {
                    throw Error(grantNode, path + ".grantSource", $"{label}: 'grantSource' applies only to a 'model' case (routes report matchedEntry)");
                }

                var source = ParseEnum<GrantSource>(grantNode, path + ".grantSource", label);
                if ((source == GrantSource.Denied) == policyCase.ExpectAllowed)
                {
                    throw Error(grantNode, path + ".grantSource", $"{label}: grantSource '{source}' contradicts 'expect: {(policyCase.ExpectAllowed ? "allow" : "deny")}'");
                }

                policyCase.ExpectedGrantSource = source;
            }

            foreach (var (key, gate) in new[] { ("matchedPattern", PolicyGate.Model), ("matchedEntry", PolicyGate.Route) })
            {
                if (map.Get(key) is not { } matchNode || IsNull(matchNode))
                {
                    continue;
                }

                if (policyCase.Gate != gate)
                {
                    throw Error(matchNode, path + "." + key, $"{label}: '{key}' applies only to a '{(gate == PolicyGate.Model ? "model" : "route")}' case");
                }

                if (!policyCase.ExpectAllowed)
                {
                    throw Error(matchNode, path + "." + key, $"{label}: '{key}' names the granting entry, so it needs 'expect: allow'");
                }

                policyCase.ExpectedMatch = Text(matchNode, path + "." + key, label);
            }

            foreach (var key in new[] { "rbacRole", "resolvedBy" })
            {
                if (map.GetKeyNode(key) is { } keyNode && policyCase.IdentityKind == PolicyIdentityKind.Role)
                {
                    throw Error(keyNode, path + "." + key, $"{label}: '{key}' applies only to a 'claims' or 'token' case (a 'role' case has no resolution)");
                }
            }

            if (map.GetKeyNode("rbacRole") is not null)
            {
                var roleNode = map.Get("rbacRole")!;
                var role = IsNull(roleNode) ? null : Text(roleNode, path + ".rbacRole", label);
                if (!string.IsNullOrEmpty(role) && !RbacRoles.IsRole(role))
                {
                    throw Error(roleNode, path + ".rbacRole", $"{label}: rbacRole '{role}' is not an RBAC role. Valid roles: {RbacRoles.ListForMessage()} (or empty for no role)");
                }

                policyCase.ExpectedRole = string.IsNullOrEmpty(role) ? null : role;
                policyCase.HasExpectedRole = true;
            }

            if (map.Get("resolvedBy") is { } resolvedNode && !IsNull(resolvedNode))
            {
                policyCase.ExpectedResolvedBy = ParseEnum<ResolvedBy>(resolvedNode, path + ".resolvedBy", label);
            }
        }

        private IReadOnlyList<string>? OptionalTextList(YMapping map, string key, string path, string label)
        {
            switch (map.Get(key))
            {
                case null:
                    return null;
                case YScalar scalar when IsNull(scalar):
                    return null;
                case YSequence sequence when sequence.Items.Count > 0:
                    var items = new List<string>();
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        items.Add(Text(sequence.Items[i], $"{path}.{key}[{i}]", label));
                    }

                    return items;
                case { } node:
                    return new[] { Text(node, path + "." + key, label) };
            }
        }

        private bool Flag(YMapping map, string key, string path, string label)
        {
            var node = map.Get(key);
            return node switch
            {
                null => false,
                YScalar { Type: ScalarType.Null } => false,
                YScalar { Type: ScalarType.Bool } scalar => YamlScalarTyping.IsTrue(scalar.Value),
                _ => throw Error(node, path + "." + key, $"{label}: '{key}' must be true or false, found {node.Describe()}"),
            };
        }

        private string FilePath(YNode node, string path, string label)
        {
            var text = Text(node, path, label);
            if (text.Length == 0)
            {
                throw Error(node, path, $"{label}: the file name is empty");
            }

            return Path.GetFullPath(Path.Combine(_baseDirectory, text));
        }

        // A token or key file that is not there is a typo like any other: found before any case runs.
        private void RequireFile(YMapping map, string key, string? full, string path, string label)
        {
            if (full is not null && !File.Exists(full))
            {
                throw Error(map.Get(key)!, path + "." + key, $"{label}: no such file '{Text(map.Get(key)!, path + "." + key, label)}' (looked for {full})");
            }
        }

        private T ParseEnum<T>(YNode node, string path, string label)
            where T : struct, Enum
        {
            var text = Text(node, path, label);
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(typeof(T), value) && text.Trim().Length > 0 && !char.IsDigit(text.Trim()[0]))
            {
                return value;
            }

            throw Error(node, path, $"{label}: '{text}' is not a {typeof(T).Name}; expected one of {string.Join(", ", Enum.GetNames(typeof(T)))}");
        }

        private string Text(YNode node, string path, string label) => node is YScalar scalar && scalar.Type != ScalarType.Null
            ? scalar.Value
            : throw Error(node, path, $"{label}: expected a single value, found {node.Describe()}");

        private void RejectUnknownKeys(YMapping map, string path, string[] known, string label)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in map.Entries)
            {
                if (entry.Key is not YScalar key)
                {
                    throw Error(entry.Key, path, $"{label}: keys must be plain names, found {entry.Key.Describe()}");
                }

                var keyPath = path.Length == 0 ? key.Value : path + "." + key.Value;
                if (Array.IndexOf(known, key.Value) < 0)
                {
                    throw Error(key, keyPath, $"{label}: unknown key '{key.Value}'; expected one of {string.Join(", ", known)}");
                }

                // YAML lets the later value win silently; in an expectation that hides which one the author meant.
                if (!seen.Add(key.Value))
                {
                    throw Error(key, keyPath, $"{label}: '{key.Value}' is given twice");
                }
            }
        }

        private static bool IsNull(YNode node) => node is YScalar { Type: ScalarType.Null };

        /// <summary>A YAML subtree as plain .NET values (what <see cref="JwtClaims.FromObject"/> takes).</summary>
        private static object? ToPlain(YNode node)
        {
            switch (node)
            {
                case YMapping mapping:
                    var dictionary = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var entry in mapping.Entries)
                    {
                        dictionary[entry.Key is YScalar name ? name.Value : throw new RbacException(ErrorIds.ClaimsInvalid, RbacErrorKind.InvalidData, "claim names must be plain strings")] = ToPlain(entry.Value);
                    }

                    return dictionary;
                case YSequence sequence:
                    var items = new List<object?>(sequence.Items.Count);
                    foreach (var item in sequence.Items)
                    {
                        items.Add(ToPlain(item));
                    }

                    return items;
                case YScalar scalar:
                    return scalar.Type switch
                    {
                        ScalarType.Null => null,
                        ScalarType.Bool => YamlScalarTyping.IsTrue(scalar.Value),
                        ScalarType.Int when long.TryParse(scalar.Value.Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
                        ScalarType.Float when double.TryParse(scalar.Value.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
                        _ => scalar.Value,
                    };
                default:
                    return null;
            }
        }

        private SourceLocation At(YNode? node, string path) => new(_file, path, node?.Line ?? 0, node?.Column ?? 0);

        private ConfigException Error(YNode? node, string path, string reason) => Invalid(reason, At(node, path));
    }
}
