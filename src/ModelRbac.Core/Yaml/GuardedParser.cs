using System;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelRbac.Core.Yaml;

/// <summary>
/// YamlDotNet's parser, with the exceptions it throws for some malformed input besides <see cref="YamlException"/>
/// (found by fuzzing: an empty %TAG prefix, a tag that is not a URI, text after an explicit document end, a plain
/// scalar in a broken flow collection) turned into a <see cref="YamlException"/> at the last known position.
/// </summary>
internal sealed class GuardedParser : IParser
{
    private readonly IParser _inner;
    private Mark _lastEnd = Mark.Empty;

    public GuardedParser(IParser inner)
    {
        _inner = inner;
    }

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        try
        {
            var moved = _inner.MoveNext();
            if (_inner.Current is { } current)
            {
                _lastEnd = current.End;
            }

            return moved;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's own state error, whose text says nothing to a config author; its usual cause is an
            // unclosed flow collection, which PyYAML reports as an expected ',' or ']'.
            throw new YamlException(_lastEnd, _lastEnd, "the YAML cannot be read past this point; the usual cause is a flow collection ('[' or '{') left unclosed before it", ex);
        }
        catch (ArgumentException ex)
        {
            throw new YamlException(_lastEnd, _lastEnd, ex.Message, ex);
        }
    }
}
