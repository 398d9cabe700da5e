using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BorderSim.Scenarios.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event parser (not its representation model): every
/// duplicate key and every alias is reported, and a syntax error becomes an error at its line:column.
/// The text must have been through <see cref="TextGuard.Prepare"/> (nesting bounded).
/// </summary>
internal static class YamlTreeBuilder
{
    private sealed class Frame(YNode container)
    {
        public YNode Container { get; } = container;

        public YScalar? PendingKey { get; set; }

        public bool SkipNextValue { get; set; }

        public Dictionary<string, YScalar> Seen { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The root of the one document in <paramref name="text"/>, or null (errors reported, or an empty text).
    /// Positions are mapped by <paramref name="place"/> (identity for a file; for a <c>--set</c> value, its option and column).
    /// </summary>
    public static YNode? Build(string text, string file, Diagnostics diagnostics, Func<int, int, (int Line, int Column)>? place = null)
    {
        place ??= (line, column) => (line, column);
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        var aliases = 0;
        var last = Mark.Empty;
        var parser = new Parser(new StringReader(text));

        YScalar MakeScalar(Mark start, string value, bool isPlain)
        {
            var (line, column) = place((int)start.Line, (int)start.Column);
            return new YScalar(file, line, column, TextGuard.Restore(value), isPlain);
        }

        void Attach(YNode node)
        {
            if (stack.Count == 0)
            {
                root = node;
                return;
            }

            var frame = stack.Peek();
            if (frame.Container is YSeq seq)
            {
                seq.Items.Add(node);
                return;
            }

            var map = (YMap)frame.Container;
            if (frame.PendingKey is null && !frame.SkipNextValue)
            {
                if (node is YScalar key)
                {
                    frame.PendingKey = key;
                }
                else
                {
                    diagnostics.Add(node, "", $"a key must be a plain name, found {node.Describe()}");
                    frame.SkipNextValue = true;
                }

                return;
            }

            if (frame.SkipNextValue)
            {
                frame.SkipNextValue = false;
                return;
            }

            var pending = frame.PendingKey!;
            frame.PendingKey = null;
            if (frame.Seen.TryGetValue(pending.Value, out var first))
            {
                diagnostics.Add(pending, "", $"duplicate key '{pending.Value}' (first at line {first.Line}, column {first.Column})",
                    "each key may appear once in a mapping; merge the two entries");
                return;
            }

            frame.Seen.Add(pending.Value, pending);
            map.Entries.Add(new KeyValuePair<YScalar, YNode>(pending, node));
        }

        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            var (line, column) = place((int)current.Start.Line, (int)current.Start.Column);
                            diagnostics.Add(new ScenarioError(file, line, column, "", "a scenario file holds one YAML document; found a second one (after ---)", "split it into two files"));
                            return root;
                        }

                        break;
                    case Scalar scalar:
                        Attach(MakeScalar(scalar.Start, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any));
                        break;
                    case MappingStart:
                        {
                            var (line, column) = place((int)current.Start.Line, (int)current.Start.Column);
                            stack.Push(new Frame(new YMap(file, line, column)));
                            break;
                        }

                    case SequenceStart:
                        {
                            var (line, column) = place((int)current.Start.Line, (int)current.Start.Column);
                            stack.Push(new Frame(new YSeq(file, line, column)));
                            break;
                        }

                    case MappingEnd:
                    case SequenceEnd:
                        Attach(stack.Pop().Container);
                        break;
                    case AnchorAlias alias:
                        {
                            // Only the first is reported: an alias bomb would otherwise fill the error list.
                            var placeholder = MakeScalar(alias.Start, "", isPlain: true);
                            if (aliases++ == 0)
                            {
                                diagnostics.Add(placeholder, "", $"aliases (*{alias.Value}) are not supported",
                                    "write the value out in full; anchors and aliases could expand without bound");
                            }

                            Attach(placeholder);
                            break;
                        }

                    default:
                        break;
                }

                if (diagnostics.IsFull)
                {
                    return null;
                }
            }
        }
        catch (YamlException e)
        {
            var (line, column) = place((int)e.Start.Line, (int)e.Start.Column);
            diagnostics.Add(new ScenarioError(file, line, column, "", "YAML syntax error: " + CleanMessage(e.Message), SyntaxHint(e.Message)));
            return null;
        }
#pragma warning disable CA1031 // A malformed text must become an error, never a crash of the caller.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
#pragma warning restore CA1031
        {
            var (line, column) = place((int)last.Line, (int)last.Column);
            diagnostics.Add(new ScenarioError(file, line, column, "", "YAML syntax error: the text could not be read (" + e.Message + ")", "check the indentation near this place"));
            return null;
        }

        return root;
    }

    private static string CleanMessage(string message)
    {
        var text = message.Trim();
        if (text.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var close = text.IndexOf("):", StringComparison.Ordinal);
            if (close >= 0)
            {
                text = text[(close + 2)..].Trim();
            }
        }

        return text.TrimEnd('.');
    }

    private static string? SyntaxHint(string message) =>
        message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "indent with spaces, not tabs"
        : message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase) ? "a value containing ': ' must be quoted, or a key is mis-indented"
        : message.Contains("block end", StringComparison.OrdinalIgnoreCase) || message.Contains("document end", StringComparison.OrdinalIgnoreCase) ? "check the indentation of this line against the lines above"
        : null;
}
