using System.Collections.Generic;
using System.Text;

namespace ModelRbac.Core.Tokens;

/// <summary>
/// The public keys a token may be checked against, and LiteLLM's choice among them (<c>parse_keys</c>, reference
/// §2.4): one key matches when its kid equals the header's or the header has none; with several keys only an exact
/// kid match counts (the last one wins). A PEM key is used whatever the kid.
/// </summary>
public sealed class KeySet
{
    private readonly VerificationKey[] _keys;

    internal KeySet(IReadOnlyList<VerificationKey> keys, string source, bool isPem)
    {
        _keys = new List<VerificationKey>(keys).ToArray();
        Source = source;
        IsPem = isPem;
    }

    /// <summary>Where the keys came from (a path or URL), for messages.</summary>
    public string Source { get; }

    /// <summary>A single PEM key: no kid matching.</summary>
    public bool IsPem { get; }

    /// <summary>The keys, in document order.</summary>
    public IReadOnlyList<VerificationKey> Keys => _keys;

    /// <summary>The key LiteLLM would pick for a header, or null.</summary>
    /// <param name="headerHasKid">Whether the header carries a non-null kid.</param>
    /// <param name="headerKid">The header's kid when it is a string.</param>
    public VerificationKey? Choose(bool headerHasKid, string? headerKid)
    {
        if (IsPem)
        {
            return _keys.Length == 1 ? _keys[0] : null;
        }

        if (_keys.Length == 1)
        {
            var only = _keys[0];
            return !headerHasKid || (only.KeyId is not null && only.KeyId == headerKid) ? only : null;
        }

        VerificationKey? chosen = null;
        if (headerHasKid && headerKid is not null)
        {
            foreach (var key in _keys)
            {
                if (key.KeyId == headerKid)
                {
                    chosen = key;
                }
            }
        }

        return chosen;
    }

    /// <summary>"kids=[a, b, (none)]" for a key-not-found message.</summary>
    internal string DescribeKids()
    {
        var text = new StringBuilder("kids=[");
        for (var i = 0; i < _keys.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_keys[i].KeyId ?? "(none)");
        }

        return text.Append(']').ToString();
    }
}
