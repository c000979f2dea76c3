using System;

namespace ModelRbac.Core.Tokens;

/// <summary>Strict base64url decoding (RFC 7515 §2): the URL-safe alphabet, no padding, no whitespace.</summary>
internal static class Base64Url
{
    public static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (segment.Length % 4 == 1)
        {
            return false;
        }

        var chars = new char[segment.Length + ((4 - (segment.Length % 4)) % 4)];
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == '-')
            {
                c = '+';
            }
            else if (c == '_')
            {
                c = '/';
            }
            else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                // '+', '/', '=' and anything else are not base64url.
                return false;
            }

            chars[i] = c;
        }

        for (var i = segment.Length; i < chars.Length; i++)
        {
            chars[i] = '=';
        }

        try
        {
            bytes = Convert.FromBase64CharArray(chars, 0, chars.Length);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
