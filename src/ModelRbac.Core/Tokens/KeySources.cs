using System;
using System.IO;

namespace ModelRbac.Core.Tokens;

/// <summary>Loads key sets from files; any read failure is JwksUnavailable naming the path.</summary>
public static class KeySources
{
    /// <summary>The largest key file read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>A JWKS JSON file.</summary>
    public static KeySet FromJwksFile(string path) => JwksReader.Parse(Read(path), path);

    /// <summary>A PEM public key or certificate file.</summary>
    public static KeySet FromPemFile(string path) => PemKeyReader.Parse(Read(path), path);

    private static string Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw JwksReader.Unavailable(path, $"it is larger than {MaxFileBytes} bytes");
            }

            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw JwksReader.Unavailable(path, "it cannot be read (" + ex.Message + ")");
        }
    }
}
