using System;
using System.Runtime.InteropServices;

namespace ModelRbac.Fuzz;

/// <summary>
/// AFL's 64 KiB edge map, which SharpFuzz-instrumented code increments through SharpFuzz.Common.Trace.SharedMem.
/// Hit counts are bucketed as AFL does (1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+); an input is interesting when it
/// sets a bucket no earlier input set.
/// </summary>
public sealed unsafe class EdgeCoverage : IDisposable
{
    public const int MapSize = 1 << 16;
    private static readonly byte[] s_buckets = MakeBuckets();
    private readonly byte* _map;
    private readonly byte[] _seen = new byte[MapSize];

    public EdgeCoverage()
    {
        _map = (byte*)NativeMemory.AllocZeroed(MapSize);
        SharpFuzz.Common.Trace.SharedMem = _map;
        SharpFuzz.Common.Trace.PrevLocation = 0;
    }

    /// <summary>Edges (map cells) seen so far.</summary>
    public int Edges { get; private set; }

    /// <summary>Clears the map before one run.</summary>
    public void Reset()
    {
        new Span<byte>(_map, MapSize).Clear();
        SharpFuzz.Common.Trace.PrevLocation = 0;
    }

    /// <summary>True when the run just finished set a new (edge, bucket) pair; records it.</summary>
    public bool Collect()
    {
        var found = false;
        var cells = new ReadOnlySpan<ulong>(_map, MapSize / sizeof(ulong));
        for (var word = 0; word < cells.Length; word++)
        {
            if (cells[word] == 0)
            {
                continue;
            }

            for (var i = word * sizeof(ulong); i < (word + 1) * sizeof(ulong); i++)
            {
                var hits = _map[i];
                if (hits == 0)
                {
                    continue;
                }

                var bucket = s_buckets[hits];
                if ((_seen[i] & bucket) == 0)
                {
                    if (_seen[i] == 0)
                    {
                        Edges++;
                    }

                    _seen[i] |= bucket;
                    found = true;
                }
            }
        }

        return found;
    }

    public void Dispose()
    {
        SharpFuzz.Common.Trace.SharedMem = null;
        NativeMemory.Free(_map);
    }

    private static byte[] MakeBuckets()
    {
        var buckets = new byte[256];
        for (var hits = 1; hits < 256; hits++)
        {
            buckets[hits] = hits switch
            {
                1 => 1,
                2 => 2,
                3 => 4,
                <= 7 => 8,
                <= 15 => 16,
                <= 31 => 32,
                <= 127 => 64,
                _ => 128,
            };
        }

        return buckets;
    }
}
