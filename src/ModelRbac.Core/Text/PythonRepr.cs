using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelRbac.Core.Text;

/// <summary>Python 3's <c>repr()</c> of strings and lists of strings, as LiteLLM's messages print them.</summary>
public static class PythonRepr
{
    /// <summary><c>repr(list_of_str)</c>: <c>['a', 'b']</c>.</summary>
    public static string List(IReadOnlyList<string> items)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            AppendString(text, items[i]);
        }

        return text.Append(']').ToString();
    }

    /// <summary><c>repr(str)</c>: single quotes unless the text has ' and no ", escapes as CPython's unicode_repr.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendString(text, value);
        return text.ToString();
    }

    private static void AppendString(StringBuilder text, string value)
    {
        var quote = value.IndexOf('\'') >= 0 && value.IndexOf('"') < 0 ? '"' : '\'';
        text.Append(quote);
        for (var i = 0; i < value.Length;)
        {
            int codePoint;
            int width;
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                codePoint = char.ConvertToUtf32(value[i], value[i + 1]);
                width = 2;
            }
            else
            {
                codePoint = value[i];
                width = 1;
            }

            AppendCodePoint(text, value, i, codePoint, width, quote);
            i += width;
        }

        text.Append(quote);
    }

    private static void AppendCodePoint(StringBuilder text, string value, int index, int codePoint, int width, char quote)
    {
        switch (codePoint)
        {
            case '\\':
                text.Append("\\\\");
                return;
            case '\n':
                text.Append("\\n");
                return;
            case '\r':
                text.Append("\\r");
                return;
            case '\t':
                text.Append("\\t");
                return;
        }

        if (codePoint == quote)
        {
            text.Append('\\').Append(quote);
        }
        else if (PythonPrintable.IsPrintable(codePoint))
        {
            text.Append(value, index, width);
        }
        else if (codePoint < 0x100)
        {
            text.Append("\\x").Append(codePoint.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (codePoint < 0x10000)
        {
            text.Append("\\u").Append(codePoint.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
