namespace BorderSim.Scenarios.Yaml;

/// <summary>
/// Looks at the raw text before YamlDotNet does. Two jobs:
/// <list type="number">
/// <item>Bound the nesting depth. YamlDotNet's scanner recurses on nested flow collections and a file of
/// 100,000 <c>[</c> overflows the stack, which kills the process whatever is caught; so flow brackets and
/// block indentation levels are counted here, outside quotes, comments and block scalars.</item>
/// <item>Keep a call's arguments together. <c>{ dwell: tri(2h, 4h, 12h) }</c> would otherwise split at the
/// commas of the flow mapping, and <c>empirical(10min: 0.3)</c> break at its colon. Inside the parentheses of
/// <c>name(...)</c> commas and colons are swapped for private-use characters of the same width (so every
/// line:column stays true) and swapped back in each scalar by <see cref="Restore"/>.</item>
/// </list>
/// </summary>
internal static class TextGuard
{
    public const int MaxDepth = 64;

    private const char ProtectedComma = '\uE000';
    private const char ProtectedColon = '\uE001';

    public sealed record DepthError(int Line, int Column, int Depth);

    public static string Restore(string value) =>
        value.Contains(ProtectedComma, StringComparison.Ordinal) || value.Contains(ProtectedColon, StringComparison.Ordinal)
            ? value.Replace(ProtectedComma, ',').Replace(ProtectedColon, ':')
            : value;

    /// <summary>The text with call arguments protected, or null and the place where nesting went too deep.</summary>
    public static string? Prepare(string text, out DepthError? error)
    {
        error = null;
        var output = text.ToCharArray();
        var indents = new List<int>();
        var quote = '\0';
        var flowDepth = 0;
        int? blockScalarParent = null;
        var lineStart = 0;
        var lineNumber = 0;
        while (lineStart <= text.Length)
        {
            lineNumber++;
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var indent = 0;
            while (lineStart + indent < lineEnd && text[lineStart + indent] == ' ')
            {
                indent++;
            }

            var restStart = lineStart + indent;
            var isBlank = restStart >= lineEnd || text[restStart] is '\r' or '#';

            if (blockScalarParent is int parent)
            {
                if (isBlank || indent > parent)
                {
                    lineStart = lineEnd + 1;
                    continue;
                }

                blockScalarParent = null;
            }

            var blockDepth = 0;
            var afterIndicators = restStart;
            if (quote == '\0' && flowDepth == 0 && !isBlank)
            {
                while (indents.Count > 0 && indents[^1] > indent)
                {
                    indents.RemoveAt(indents.Count - 1);
                }

                if (indents.Count == 0 || indents[^1] < indent)
                {
                    indents.Add(indent);
                }

                blockDepth = indents.Count;

                // Compact nested collections on one line: "- - - x", "? ? x".
                while (afterIndicators < lineEnd && text[afterIndicators] is '-' or '?'
                       && (afterIndicators + 1 == lineEnd || text[afterIndicators + 1] is ' ' or '\t' or '\r'))
                {
                    blockDepth++;
                    afterIndicators += 2;
                    while (afterIndicators < lineEnd && text[afterIndicators] == ' ')
                    {
                        afterIndicators++;
                    }
                }

                if (blockDepth > MaxDepth)
                {
                    error = new DepthError(lineNumber, Math.Min(afterIndicators, lineEnd) - lineStart + 1, blockDepth);
                    return null;
                }
            }
            else
            {
                blockDepth = indents.Count;
            }

            var callDepth = 0;
            for (var i = lineStart; i < lineEnd; i++)
            {
                var c = text[i];
                if (quote == '"')
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        quote = '\0';
                    }

                    continue;
                }

                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        if (i + 1 < lineEnd && text[i + 1] == '\'')
                        {
                            i++;
                        }
                        else
                        {
                            quote = '\0';
                        }
                    }

                    continue;
                }

                if (callDepth > 0)
                {
                    switch (c)
                    {
                        case '(':
                            callDepth++;
                            break;
                        case ')':
                            callDepth--;
                            break;
                        case ',':
                            output[i] = ProtectedComma;
                            break;
                        case ':':
                            output[i] = ProtectedColon;
                            break;
                        default:
                            break;
                    }

                    continue;
                }

                if (c == '#' && (i == lineStart || text[i - 1] is ' ' or '\t'))
                {
                    break;
                }

                if (c == '(' && i > lineStart && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))
                {
                    callDepth = 1;
                }
                else if (c is '"' or '\'' && IsValueStart(text, lineStart, i))
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    flowDepth++;
                    if (flowDepth + blockDepth > MaxDepth)
                    {
                        error = new DepthError(lineNumber, i - lineStart + 1, flowDepth + blockDepth);
                        return null;
                    }
                }
                else if (c is ']' or '}')
                {
                    flowDepth = Math.Max(0, flowDepth - 1);
                }
                else if (c is '|' or '>' && flowDepth == 0 && IsValueStart(text, lineStart, i) && RestIsBlockHeader(text, i + 1, lineEnd))
                {
                    // A block scalar: its lines indented deeper than the node that owns it are text, not structure.
                    blockScalarParent = i - lineStart == afterIndicators - lineStart && afterIndicators > restStart
                        ? afterIndicators - lineStart - 2
                        : afterIndicators - lineStart;
                    break;
                }
            }

            lineStart = lineEnd + 1;
        }

        return new string(output);
    }

    private static bool IsValueStart(string text, int lineStart, int i)
    {
        var j = i - 1;
        while (j >= lineStart && text[j] is ' ' or '\t')
        {
            j--;
        }

        if (j < lineStart)
        {
            return true;
        }

        return text[j] switch
        {
            '[' or '{' or ',' => true,
            ':' or '-' or '?' => j < i - 1,
            _ => false,
        };
    }

    private static bool RestIsBlockHeader(string text, int from, int lineEnd)
    {
        for (var i = from; i < lineEnd; i++)
        {
            var c = text[i];
            if (c is '+' or '-' || char.IsAsciiDigit(c))
            {
                continue;
            }

            if (c is ' ' or '\t' or '\r')
            {
                // The rest may only be a comment.
                var k = i;
                while (k < lineEnd && text[k] is ' ' or '\t' or '\r')
                {
                    k++;
                }

                return k == lineEnd || text[k] == '#';
            }

            return false;
        }

        return true;
    }
}
