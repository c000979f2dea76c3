using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelRbac.Core.Claims;

namespace ModelRbac.Fuzz.Tests;

public sealed record ClaimPathCase(string ClaimsJson, string Path)
{
    public override string ToString() => $"path '{Path}' in {ClaimsJson}";
}

/// <summary>Claims built from keys that collide with the path syntax (dots, backslashes, metadata, empty keys).</summary>
public static class ClaimPathArbitraries
{
    private static readonly string[] s_keys = { "a", "b", "a.b", "metadata", "a\\", "\\", "", "x.y.z", "roles", "é" };
    private static readonly string[] s_pathAtoms = { "a", "b", ".", "\\.", "\\", "metadata.", "metadata", "x", "y", "z", "roles", "é" };

    public static Arbitrary<ClaimPathCase> Cases()
    {
        var gen = Gen.Sized(size => Node(System.Math.Min(size, 12), 3)).SelectMany(node =>
            Gen.ArrayOf(Gen.Elements(s_pathAtoms)).Select(atoms => new ClaimPathCase(Wrap(node).ToJsonString(), string.Concat(atoms))));
        return gen.ToArbitrary();
    }

    private static JsonObject Wrap(JsonNode? node) => node as JsonObject ?? new JsonObject { ["a"] = node };

    private static Gen<JsonNode?> Node(int size, int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements("s", "", "proxy_admin").Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Choose(-2, 2).Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Constant<JsonNode?>(null),
            Gen.Constant<JsonNode?>(new JsonArray(JsonValue.Create("r1"), JsonValue.Create("r2"))));
        if (depth == 0)
        {
            return leaf;
        }

        var obj = Gen.ListOf(Gen.Zip(Gen.Elements(s_keys), Node(size / 2, depth - 1)), System.Math.Max(1, size / 3)).Select(pairs =>
        {
            var result = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                result[key] = value?.DeepClone();
            }

            return (JsonNode?)result;
        });
        return Gen.Frequency((1, leaf), (3, obj));
    }
}

/// <summary>ClaimPath agrees with a direct reading of LiteLLM's get_nested_value (reference §2.1).</summary>
public sealed class ClaimPathProperties
{
    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(ClaimPathArbitraries) })]
    public bool ClaimPathAgreesWithGetNestedValue(ClaimPathCase test)
    {
        var claims = JwtClaims.Parse(test.ClaimsJson);
        var found = ClaimPath.Parse(test.Path).TryGet(claims.Root, out var value);
        var expected = GetNestedValue(claims.Root, test.Path);
        return found == expected.HasValue && (!found || value.GetRawText() == expected!.Value.GetRawText());
    }

    /// <summary>
    /// get_nested_value with default=None: falsy path → default; strip "metadata." once; split on dots not preceded
    /// by a backslash; unescape "\." in each part; an empty part, a missing key or a non-dict on the way → default.
    /// </summary>
    private static JsonElement? GetNestedValue(JsonElement data, string keyPath)
    {
        if (keyPath.Length == 0)
        {
            return null;
        }

        if (keyPath.StartsWith("metadata.", System.StringComparison.Ordinal))
        {
            keyPath = keyPath.Substring("metadata.".Length);
        }

        var parts = Regex.Split(keyPath, @"(?<!\\)\.").Select(p => p.Replace("\\.", ".")).ToList();
        if (parts.Any(p => p.Length == 0))
        {
            return null;
        }

        var current = data;
        foreach (var part in parts)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement? next = null;
            foreach (var property in current.EnumerateObject())
            {
                if (property.Name == part)
                {
                    next = property.Value;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next.Value;
        }

        return current;
    }
}
