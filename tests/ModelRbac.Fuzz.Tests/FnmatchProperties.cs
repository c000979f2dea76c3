using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelRbac.Core.Matching;
using Xunit;

namespace ModelRbac.Fuzz.Tests;

public sealed record GlobCase(string Pattern, string Name)
{
    public override string ToString() => $"pattern {Show(Pattern)}, name {Show(Name)}";

    private static string Show(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));
}

/// <summary>Patterns from fnmatch's special characters and awkward code points; names random or made to match.</summary>
public static class GlobArbitraries
{
    private static readonly string[] s_patternAtoms = { "a", "b", "c", "z", "-", "!", "^", "]", "[", "*", "?", "\\", "&", "~", "|", "é", "\U0001F600", "\uD800", "/" };
    private static readonly string[] s_nameAtoms = { "a", "b", "c", "z", "-", "!", "^", "]", "[", "\\", "é", "\U0001F600", "\uD800", "/", "\U0001F601" };

    public static Arbitrary<GlobCase> Cases()
    {
        var pattern = Gen.ArrayOf(Gen.Elements(s_patternAtoms)).Select(string.Concat);
        var randomName = Gen.ArrayOf(Gen.Elements(s_nameAtoms)).Select(string.Concat);
        var gen = pattern.SelectMany(p => Gen.OneOf(randomName, Instantiate(p)).Select(n => new GlobCase(p, n)));
        return gen.ToArbitrary();
    }

    /// <summary>A name likely to match: wildcards replaced by random text, literals kept.</summary>
    private static Gen<string> Instantiate(string pattern) =>
        Gen.CollectToArray(ReferenceFnmatch.CodePoints(pattern), cp => cp switch
        {
            '*' => Gen.ArrayOf(Gen.Elements(s_nameAtoms), 2).Select(string.Concat).Or(Gen.Constant(string.Empty)),
            '?' => Gen.Elements(s_nameAtoms),
            _ => Gen.Constant(char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? 'x' : cp)),
        }).Select(string.Concat);
}

/// <summary>FnmatchPattern (the production matcher) agrees with CPython's translate() run as a regex.</summary>
public sealed class FnmatchProperties
{
    [Property(MaxTest = 3000, Arbitrary = new[] { typeof(GlobArbitraries) })]
    public bool TheMatcherAgreesWithTheReferenceTranslation(GlobCase test) =>
        FnmatchPattern.Compile(test.Pattern).IsMatch(test.Name) == ReferenceFnmatch.IsMatch(test.Name, test.Pattern);

    [Fact]
    public void TheReferenceAgreesWithCPythonsCorpus()
    {
        // The oracle is only as good as its port: check it against the cases CPython itself answered.
        var lines = System.IO.File.ReadAllLines(System.IO.Path.Combine(System.AppContext.BaseDirectory, "fixtures", "fnmatch", "cases.jsonl"));
        var wrong = lines.Skip(1).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(row => ReferenceFnmatch.IsMatch(row.GetProperty("n").GetString()!, row.GetProperty("p").GetString()!) != row.GetProperty("m").GetBoolean())
            .Select(row => row.GetRawText()).ToList();
        Assert.Equal(5000, lines.Length - 1);
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("[z-a]x", "x", false)]
    [InlineData("[!z-a]", "q", true)]
    [InlineData("[b-a!x]", "y", true)]
    [InlineData("[b-a!x]", "x", false)]
    [InlineData("[a-c-e]", "-", true)]
    [InlineData("[a-c-e]", "d", false)]
    [InlineData("[!]", "[!]", true)]
    [InlineData("?", "\U0001F600", true)]
    [InlineData("??", "\U0001F600", false)]
    [InlineData("a*", "a\nb", true)]
    public void TheReferenceKnowsCPythonsCorners(string pattern, string name, bool expected)
    {
        // Each row checked against CPython 3.11's fnmatch.fnmatchcase.
        Assert.Equal(expected, ReferenceFnmatch.IsMatch(name, pattern));
        Assert.Equal(expected, FnmatchPattern.Compile(pattern).IsMatch(name));
    }
}
