using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ModelRbac.Core.Matching;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>The matcher against CPython 3.11's own fnmatch.fnmatchcase answers (tests/fixtures/fnmatch).</summary>
public sealed class FnmatchDifferentialTests
{
    [Fact]
    public void EveryCPythonCaseAgrees()
    {
        var lines = File.ReadAllLines(TestFiles.Fixture("fnmatch", "cases.jsonl"));
        using var header = JsonDocument.Parse(lines[0]);
        Assert.StartsWith("3.11", header.RootElement.GetProperty("python").GetString());
        var expectedCount = header.RootElement.GetProperty("count").GetInt32();

        var mismatches = new List<string>();
        var compiled = new Dictionary<string, FnmatchPattern>();
        for (var i = 1; i < lines.Length; i++)
        {
            using var row = JsonDocument.Parse(lines[i]);
            var pattern = row.RootElement.GetProperty("p").GetString()!;
            var name = row.RootElement.GetProperty("n").GetString()!;
            var expected = row.RootElement.GetProperty("m").GetBoolean();
            if (!compiled.TryGetValue(pattern, out var glob))
            {
                glob = FnmatchPattern.Compile(pattern);
                compiled[pattern] = glob;
            }

            if (glob.IsMatch(name) != expected)
            {
                mismatches.Add($"fnmatchcase({JsonSerializer.Serialize(name)}, {JsonSerializer.Serialize(pattern)}) should be {expected}");
            }
        }

        Assert.Equal(expectedCount, lines.Length - 1);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.GetRange(0, System.Math.Min(25, mismatches.Count))));
    }

    [Theory]
    [InlineData("bedrock-claude-*", "bedrock-claude-draft-rep-sonnet", true)]
    [InlineData("bedrock-claude-*", "bedrock-claude-", true)]
    [InlineData("bedrock-claude-*", "bedrock-claud", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("?", "😀", true)]
    [InlineData("??", "😀", false)]
    [InlineData("[!]", "[!]", true)]
    [InlineData("[z-a]", "a", false)]
    [InlineData("gpt-4.1*", "gpt-4x1-mini", false)]
    [InlineData("a*", "a\n", true)]
    [InlineData("a", "a\n", false)]
    [InlineData("GPT-*", "gpt-4", false)]
    public void KnownCases(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, FnmatchPattern.Compile(pattern).IsMatch(name));
    }

    [Fact]
    public void ManyStarsAgainstALongNonMatchingNameAnswerFalse()
    {
        // Backtracking matchers take exponential time here; the segment matcher is linear per segment.
        var pattern = FnmatchPattern.Compile("*a*a*a*a*a*a*a*a*a*a*a*a*b");
        Assert.False(pattern.IsMatch(new string('a', 200_000)));
        Assert.True(pattern.IsMatch(new string('a', 200_000) + "b"));
    }
}
