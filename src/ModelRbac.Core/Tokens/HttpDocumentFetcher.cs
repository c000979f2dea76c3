using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// GETs a small JSON document (a JWKS or discovery document) over HTTP(S) with a timeout and a size cap, so a slow
/// or hostile endpoint can neither hang a pipeline nor exhaust memory. Any failure is JwksUnavailable.
/// </summary>
internal sealed class HttpDocumentFetcher
{
    /// <summary>The largest document read; real JWKS are a few KiB.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    private readonly HttpClient _client;

    public HttpDocumentFetcher(HttpClient client)
    {
        _client = client;
    }

    public static HttpClient CreateDefaultClient() => new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Get(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw JwksReader.Unavailable(uri.AbsoluteUri, "only http and https URLs can be fetched");
        }

        try
        {
            // Blocking is fine: cmdlets are synchronous and PowerShell has no synchronization context to deadlock on.
            return GetAsync(uri).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (HttpRequestException ex)
        {
            throw JwksReader.Unavailable(uri.AbsoluteUri, "the request failed (" + ex.Message + ")");
        }
        catch (TaskCanceledException)
        {
            throw JwksReader.Unavailable(uri.AbsoluteUri, $"no answer within {_client.Timeout.TotalSeconds:0} s");
        }
    }

    private async Task<string> GetAsync(Uri uri)
    {
        using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw JwksReader.Unavailable(uri.AbsoluteUri, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            throw JwksReader.Unavailable(uri.AbsoluteUri, $"the document is larger than {MaxDocumentBytes} bytes");
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw JwksReader.Unavailable(uri.AbsoluteUri, $"the document is larger than {MaxDocumentBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
