using System;
using System.Collections.Generic;

namespace ModelRbac.Fuzz;

/// <summary>
/// libFuzzer-style mutations, stacked one to four at a time: bit flips, byte changes, insertions, deletions,
/// duplicated runs, dictionary keywords and splices with another corpus entry. Seeded, so a run is repeatable.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[] s_interesting = { 0, 1, 0x7f, 0x80, 0xff, (byte)'.', (byte)'\n', (byte)'"', (byte)'\\', (byte)'*', (byte)'[', (byte)'{' };
    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _dictionary;
    private readonly int _maxLength;

    public Mutator(int seed, IReadOnlyList<byte[]> dictionary, int maxLength)
    {
        _random = new Random(seed);
        _dictionary = dictionary;
        _maxLength = maxLength;
    }

    public int Next(int bound) => _random.Next(bound);

    public byte[] Mutate(byte[] parent, IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(parent);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(data, corpus);
        }

        if (data.Count > _maxLength)
        {
            data.RemoveRange(_maxLength, data.Count - _maxLength);
        }

        return data.ToArray();
    }

    private void MutateOnce(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        switch (_random.Next(9))
        {
            case 0 when data.Count > 0:
                data[_random.Next(data.Count)] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[_random.Next(data.Count)] = s_interesting[_random.Next(s_interesting.Length)];
                break;
            case 2:
                data.Insert(_random.Next(data.Count + 1), (byte)_random.Next(256));
                break;
            case 3 when data.Count > 1:
                var start = _random.Next(data.Count);
                data.RemoveRange(start, 1 + _random.Next(Math.Min(16, data.Count - start)));
                break;
            case 4 when data.Count > 0:
                var from = _random.Next(data.Count);
                var run = data.GetRange(from, 1 + _random.Next(Math.Min(32, data.Count - from)));
                var repeat = 1 + _random.Next(_random.Next(2) == 0 ? 2 : 64);
                var at = _random.Next(data.Count + 1);
                for (var r = 0; r < repeat && data.Count < _maxLength; r++)
                {
                    data.InsertRange(at, run);
                }

                break;
            case 5:
            case 6:
                var word = _dictionary[_random.Next(_dictionary.Count)];
                data.InsertRange(_random.Next(data.Count + 1), word);
                break;
            case 7 when data.Count > 0:
                var replacement = _dictionary[_random.Next(_dictionary.Count)];
                var position = _random.Next(data.Count);
                data.RemoveRange(position, Math.Min(replacement.Length, data.Count - position));
                data.InsertRange(position, replacement);
                break;
            case 8 when corpus.Count > 0:
                var other = corpus[_random.Next(corpus.Count)];
                if (other.Length == 0)
                {
                    break;
                }

                var cut = _random.Next(data.Count + 1);
                var otherStart = _random.Next(other.Length);
                data.RemoveRange(cut, data.Count - cut);
                data.AddRange(new ArraySegment<byte>(other, otherStart, other.Length - otherStart));
                break;
            default:
                data.Add((byte)_random.Next(256));
                break;
        }
    }
}
