using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ModelRbac.PowerShell.Tests;

/// <summary>-Limits on Import-RbacConfig and Get-JwtRbacRole: hashtables convert, errors name the limit and how to raise it.</summary>
public sealed class LimitsCmdletTests : IDisposable
{
    private const string LongEntry = "general_settings:\n  role_permissions:\n    - role: team\n      models: ['abcdefgh']\n";
    private readonly PowerShellHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void AConfigOverALimitIsConfigInvalidNamingTheLimitAndTheParameterThatRaisesIt()
    {
        var (output, errors, _) = _host.Run("Import-RbacConfig -Yaml $yaml -Limits @{ MaxPatternLength = 4 }", new Dictionary<string, object?> { ["yaml"] = LongEntry });
        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.Equal("ConfigInvalid,ModelRbac.PowerShell.Commands.ImportRbacConfigCommand", error.FullyQualifiedErrorId);
        Assert.Contains("the limit MaxPatternLength is 4", error.ErrorDetails.Message);
        Assert.Contains("Import-RbacConfig -Limits @{ MaxPatternLength = <larger value> }", error.ErrorDetails.Message);
        // The message is a sentence, then the advice.
        Assert.Contains("the limit MaxPatternLength is 4. If the config is genuine", error.ErrorDetails.Message);
        Assert.EndsWith(". " + error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message);
    }

    [Fact]
    public void RaisingALimitLoadsTheConfigAndUnnamedLimitsKeepTheirDefaults()
    {
        var (output, errors, _) = _host.Run(
            "$l = [ModelRbac.RbacLimits]@{ MaxPatternLength = 8 }; Import-RbacConfig -Yaml $yaml -Limits $l | Out-Null; $l",
            new Dictionary<string, object?> { ["yaml"] = LongEntry });
        Assert.Empty(errors);
        var limits = Assert.IsType<RbacLimits>(output.Single().BaseObject);
        Assert.Equal(8, limits.MaxPatternLength);
        Assert.Equal(64, limits.MaxYamlDepth);
        Assert.Equal(65536, limits.MaxTokenLength);
    }

    [Fact]
    public void AnUnknownLimitOrAZeroOneIsAParameterBindingError()
    {
        var (_, unknown, _) = _host.Run("Import-RbacConfig -Yaml 'model_list: []' -Limits @{ MaxWidgets = 3 }");
        Assert.Contains("MaxWidgets", Assert.Single(unknown).ToString());
        var (_, zero, _) = _host.Run("Import-RbacConfig -Yaml 'model_list: []' -Limits @{ MaxYamlDepth = 0 }");
        Assert.StartsWith("CannotConvertArgumentNoMessage", Assert.Single(zero).FullyQualifiedErrorId);
    }

    [Fact]
    public void ClaimsOverMaxClaimDepthAreClaimsInvalidUntilRaised()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "examples", "seed-repro.yaml");
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 69)) + "{}" + new string('}', 69);
        var (output, errors, _) = _host.Run("Get-JwtRbacRole -Claims $claims -Config $seed", new Dictionary<string, object?> { ["claims"] = deep, ["seed"] = seed });
        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.StartsWith("ClaimsInvalid,", error.FullyQualifiedErrorId);
        Assert.Contains("Get-JwtRbacRole -Limits @{ MaxClaimDepth = <larger value> }", error.ErrorDetails.Message);
        var (raised, none, _) = _host.Run("Get-JwtRbacRole -Claims $claims -Config $seed -Limits @{ MaxClaimDepth = 70 }", new Dictionary<string, object?> { ["claims"] = deep, ["seed"] = seed });
        Assert.Empty(none);
        Assert.Single(raised);
    }

    [Fact]
    public void MaxTokenLengthComesFromLimitsUnlessTheParameterIsGiven()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "examples", "seed-repro.yaml");
        var token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.";
        var (_, limited, _) = _host.Run("Get-JwtRbacRole -Token $t -Config $seed -SkipSignatureValidation -Limits @{ MaxTokenLength = 10 } 3>$null", new Dictionary<string, object?> { ["t"] = token, ["seed"] = seed });
        Assert.StartsWith("TokenMalformed,", Assert.Single(limited).FullyQualifiedErrorId);
        Assert.Contains("MaxTokenLength", limited[0].ErrorDetails.Message);
        var (output, errors, _) = _host.Run("Get-JwtRbacRole -Token $t -Config $seed -SkipSignatureValidation -Limits @{ MaxTokenLength = 10 } -MaxTokenLength 100 3>$null", new Dictionary<string, object?> { ["t"] = token, ["seed"] = seed });
        Assert.Empty(errors);
        Assert.Single(output);
    }
}
