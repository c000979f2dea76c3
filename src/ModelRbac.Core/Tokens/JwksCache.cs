using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// Key sets fetched from URLs, cached per URL for LiteLLM's <c>public_key_ttl</c> (as LiteLLM caches
/// <c>litellm_jwt_auth_keys_&lt;url&gt;</c>). A URL containing <c>.well-known/openid-configuration</c> is resolved
/// through the discovery document's <c>jwks_uri</c>. A kid miss never forces a refetch while the entry is fresh,
/// and failures are not cached. <see cref="Shared"/> is process-wide so a pipeline of tokens fetches once.
/// </summary>
public sealed class JwksCache
{
    private const string DiscoveryMarker = ".well-known/openid-configuration";
    private static readonly Lazy<HttpClient> s_client = new(HttpDocumentFetcher.CreateDefaultClient);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly IClock _clock;
    private readonly HttpDocumentFetcher? _fetcher;

    /// <summary>Creates a cache with its own clock (tests) and HTTP client (null: the shared default client).</summary>
    public JwksCache(IClock clock, HttpClient? client = null)
    {
        _clock = clock;
        _fetcher = client is null ? null : new HttpDocumentFetcher(client);
    }

    /// <summary>The process-wide cache on the system clock.</summary>
    public static JwksCache Shared { get; } = new(SystemClock.Instance);

    /// <summary>The keys for <paramref name="uri"/>, fetched when absent or older than <paramref name="ttl"/>.</summary>
    /// <exception cref="Errors.RbacException">JwksUnavailable on any fetch or parse failure.</exception>
    public KeySet GetKeys(Uri uri, TimeSpan ttl)
    {
        var key = uri.AbsoluteUri;
        var now = _clock.UtcNow;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var cached) && now < cached.FetchedAt + ttl)
            {
                return cached.Keys;
            }
        }

        // Fetched outside the lock: a slow IdP must not block lookups of other URLs.
        var keys = Fetch(uri);
        lock (_gate)
        {
            _entries[key] = new Entry(keys, now);
        }

        return keys;
    }

    /// <summary>Forgets every cached key set.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private KeySet Fetch(Uri uri)
    {
        var fetcher = _fetcher ?? new HttpDocumentFetcher(s_client.Value);
        var jwksUri = uri.AbsoluteUri.IndexOf(DiscoveryMarker, StringComparison.Ordinal) >= 0 ? Discover(fetcher, uri) : uri;
        return JwksReader.Parse(fetcher.Get(jwksUri), jwksUri.AbsoluteUri);
    }

    private static Uri Discover(HttpDocumentFetcher fetcher, Uri discovery)
    {
        string? jwksUri;
        try
        {
            using var document = JsonDocument.Parse(fetcher.Get(discovery));
            jwksUri = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("jwks_uri", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }
        catch (JsonException)
        {
            throw JwksReader.Unavailable(discovery.AbsoluteUri, "the discovery document is not JSON");
        }

        if (jwksUri is null || !Uri.TryCreate(discovery, jwksUri, out var resolved))
        {
            throw JwksReader.Unavailable(discovery.AbsoluteUri, "the discovery document has no usable jwks_uri");
        }

        return resolved;
    }

    private sealed record Entry(KeySet Keys, DateTimeOffset FetchedAt);
}
