using System.IO;
using BenchmarkDotNet.Attributes;
using ModelRbac.Core.Tokens;

namespace ModelRbac.Benchmarks;

/// <summary>
/// Validating one RS256 token (examples/alice.jwt, RSA-2048) against an already fetched JWKS — the cached case
/// every request after the first takes. The bare RSA verify is the floor.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private string _token = string.Empty;
    private KeySet _keys = null!;
    private TokenValidationOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _token = File.ReadAllText(RepositoryFiles.Path("examples", "alice.jwt")).Trim();
        _keys = JwksReader.Parse(File.ReadAllText(RepositoryFiles.Path("examples", "example-jwks.json")), "example-jwks.json");
        _options = new TokenValidationOptions { Audiences = new[] { "litellm" } };
        TokenValidator.Validate(_token, _keys, _options);
    }

    [Benchmark]
    public bool ValidateRs256AgainstCachedJwks() => TokenValidator.Validate(_token, _keys, _options).SignatureValidated;
}
