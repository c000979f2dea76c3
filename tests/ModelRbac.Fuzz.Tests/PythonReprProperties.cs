using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelRbac.Core.Text;

namespace ModelRbac.Fuzz.Tests;

public sealed record ReprText(string Value)
{
    public override string ToString() => string.Concat(Value.Select(c => $"\\u{(int)c:x4}"));
}

/// <summary>Text mixing quotes, escapes, controls, separators, format characters, astral and lone surrogates.</summary>
public static class ReprArbitraries
{
    private static readonly string[] s_atoms =
    {
        "a", "Z", " ", "'", "\"", "\\", "\n", "\r", "\t", "\0", "\u007f", "\u0085", "\u00a0", "\u00e9", "\u2028", "\u200b",
        "\u0378", "\ue000", "\U0001F600", "\U000E0001", "\uD800", "\uDC00", "\u3000", "\ufeff", "[", "*",
    };

    public static Arbitrary<ReprText> Texts() => Gen.ArrayOf(Gen.Elements(s_atoms)).Select(a => new ReprText(string.Concat(a))).ToArbitrary();

    public static Arbitrary<ReprText[]> Lists() => Gen.ArrayOf(Texts().Generator).ToArbitrary();
}

/// <summary>PythonRepr's output reads back (by an independent literal parser) as the text it came from, quoted as CPython quotes.</summary>
public sealed class PythonReprProperties
{
    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(ReprArbitraries) })]
    public bool AStringReprReadsBackAsTheString(ReprText text)
    {
        var repr = PythonRepr.String(text.Value);
        var position = 0;
        return ReadLiteral(repr, ref position) == text.Value && position == repr.Length && QuoteIsCPythons(text.Value, repr[0]) && HasNoRawControls(repr);
    }

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(ReprArbitraries) })]
    public bool AListReprReadsBackAsTheList(ReprText[] items)
    {
        var repr = PythonRepr.List(items.Select(i => i.Value).ToArray());
        var read = new List<string>();
        var position = 1;
        if (repr[0] != '[')
        {
            return false;
        }

        while (repr[position] != ']')
        {
            if (read.Count > 0)
            {
                if (repr.Substring(position, 2) != ", ")
                {
                    return false;
                }

                position += 2;
            }

            read.Add(ReadLiteral(repr, ref position));
        }

        return position == repr.Length - 1 && read.SequenceEqual(items.Select(i => i.Value));
    }

    [Property(MaxTest = 500)]
    public bool PrintableAsciiWithoutQuotesOrBackslashesIsKeptAsItIs(NonNull<string> text)
    {
        var value = new string(text.Get.Where(c => c >= ' ' && c < 0x7f && c != '\'' && c != '"' && c != '\\').ToArray());
        return PythonRepr.String(value) == "'" + value + "'";
    }

    /// <summary>CPython: single quotes unless the text has a single quote and no double quote.</summary>
    private static bool QuoteIsCPythons(string value, char quote) => quote == (value.Contains('\'') && !value.Contains('"') ? '"' : '\'');

    private static bool HasNoRawControls(string repr) => repr.All(c => c >= ' ' && c != '\u007f' && !(c >= '\u0080' && c < '\u00a0'));

    /// <summary>A Python str literal: \\ \' \" \n \r \t \xHH \uHHHH \UHHHHHHHH; anything else is taken as written.</summary>
    private static string ReadLiteral(string repr, ref int position)
    {
        var quote = repr[position++];
        var text = new StringBuilder();
        while (repr[position] != quote)
        {
            var c = repr[position++];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escape = repr[position++];
            switch (escape)
            {
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'x': text.Append((char)Hex(repr, ref position, 2)); break;
                case 'u': text.Append((char)Hex(repr, ref position, 4)); break;
                case 'U': text.Append(char.ConvertFromUtf32(Hex(repr, ref position, 8))); break;
                default: text.Append(escape); break;
            }
        }

        position++;
        return text.ToString();
    }

    private static int Hex(string text, ref int position, int digits)
    {
        var value = int.Parse(text.Substring(position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        position += digits;
        return value;
    }
}
