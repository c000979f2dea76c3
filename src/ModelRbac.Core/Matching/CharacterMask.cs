using System;

namespace ModelRbac.Core.Matching;

/// <summary>
/// A 64-bit set of characters folded by their low six bits: if a pattern's required literals are not all in a
/// name's mask, the pattern cannot match (collisions only let more names through to the real matcher).
/// </summary>
internal static class CharacterMask
{
    /// <summary>The bits of a code point's UTF-16 units (names are masked unit by unit).</summary>
    public static ulong Bit(int codePoint)
    {
        if (codePoint <= 0xFFFF)
        {
            return 1UL << (codePoint & 63);
        }

        var text = char.ConvertFromUtf32(codePoint);
        return (1UL << (text[0] & 63)) | (1UL << (text[1] & 63));
    }

    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            mask |= 1UL << (c & 63);
        }

        return mask;
    }
}
