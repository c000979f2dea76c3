using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ModelRbac.Core.Config;

/// <summary>One key LiteLLM declares on <c>LiteLLM_JWTAuth</c>, from the versioned data file.</summary>
public sealed record JwtAuthKey(string Name, string PythonType, JsonElement Default, bool Inferred);

/// <summary>The declared <c>litellm_jwtauth</c> keys (versioned data in <c>Data/litellm-jwtauth-keys.json</c>).</summary>
public static class JwtAuthKeyCatalog
{
    private static readonly Lazy<Catalog> s_catalog = new(Load);

    /// <summary>Every declared key by name.</summary>
    public static IReadOnlyDictionary<string, JwtAuthKey> Keys => s_catalog.Value.Keys;

    /// <summary>The LiteLLM commit the data was read at.</summary>
    public static string SourceCommit => s_catalog.Value.Commit;

    /// <summary>The declared key nearest to <paramref name="unknown"/> by edit distance, or null when none is close.</summary>
    public static string? ClosestKey(string unknown)
    {
        var (best, distance) = Nearest(unknown);
        return distance <= Math.Max(3, unknown.Length / 2) ? best : null;
    }

    /// <summary>The declared key nearest to <paramref name="unknown"/> by edit distance, however far.</summary>
    public static string NearestKey(string unknown) => Nearest(unknown).Name;

    private static (string Name, int Distance) Nearest(string unknown)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in Keys.Keys)
        {
            var distance = EditDistance(unknown.ToLowerInvariant(), name);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(name, best) < 0))
            {
                best = name;
                bestDistance = distance;
            }
        }

        return (best!, bestDistance);
    }

    /// <summary>Optimal-string-alignment distance (adjacent transpositions count once).</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static Catalog Load()
    {
        using var document = JsonDocument.Parse(EmbeddedData.Read("litellm-jwtauth-keys.json"));
        var keys = new Dictionary<string, JwtAuthKey>(StringComparer.Ordinal);
        foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
        {
            var name = key.GetProperty("name").GetString()!;
            var inferred = key.TryGetProperty("inferred", out var flag) && flag.GetBoolean();
            keys[name] = new JwtAuthKey(name, key.GetProperty("type").GetString()!, key.GetProperty("default").Clone(), inferred);
        }

        return new Catalog(keys, document.RootElement.GetProperty("source").GetProperty("commit").GetString()!);
    }

    private sealed record Catalog(IReadOnlyDictionary<string, JwtAuthKey> Keys, string Commit);
}

/// <summary>Reads the JSON data files embedded in the core assembly.</summary>
internal static class EmbeddedData
{
    public static string Read(string fileName)
    {
        var name = "ModelRbac.Core.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("embedded data file missing: " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
