using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests.Docs;

/// <summary>A fenced code block of a markdown page: its info string, its lines and whether the page marks it as not run.</summary>
/// <param name="File">The page, relative to the repository root, with '/' separators.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Info">The info string after the fence (<c>console</c>, <c>bash</c>, <c>text</c>, or empty).</param>
/// <param name="Lines">The lines between the fences.</param>
/// <param name="NotRunReason">The reason of a <c>&lt;!-- docs-test: not run: REASON --&gt;</c> line right before the fence, or null.</param>
internal sealed record MarkdownBlock(string File, int Line, string Info, IReadOnlyList<string> Lines, string? NotRunReason)
{
    public string Place => $"{File}:{Line}";

    /// <summary>A console block with a <c>$ bordersim</c> command, not marked as not run: the docs test runs it.</summary>
    public bool IsRun => Info == "console" && NotRunReason is null && Lines.Any(l => l.StartsWith("$ bordersim ", StringComparison.Ordinal));

    /// <summary>A text block that starts with <c>bordersim VERB</c>: the usage of a verb.</summary>
    public bool IsSynopsis => Info == "text" && Lines.Count > 0 && Regex.IsMatch(Lines[0], @"^bordersim [a-z]+ ");

    public override string ToString() => Place;
}

/// <summary>Reads the fenced code blocks and headings of the repository's markdown pages.</summary>
internal static partial class MarkdownBlocks
{
    private const string NotRunMark = "<!-- docs-test: not run:";

    /// <summary>README.md and every page under docs/, relative to the root, sorted.</summary>
    public static IReadOnlyList<string> Pages(string root)
    {
        var pages = new List<string> { "README.md" };
        pages.AddRange(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));
        return pages;
    }

    public static IReadOnlyList<MarkdownBlock> Read(string root, string page)
    {
        string[] lines = File.ReadAllLines(Path.Combine(root, page));
        var blocks = new List<MarkdownBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            string fence = open.Groups["fence"].Value;
            string info = open.Groups["info"].Value.Trim().Split(' ', 2)[0];
            string? reason = null;
            if (i > 0 && lines[i - 1].TrimStart().StartsWith(NotRunMark, StringComparison.Ordinal))
            {
                string mark = lines[i - 1].Trim();
                reason = mark[NotRunMark.Length..].TrimEnd('>', '-', ' ').Trim();
            }

            var body = new List<string>();
            int start = i;
            for (i++; i < lines.Length && !IsClosing(lines[i], fence); i++)
            {
                body.Add(Unindent(lines[i], open.Groups["indent"].Value.Length));
            }

            blocks.Add(new MarkdownBlock(page, start + 1, info, body, reason));
        }

        return blocks;
    }

    /// <summary>The GitHub anchors of a page's headings (lower case, punctuation dropped, spaces as '-', repeats numbered).</summary>
    public static ISet<string> Anchors(string root, string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        bool inFence = false;
        foreach (string line in File.ReadLines(Path.Combine(root, page)))
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            var heading = Heading().Match(line);
            if (inFence || !heading.Success)
            {
                continue;
            }

            string slug = Slug(heading.Groups["text"].Value);
            int n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
        }

        return anchors;
    }

    public static string Slug(string heading)
    {
        var chars = heading.Trim().ToLowerInvariant()
            .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
            .Select(c => c == ' ' ? '-' : c);
        return new string(chars.ToArray());
    }

    private static bool IsClosing(string line, string fence)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    private static string Unindent(string line, int indent)
    {
        int n = 0;
        while (n < indent && n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return line[n..];
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>```+|~~~+)(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^#{1,6} (?<text>.+?)#*\s*$")]
    private static partial Regex Heading();
}
