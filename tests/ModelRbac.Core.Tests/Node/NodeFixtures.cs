using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Xunit;

namespace ModelRbac.Core.Tests.Node;

/// <summary>
/// Fresh keys and tokens from tests/node/make-fixtures.mjs in a temp folder (tokens live for an hour, so they are
/// made per run, never committed). Shared by every test class of the "node" collection.
/// </summary>
public sealed class NodeFixtures : IDisposable
{
    public NodeFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "modelrbac-jwt-" + Guid.NewGuid().ToString("N"));
        NodeTools.Run("make-fixtures.mjs", Directory);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "manifest.json")));
        Issuer = manifest.RootElement.GetProperty("issuer").GetString()!;
        Audience = manifest.RootElement.GetProperty("audience").GetString()!;
        foreach (var token in manifest.RootElement.GetProperty("tokens").EnumerateArray())
        {
            Tokens.Add(new FixtureToken(
                token.GetProperty("file").GetString()!,
                token.GetProperty("jwks").GetString()!,
                token.GetProperty("expected").GetString()!,
                token.GetProperty("description").GetString()!));
        }
    }

    public string Directory { get; }

    public string Issuer { get; }

    public string Audience { get; }

    public List<FixtureToken> Tokens { get; } = new();

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string Token(string file) => File.ReadAllText(PathOf(file));

    /// <summary>The JWKS file a manifest entry names ("multi" or "singleNoKid").</summary>
    public string JwksPath(string name) => PathOf(name == "singleNoKid" ? "jwks-single-nokid.json" : "jwks-multi.json");

    /// <summary>Signs a custom payload with rsa-1 (RS256) through tests/node/sign-jwt.mjs.</summary>
    public string Sign(string payloadJson, string kid = "rsa-1", string alg = "RS256")
    {
        // Through a file: a large payload does not fit on a command line.
        var payload = PathOf("payload-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(payload, payloadJson);
        return NodeTools.Run("sign-jwt.mjs", "--jwks", PathOf("jwks-private.json"), "--payload", "@" + payload, "--kid", kid, "--alg", alg).Trim();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

public sealed record FixtureToken(string File, string Jwks, string Expected, string Description)
{
    public override string ToString() => File;
}

[CollectionDefinition("node")]
public sealed class NodeCollection : ICollectionFixture<NodeFixtures>
{
}
