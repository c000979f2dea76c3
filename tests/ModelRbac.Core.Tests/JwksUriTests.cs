using System;
using System.Net;
using System.Net.Sockets;
using ModelRbac.Core.Errors;
using ModelRbac.Core.Tests.Node;
using ModelRbac.Core.Tokens;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>
/// Keys fetched from a real OpenID provider (oidc-provider on 127.0.0.1) through its discovery document. The
/// provider counts its JWKS requests, so cache hits and TTL expiry are observed from outside; the clock is fake.
/// </summary>
[Collection("node")]
public sealed class JwksUriTests : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(600);
    private readonly NodeFixtures _fixtures;
    private readonly OidcServer _server;
    private readonly FixedClock _clock = new(DateTimeOffset.UtcNow);

    public JwksUriTests(NodeFixtures fixtures)
    {
        _fixtures = fixtures;
        _server = new OidcServer(fixtures.PathOf("jwks-private.json"));
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public void DiscoveryIsFollowedAndTheKeysAreCachedUntilTheTtlExpires()
    {
        var cache = new JwksCache(_clock);
        var keys = cache.GetKeys(_server.Discovery, Ttl);
        Assert.Equal(new[] { "rsa-1", "rsa-2", "ec-1" }, new[] { keys.Keys[0].KeyId, keys.Keys[1].KeyId, keys.Keys[2].KeyId });
        Assert.Equal((1, 1), _server.Stats());

        foreach (var file in new[] { "rs256.jwt", "ps256.jwt", "es256.jwt" })
        {
            Assert.True(TokenValidator.Validate(_fixtures.Token(file), cache.GetKeys(_server.Discovery, Ttl), new TokenValidationOptions()).SignatureValidated);
        }

        // A kid miss does not force a refetch while the entry is fresh (LiteLLM behaves the same).
        var ex = Assert.Throws<RbacException>(() => TokenValidator.Validate(_fixtures.Token("unknown-kid.jwt"), cache.GetKeys(_server.Discovery, Ttl), new TokenValidationOptions()));
        Assert.Equal(ErrorIds.TokenKeyNotFound, ex.ErrorId);
        _clock.UtcNow += Ttl - TimeSpan.FromSeconds(1);
        cache.GetKeys(_server.Discovery, Ttl);
        Assert.Equal((1, 1), _server.Stats());

        _clock.UtcNow += TimeSpan.FromSeconds(1);
        cache.GetKeys(_server.Discovery, Ttl);
        Assert.Equal((2, 2), _server.Stats());
    }

    [Fact]
    public void AJwksUrlIsFetchedDirectlyAndCachedSeparatelyFromTheDiscoveryUrl()
    {
        var cache = new JwksCache(_clock);
        var jwks = new Uri(_server.Issuer, "jwks");
        Assert.Equal(3, cache.GetKeys(jwks, Ttl).Keys.Count);
        cache.GetKeys(jwks, Ttl);
        Assert.Equal((1, 0), _server.Stats());
        cache.GetKeys(_server.Discovery, Ttl);
        Assert.Equal((2, 1), _server.Stats());
        _server.ResetStats();
        // A zero TTL (public_key_ttl: 0) fetches every time.
        cache.GetKeys(jwks, TimeSpan.Zero);
        cache.GetKeys(jwks, TimeSpan.Zero);
        Assert.Equal((2, 0), _server.Stats());
    }

    [Fact]
    public void FetchFailuresAreJwksUnavailableAndAreNotCached()
    {
        var cache = new JwksCache(_clock);
        AssertUnavailable(cache, new Uri(_server.Issuer, "no-such-path"));
        // __stats answers JSON without jwks_uri; the marker in the query makes it a discovery URL.
        AssertUnavailable(cache, new Uri(_server.Issuer, "__stats?x=.well-known/openid-configuration"));
        AssertUnavailable(cache, new Uri("http://127.0.0.1:" + ClosedPort() + "/jwks"));
        AssertUnavailable(cache, new Uri("file:///etc/hostname"));
        Assert.Equal(3, cache.GetKeys(new Uri(_server.Issuer, "jwks"), Ttl).Keys.Count);
    }

    private static void AssertUnavailable(JwksCache cache, Uri uri)
    {
        var ex = Assert.Throws<RbacException>(() => cache.GetKeys(uri, Ttl));
        Assert.Equal(ErrorIds.JwksUnavailable, ex.ErrorId);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
