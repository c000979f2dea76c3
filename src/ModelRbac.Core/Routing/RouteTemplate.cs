using System;
using System.Collections.Generic;

namespace ModelRbac.Core.Routing;

/// <summary>
/// A path template as starlette's <c>compile_path</c> reads it (reference §5.2), parsed once into tokens:
/// literal text (matched exactly, so <c>*</c> and <c>?</c> are plain characters), <c>{name}</c> (one path
/// segment, <c>[^/]+</c>), <c>{name:path}</c> (anything, <c>.*</c>) and starlette's other convertors,
/// <c>{name:int}</c> (<c>[0-9]+</c>), <c>{name:float}</c> (<c>[0-9]+(\.[0-9]+)?</c>) and <c>{name:uuid}</c>
/// (lower-case 8-4-4-4-12 hex). The whole route must match.
/// A template without a leading '/' is a starlette host pattern and matches no request path.
/// </summary>
public sealed class RouteTemplate
{
    private readonly Token[] _tokens;

    private RouteTemplate(string text, Token[] tokens, bool isHost)
    {
        Text = text;
        _tokens = tokens;
        IsHost = isHost;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>True when the template has no leading '/' (a starlette host pattern): it matches no path.</summary>
    public bool IsHost { get; }

    /// <summary>The literal text before the first parameter (the whole text when there is none).</summary>
    public string LeadingLiteral => _tokens[0].Kind == TokenKind.Literal ? _tokens[0].Text : string.Empty;

    /// <summary>True when the template has at least one <c>{name}</c> or <c>{name:path}</c> parameter.</summary>
    public bool HasParameters => _tokens.Length != 1 || _tokens[0].Kind != TokenKind.Literal;

    /// <summary>
    /// Parses <paramref name="text"/>. False (with the reason) when a parameter names a converter starlette does not
    /// have: it rejects those at start-up ("Unknown path convertor").
    /// </summary>
    public static bool TryParse(string text, out RouteTemplate? template, out string? error)
    {
        var tokens = new List<Token>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '{' || !TryReadParameter(text, i, out var end, out var kind, out var converter))
            {
                i++;
                continue;
            }

            if (kind is null)
            {
                template = null;
                error = $"unknown path converter '{converter}' in route template '{text}' (starlette accepts str, path, int, float and uuid)";
                return false;
            }

            if (i > literalStart)
            {
                tokens.Add(new Token(TokenKind.Literal, text.Substring(literalStart, i - literalStart)));
            }

            tokens.Add(new Token(kind.Value, string.Empty));
            i = end;
            literalStart = end;
        }

        if (literalStart < text.Length || tokens.Count == 0)
        {
            tokens.Add(new Token(TokenKind.Literal, text.Substring(literalStart)));
        }

        template = new RouteTemplate(text, tokens.ToArray(), !text.StartsWith("/", StringComparison.Ordinal));
        error = null;
        return true;
    }

    /// <summary>Parses a template that must be valid (the bundled route-group data).</summary>
    public static RouteTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template! : throw new FormatException(error);

    /// <summary>What a witness puts for one <c>{name}</c> segment.</summary>
    internal const string SegmentWitness = "sample";

    /// <summary>What a deep witness puts for a <c>{name:path}</c> or below a prefix: several segments.</summary>
    internal const string DeepPathWitness = "sample/deeper/path";

    /// <summary>
    /// A concrete request path the template matches: each <c>{name}</c> becomes "sample" and each
    /// <c>{name:path}</c> "sample/path", so a literal entry that merely repeats the template text does not match it.
    /// </summary>
    public string Witness() => Witness("sample/path");

    /// <summary>
    /// Concrete paths the template matches: <see cref="Witness()"/>, and for a template with <c>{name:path}</c> also
    /// one with several segments there, which a grant of one segment does not cover.
    /// </summary>
    public IReadOnlyList<string> Witnesses()
    {
        foreach (var token in _tokens)
        {
            if (token.Kind == TokenKind.Path)
            {
                return new[] { Witness(), Witness(DeepPathWitness) };
            }
        }

        return new[] { Witness() };
    }

    private string Witness(string pathWitness)
    {
        var text = new System.Text.StringBuilder();
        foreach (var token in _tokens)
        {
            text.Append(token.Kind switch
            {
                TokenKind.Segment => SegmentWitness,
                TokenKind.Path => pathWitness,
                TokenKind.Int or TokenKind.Float => "1",
                TokenKind.Uuid => "00000000-0000-0000-0000-000000000000",
                _ => token.Text,
            });
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="path"/> matches the whole template. No allocation.</summary>
    public bool Matches(ReadOnlySpan<char> path) => !IsHost && MatchFrom(0, path);

    /// <summary>True when <paramref name="text"/> has a well-formed <c>{name}</c> or <c>{name:converter}</c>.</summary>
    public static bool HasParameterSyntax(string text)
    {
        for (var i = text.IndexOf('{'); i >= 0; i = text.IndexOf('{', i + 1))
        {
            if (TryReadParameter(text, i, out _, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    // Backtracking is bounded by the handful of parameters a template has; each step compares spans only.
    private bool MatchFrom(int tokenIndex, ReadOnlySpan<char> rest)
    {
        if (tokenIndex == _tokens.Length)
        {
            return rest.IsEmpty;
        }

        var token = _tokens[tokenIndex];
        var last = tokenIndex == _tokens.Length - 1;
        switch (token.Kind)
        {
            case TokenKind.Literal:
                return rest.StartsWith(token.Text.AsSpan(), StringComparison.Ordinal)
                    && MatchFrom(tokenIndex + 1, rest.Slice(token.Text.Length));
            case TokenKind.Segment:
                var slash = rest.IndexOf('/');
                var longest = slash < 0 ? rest.Length : slash;
                if (last)
                {
                    return longest > 0 && longest == rest.Length;
                }

                if (tokenIndex + 2 == _tokens.Length && _tokens[tokenIndex + 1].Kind == TokenKind.Literal)
                {
                    // "{id}suffix" at the end: the suffix closes the route, and what precedes it is one segment.
                    var suffix = _tokens[tokenIndex + 1].Text.AsSpan();
                    var length = rest.Length - suffix.Length;
                    return length >= 1 && length <= longest && rest.EndsWith(suffix, StringComparison.Ordinal);
                }

                for (var length = longest; length >= 1; length--)
                {
                    if (MatchFrom(tokenIndex + 1, rest.Slice(length)))
                    {
                        return true;
                    }
                }

                return false;
            case TokenKind.Int:
            case TokenKind.Float:
            case TokenKind.Uuid:
                // A run of the convertor's characters, tried longest first (none of them is '/').
                var run = 0;
                while (run < rest.Length && IsConvertorChar(token.Kind, rest[run]))
                {
                    run++;
                }

                for (var length = run; length >= 1; length--)
                {
                    if (IsConvertorMatch(token.Kind, rest.Slice(0, length)) && MatchFrom(tokenIndex + 1, rest.Slice(length)))
                    {
                        return true;
                    }
                }

                return false;
            default:
                if (last)
                {
                    return true;
                }

                if (tokenIndex + 2 == _tokens.Length && _tokens[tokenIndex + 1].Kind == TokenKind.Literal)
                {
                    // "{p:path}:suffix" at the end (the google routes): only the suffix needs checking.
                    return rest.EndsWith(_tokens[tokenIndex + 1].Text.AsSpan(), StringComparison.Ordinal);
                }

                for (var length = rest.Length; length >= 0; length--)
                {
                    if (MatchFrom(tokenIndex + 1, rest.Slice(length)))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    // starlette's PARAM_REGEX: "{" [a-zA-Z_][a-zA-Z0-9_]* (":" [a-zA-Z_][a-zA-Z0-9_]*)? "}"; anything else is literal.
    private static bool TryReadParameter(string text, int open, out int end, out TokenKind? kind, out string? converter)
    {
        end = 0;
        kind = null;
        converter = null;
        var i = open + 1;
        if (!ReadIdentifier(text, ref i))
        {
            return false;
        }

        var converterStart = -1;
        if (i < text.Length && text[i] == ':')
        {
            i++;
            converterStart = i;
            if (!ReadIdentifier(text, ref i))
            {
                return false;
            }
        }

        if (i >= text.Length || text[i] != '}')
        {
            return false;
        }

        end = i + 1;
        converter = converterStart < 0 ? "str" : text.Substring(converterStart, i - converterStart);
        kind = converter switch
        {
            "str" => TokenKind.Segment,
            "path" => TokenKind.Path,
            "int" => TokenKind.Int,
            "float" => TokenKind.Float,
            "uuid" => TokenKind.Uuid,
            _ => null,
        };
        return true;
    }

    private static bool ReadIdentifier(string text, ref int i)
    {
        if (i >= text.Length || !(IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            return false;
        }

        i++;
        while (i < text.Length && (IsAsciiLetter(text[i]) || text[i] == '_' || (text[i] >= '0' && text[i] <= '9')))
        {
            i++;
        }

        return true;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsLowerHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f');

    private static bool IsConvertorChar(TokenKind kind, char c) => kind switch
    {
        TokenKind.Int => IsDigit(c),
        TokenKind.Float => IsDigit(c) || c == '.',
        _ => IsLowerHex(c) || c == '-',
    };

    // starlette's convertor regexes, whole-span: int [0-9]+, float [0-9]+(\.[0-9]+)?, uuid 8-4-4-4-12 lower-case hex.
    private static bool IsConvertorMatch(TokenKind kind, ReadOnlySpan<char> text)
    {
        switch (kind)
        {
            case TokenKind.Int:
                return text.Length > 0;
            case TokenKind.Float:
                var dot = text.IndexOf('.');
                return dot < 0 ? text.Length > 0 : dot > 0 && dot < text.Length - 1 && text.Slice(dot + 1).IndexOf('.') < 0;
            default:
                if (text.Length != 36)
                {
                    return false;
                }

                for (var i = 0; i < text.Length; i++)
                {
                    var hyphen = i is 8 or 13 or 18 or 23;
                    if (hyphen ? text[i] != '-' : !IsLowerHex(text[i]))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private enum TokenKind
    {
        Literal,
        Segment,
        Path,
        Int,
        Float,
        Uuid,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public TokenKind Kind { get; }

        public string Text { get; }
    }
}
