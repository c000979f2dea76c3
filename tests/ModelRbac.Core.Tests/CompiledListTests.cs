using System;
using System.Collections.Generic;
using System.Linq;
using ModelRbac.Core.Access;
using ModelRbac.Core.Config;
using ModelRbac.Core.Matching;
using Xunit;

namespace ModelRbac.Core.Tests;

/// <summary>The compiled models list (hash + prefix index + globs + groups) against a one-by-one reference.</summary>
public sealed class CompiledListTests
{
    private static readonly string[] s_alphabet = { "a", "b", "-", "/", "gpt", "claude", "4", "o", "é", "😀" };

    [Fact]
    public void FirstGrantEqualsTheOneByOneReference()
    {
        var random = new Random(1234);
        var config = ConfigLoader.LoadText(
            "model_list:\n" +
            "  - model_name: gpt-4o\n    model_info: {access_groups: [g1]}\n" +
            "  - model_name: claude-a\n    model_info: {access_groups: [g2, g1]}\n" +
            "  - model_name: openai/*\n    model_info: {access_groups: [g3]}\n");
        for (var round = 0; round < 200; round++)
        {
            var patterns = new List<string>();
            for (var i = 0; i < random.Next(1, 40); i++)
            {
                patterns.Add(RandomPattern(random));
            }

            var list = new ModelPatternList(patterns, config.AccessGroups);
            for (var j = 0; j < 50; j++)
            {
                var model = j % 5 == 0 ? patterns[random.Next(patterns.Count)].Replace("*", "x") : RandomName(random);
                var expected = Reference(patterns, model, config.AccessGroups);
                var actual = list.FindGrant(model);
                Assert.True(expected.Index == actual.Index && expected.Source == actual.Source, $"model '{model}' patterns [{string.Join(", ", patterns)}]: expected {expected.Index}/{expected.Source}, got {actual.Index}/{actual.Source}");
            }
        }
    }

    [Fact]
    public void PrefixIndexFindsTheSmallestIndexAmongNestedPrefixes()
    {
        var index = new PrefixIndex(new[]
        {
            new KeyValuePair<string, int>("bedrock-claude-", 5),
            new KeyValuePair<string, int>("bedrock-", 7),
            new KeyValuePair<string, int>("bedrock-claude-draft", 1),
            new KeyValuePair<string, int>("azure/", 0),
            new KeyValuePair<string, int>("bedrock-claude-x", 2),
        });
        Assert.Equal(1, index.FirstMatchIndex("bedrock-claude-draft-rep-sonnet".AsSpan()));
        Assert.Equal(5, index.FirstMatchIndex("bedrock-claude-haiku".AsSpan()));
        Assert.Equal(7, index.FirstMatchIndex("bedrock-titan".AsSpan()));
        Assert.Equal(-1, index.FirstMatchIndex("bedrock".AsSpan()));
        Assert.Equal(0, index.FirstMatchIndex("azure/gpt-4o".AsSpan()));
        Assert.Equal(-1, index.FirstMatchIndex("".AsSpan()));
    }

    private static PatternGrant Reference(IReadOnlyList<string> patterns, string model, AccessGroupIndex groups)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            var p = patterns[i];
            if (p == model)
            {
                return Grant(i, GrantSource.Exact);
            }

            if (p is "*" or "all-proxy-models")
            {
                return Grant(i, GrantSource.AllModels);
            }

            if (FnmatchPattern.HasWildcardSyntax(p) && FnmatchPattern.Compile(p).IsMatch(model))
            {
                return Grant(i, GrantSource.Wildcard);
            }

            if (groups.IsGroup(p) && groups.GroupsServing(model).Contains(p))
            {
                return Grant(i, GrantSource.AccessGroup);
            }
        }

        return Grant(-1, GrantSource.Denied);
    }

    private static PatternGrant Grant(int index, GrantSource source) =>
        (PatternGrant)typeof(PatternGrant).GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)[0].Invoke(new object[] { index, source });

    private static string RandomPattern(Random random)
    {
        var kind = random.Next(10);
        return kind switch
        {
            0 => "*",
            1 => new[] { "g1", "g2", "g3", "all-proxy-models" }[random.Next(4)],
            2 => RandomName(random) + "*",
            3 => "*" + RandomName(random),
            4 => RandomName(random) + "?" + RandomName(random) + "*",
            5 => "[" + s_alphabet[random.Next(3)] + "-" + s_alphabet[random.Next(3)] + "]*",
            6 => "gpt-4o",
            _ => RandomName(random),
        };
    }

    private static string RandomName(Random random)
    {
        var text = string.Empty;
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            text += s_alphabet[random.Next(s_alphabet.Length)];
        }

        return text;
    }
}
