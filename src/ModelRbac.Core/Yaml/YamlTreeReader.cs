using System;
using System.Collections.Generic;
using System.IO;
using ModelRbac.Core.Config;
using ModelRbac.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelRbac.Core.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event stream, iteratively (no recursion, so deep input
/// cannot overflow the stack), with limits on size, depth and alias expansion, and PyYAML's merge keys.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly string? _file;
    private readonly YamlLimits _limits;
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);

    private YamlTreeReader(string? file, YamlLimits limits)
    {
        _file = file;
        _limits = limits;
    }

    /// <summary>Parses one YAML document; an empty document gives null.</summary>
    public static YNode? Read(string text, string? file, YamlLimits limits)
    {
        if (text.Length > limits.MaxCharacters)
        {
            throw ConfigException.LimitExceeded(
                $"the config is {text.Length:N0} characters",
                YamlLimits.MaxCharactersName,
                limits.MaxCharacters,
                new SourceLocation(file, string.Empty, 0, 0));
        }

        var reader = new YamlTreeReader(file, limits);
        try
        {
            return reader.ReadDocument(new GuardedParser(new Parser(new StringReader(text))));
        }
        catch (YamlException ex)
        {
            throw new ConfigException(
                ErrorIds.ConfigParseError,
                RbacErrorKind.Parse,
                "YAML syntax error: " + StripMarkPrefix(ex.Message),
                new SourceLocation(file, string.Empty, (int)ex.Start.Line, (int)ex.Start.Column),
                ex);
        }
    }

    private YNode? ReadDocument(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNodes(parser);
        parser.Consume<DocumentEnd>();
        if (parser.Current is DocumentStart start)
        {
            throw new ConfigException(
                ErrorIds.ConfigParseError,
                RbacErrorKind.Parse,
                "expected a single YAML document, found another one",
                Locate(start.Start));
        }

        parser.Consume<StreamEnd>();
        return root;
    }

    /// <summary>Reads one node (and everything under it) with an explicit stack of open collections.</summary>
    private YNode ReadNodes(IParser parser)
    {
        var open = new Stack<Frame>();
        YNode? finished = null;
        while (true)
        {
            var ev = parser.Consume<ParsingEvent>();
            YNode? completed = null;
            switch (ev)
            {
                case Scalar scalar:
                    var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                    completed = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, tag, Line(ev.Start), Column(ev.Start));
                    Remember(scalar.Anchor, completed);
                    break;
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out completed))
                    {
                        throw new ConfigException(
                            ErrorIds.ConfigParseError,
                            RbacErrorKind.Parse,
                            $"alias *{alias.Value.Value} refers to no anchor defined before it (recursive aliases are not supported)",
                            Locate(ev.Start));
                    }

                    break;
                case SequenceStart seq:
                    open.Push(Open(new YSequence(Line(ev.Start), Column(ev.Start)), seq.Anchor, open.Count, ev.Start));
                    continue;
                case MappingStart map:
                    open.Push(Open(new YMapping(Line(ev.Start), Column(ev.Start)), map.Anchor, open.Count, ev.Start));
                    continue;
                case SequenceEnd:
                case MappingEnd:
                    var frame = open.Pop();
                    completed = Close(frame, ev.Start);
                    break;
                default:
                    throw new ConfigException(
                        ErrorIds.ConfigParseError,
                        RbacErrorKind.Parse,
                        $"unexpected YAML event {ev.GetType().Name}",
                        Locate(ev.Start));
            }

            if (open.Count == 0)
            {
                finished = completed;
                return finished;
            }

            Add(open.Peek(), completed, ev.Start);
        }
    }

    private Frame Open(YNode node, AnchorName anchor, int depth, Mark start)
    {
        if (depth + 1 > _limits.MaxDepth)
        {
            throw ConfigException.LimitExceeded("YAML nesting of lists and mappings is deeper than allowed", YamlLimits.MaxDepthName, _limits.MaxDepth, Locate(start));
        }

        return new Frame(node, anchor);
    }

    private void Add(Frame frame, YNode child, Mark at)
    {
        frame.ExpandedSize = SaturatingAdd(frame.ExpandedSize, child.ExpandedSize);
        if (frame.ExpandedSize > _limits.MaxExpandedNodes)
        {
            throw ConfigException.LimitExceeded(
                "the YAML expands to more nodes than allowed once aliases are followed (an alias bomb?)",
                YamlLimits.MaxExpandedNodesName,
                _limits.MaxExpandedNodes,
                Locate(at));
        }

        if (frame.Node is YSequence sequence)
        {
            sequence.Items.Add(child);
            return;
        }

        var mapping = (YMapping)frame.Node;
        if (frame.PendingKey is null)
        {
            frame.PendingKey = child;
            return;
        }

        var key = frame.PendingKey;
        frame.PendingKey = null;
        if (key is YScalar { Value: "<<", IsPlain: true })
        {
            frame.Merges.Add(child);
            return;
        }

        mapping.Entries.Add(new KeyValuePair<YNode, YNode>(key, child));
    }

    private YNode Close(Frame frame, Mark at)
    {
        if (frame.Node is YMapping mapping && frame.Merges.Count > 0)
        {
            ApplyMerges(mapping, frame.Merges, at);
        }

        frame.Node.ExpandedSize = frame.ExpandedSize;
        Remember(frame.Anchor, frame.Node);
        return frame.Node;
    }

    /// <summary>PyYAML's merge keys: keys from the merged mappings fill in those the mapping lacks; earlier merges win.</summary>
    private void ApplyMerges(YMapping mapping, List<YNode> merges, Mark at)
    {
        var sources = new List<YMapping>();
        foreach (var merge in merges)
        {
            switch (merge)
            {
                case YMapping single:
                    sources.Add(single);
                    break;
                case YSequence list:
                    foreach (var item in list.Items)
                    {
                        sources.Add(item as YMapping ?? throw MergeError(item));
                    }

                    break;
                default:
                    throw MergeError(merge);
            }
        }

        foreach (var source in sources)
        {
            foreach (var entry in source.Entries)
            {
                if (entry.Key is YScalar key && mapping.Get(key.Value) is null)
                {
                    mapping.Entries.Insert(0, entry);
                }
            }
        }

        ConfigException MergeError(YNode node) => new(
            ErrorIds.ConfigParseError,
            RbacErrorKind.Parse,
            "a merge key (<<) must refer to a mapping or a list of mappings",
            new SourceLocation(_file, string.Empty, node.Line, node.Column));
    }

    private void Remember(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }

    private SourceLocation Locate(Mark mark) => new(_file, string.Empty, Line(mark), Column(mark));

    private static int Line(Mark mark) => (int)Math.Min(mark.Line, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Min(mark.Column, int.MaxValue);

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; we report the position ourselves.</summary>
    private static string StripMarkPrefix(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message.Substring(cut + 3) : message;
    }

    private sealed class Frame
    {
        public Frame(YNode node, AnchorName anchor)
        {
            Node = node;
            Anchor = anchor;
        }

        public YNode Node { get; }

        public AnchorName Anchor { get; }

        public long ExpandedSize { get; set; } = 1;

        public YNode? PendingKey { get; set; }

        public List<YNode> Merges { get; } = new();
    }
}
