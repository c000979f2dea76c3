using System;
using System.Text.Json;
using ModelRbac.Core.Config;

namespace ModelRbac.Core.Text;

/// <summary>
/// CPython 3.11's <c>str.isprintable()</c>, from its own Unicode 14 table (<c>Data/python-printable.json</c>, written
/// by <c>make_python_printable.py</c>). .NET's categories follow a newer Unicode (and net472 an older one), so code
/// points assigned since would print raw here where LiteLLM's repr() escapes them.
/// </summary>
internal static class PythonPrintable
{
    private static readonly Lazy<(int[] Starts, int[] Ends)> s_ranges = new(Load);

    /// <summary>True when repr() prints <paramref name="codePoint"/> as itself.</summary>
    public static bool IsPrintable(int codePoint)
    {
        var (starts, ends) = s_ranges.Value;
        var index = Array.BinarySearch(starts, codePoint);
        if (index < 0)
        {
            // The range starting before it, if any.
            index = ~index - 1;
        }

        return index >= 0 && codePoint <= ends[index];
    }

    private static (int[] Starts, int[] Ends) Load()
    {
        using var document = JsonDocument.Parse(EmbeddedData.Read("python-printable.json"));
        var ranges = document.RootElement.GetProperty("ranges");
        var starts = new int[ranges.GetArrayLength()];
        var ends = new int[starts.Length];
        var i = 0;
        foreach (var range in ranges.EnumerateArray())
        {
            starts[i] = range[0].GetInt32();
            ends[i] = range[1].GetInt32();
            i++;
        }

        return (starts, ends);
    }
}
