using BenchmarkDotNet.Attributes;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;

namespace ModelRbac.Benchmarks;

/// <summary>One route decision for a role granted <c>llm_api_routes</c> (172 templates), per route shape.</summary>
[MemoryDiagnoser]
public class RouteGateBenchmarks
{
    private RbacConfiguration _config = null!;

    [Params("/v1/chat/completions", "/v1/threads/thread_abc/runs", "/v1beta/models/gemini-2.5-pro:generateContent", "/key/generate")]
    public string Route { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _config = ConfigLoader.LoadText(
            "general_settings:\n  litellm_jwtauth:\n    enforce_rbac: true\n  role_permissions:\n    - role: team\n      routes: [llm_api_routes]\n");
    }

    /// <summary>The boolean answer (Test-RouteAccess without -Detailed).</summary>
    [Benchmark]
    public bool IsAllowed() => RouteGate.IsAllowed(_config, "team", Route, Semantics.Corrected);

    /// <summary>The detailed decision under both semantics (Test-RouteAccess -Detailed).</summary>
    [Benchmark]
    public bool Decide() => RouteGate.Decide(_config, "team", Route, Semantics.Corrected).Allowed;
}
