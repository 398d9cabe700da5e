using System.Text;

namespace BorderSim.Cli.Tests.Docs;

/// <summary>One command of a console block: what follows the <c>$ </c> (continuation lines joined) and the lines the page quotes after it.</summary>
internal sealed record QuotedCommand(int Line, string Text, IReadOnlyList<string> Expected);

/// <summary>Splits a console block into its commands, and a command line into words as a POSIX shell would.</summary>
internal static class ConsoleSession
{
    /// <summary>The commands of a console block, each with the lines quoted after it.</summary>
    public static IReadOnlyList<QuotedCommand> Commands(MarkdownBlock block)
    {
        var commands = new List<QuotedCommand>();
        for (int i = 0; i < block.Lines.Count; i++)
        {
            string line = block.Lines[i].TrimStart();
            if (!line.StartsWith("$ ", StringComparison.Ordinal))
            {
                continue;
            }

            int first = i;
            var text = new StringBuilder(line[2..]);
            while (text.Length > 0 && text[^1] == '\\' && i + 1 < block.Lines.Count)
            {
                text.Length--;
                text.Append(' ').Append(block.Lines[++i].Trim());
            }

            var expected = new List<string>();
            while (i + 1 < block.Lines.Count && !block.Lines[i + 1].TrimStart().StartsWith("$ ", StringComparison.Ordinal))
            {
                expected.Add(block.Lines[++i]);
            }

            commands.Add(new QuotedCommand(block.Line + 1 + first, text.ToString().Trim(), expected));
        }

        return commands;
    }

    /// <summary>
    /// The words of a command line: single and double quotes, backslash escapes, a <c>#</c> comment at a word's start.
    /// Anything a shell would do more (pipes, redirection, globs, variables, command substitution) is refused, so a page
    /// cannot quote a command the test would run differently from a terminal.
    /// </summary>
    public static IReadOnlyList<string> Words(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < commandLine.Length; i++)
        {
            char c = commandLine[i];
            if (c == '\'')
            {
                int end = commandLine.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unclosed ' in: {commandLine}");
                }

                word.Append(commandLine, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else if (c == '"')
            {
                for (i++; i < commandLine.Length && commandLine[i] != '"'; i++)
                {
                    if (commandLine[i] is '$' or '`')
                    {
                        throw new FormatException($"a variable or command substitution is not supported by the docs test: {commandLine}");
                    }

                    if (commandLine[i] == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\')
                    {
                        i++;
                    }

                    word.Append(commandLine[i]);
                }

                if (i >= commandLine.Length)
                {
                    throw new FormatException($"unclosed \" in: {commandLine}");
                }

                inWord = true;
            }
            else if (c == '\\' && i + 1 < commandLine.Length)
            {
                word.Append(commandLine[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else if (c is '|' or '>' or '<' or '&' or ';' or '$' or '`' or '*' or '?')
            {
                throw new FormatException($"'{c}' (a pipe, redirection, glob or variable) is not supported by the docs test; quote it or mark the block not run: {commandLine}");
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
