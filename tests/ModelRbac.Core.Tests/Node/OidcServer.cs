using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;

namespace ModelRbac.Core.Tests.Node;

/// <summary>
/// tests/node/oidc-server.mjs (a real oidc-provider) on 127.0.0.1. Its stdin stays an open pipe: closing it (or
/// Dispose killing the process) stops the server, so no test run leaves one behind.
/// </summary>
public sealed class OidcServer : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public OidcServer(string privateJwksPath)
    {
        _process = Process.Start(NodeTools.Start("oidc-server.mjs", new[] { "--jwks", privateJwksPath, "--port", "0" }, redirectInput: true))
            ?? throw new InvalidOperationException("node did not start");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var line = _process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("READY ", StringComparison.Ordinal))
        {
            Dispose();
            throw new InvalidOperationException("oidc-server did not report READY: " + line);
        }

        Issuer = new Uri(line.Substring("READY ".Length).Trim());
    }

    public Uri Issuer { get; }

    public Uri Discovery => new(Issuer, ".well-known/openid-configuration");

    public (int Jwks, int Discovery) Stats()
    {
        using var document = JsonDocument.Parse(_client.GetStringAsync(new Uri(Issuer, "__stats")).GetAwaiter().GetResult());
        return (document.RootElement.GetProperty("jwks").GetInt32(), document.RootElement.GetProperty("discovery").GetInt32());
    }

    public void ResetStats() => _client.PostAsync(new Uri(Issuer, "__stats/reset"), null).GetAwaiter().GetResult().EnsureSuccessStatusCode();

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            _client.Dispose();
        }
    }
}
