using System;
using System.Collections.Generic;

namespace ModelRbac.Fuzz;

/// <summary>Something the fuzzer feeds bytes to. Run throws <see cref="FuzzFinding"/> (or anything else) for a bug.</summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line and as the fixture folder (tests/fixtures/fuzz/NAME).</summary>
    string Name { get; }

    /// <summary>Longest input the mutator makes, in bytes.</summary>
    int MaxInputLength { get; }

    /// <summary>The starting corpus.</summary>
    IEnumerable<byte[]> Seeds();

    /// <summary>Fragments worth splicing in (keywords of the input language).</summary>
    IReadOnlyList<byte[]> Dictionary { get; }

    /// <summary>Runs one input; returns normally when every invariant held.</summary>
    void Run(byte[] input);
}

/// <summary>An invariant the target checks was broken (a leak, an unexpected error id, disagreeing decisions).</summary>
public sealed class FuzzFinding : Exception
{
    public FuzzFinding(string message)
        : base(message)
    {
    }
}
