using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests.Docs;

/// <summary>
/// Docs that run (issue 20): every <c>bordersim</c> command in a console block of README.md and docs/ is run and
/// its output compared with what the page quotes; every other block that holds a command says why it is not run;
/// every option of a synopsis is an option of its verb; every relative link resolves. The convention is in
/// docs/README.md, "Docs that run".
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class DocsTests
{
    private static readonly string Root = FindRoot();
    private static readonly Lazy<DocRunner> Runner = new(() => new DocRunner(Root));
    private static readonly Stopwatch Clock = new();

    public static IEnumerable<TestCaseData> RunBlocks() =>
        AllBlocks().Where(b => b.IsRun).Select(b => new TestCaseData(b.File, b.Line).SetArgDisplayNames(b.Place));

    [OneTimeTearDown]
    public void Say_how_long_the_documented_commands_took()
    {
        TestContext.Progress.WriteLine($"docs: documented commands ran for {Clock.Elapsed.TotalSeconds:F1} s");
        if (Runner.IsValueCreated)
        {
            Directory.Delete(Runner.Value.Directory, recursive: true);
        }
    }

    [TestCaseSource(nameof(RunBlocks))]
    public void A_documented_command_prints_the_lines_its_page_quotes(string page, int line)
    {
        var block = MarkdownBlocks.Read(Root, page).Single(b => b.Line == line);
        Clock.Start();
        try
        {
            Printed? last = null;
            var commands = ConsoleSession.Commands(block);
            for (int i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                string where = $"{page}:{command.Line}: $ {command.Text}";
                Printed printed;
                if (command.Text.StartsWith('#'))
                {
                    continue;
                }
                else if (command.Text == "echo $?")
                {
                    Assert.That(last, Is.Not.Null, $"{where}: no command before it");
                    printed = new Printed(0, [last!.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)], [], 0);
                }
                else if (command.Text.StartsWith("bordersim ", StringComparison.Ordinal))
                {
                    printed = Runner.Value.Bordersim(command.Text);
                    bool exitShown = i + 1 < commands.Count && commands[i + 1].Text == "echo $?";
                    if (!exitShown)
                    {
                        Assert.That(printed.ExitCode, Is.Zero, $"{where}: exit code (show a non-zero one with `$ echo $?`)\n{Show(printed)}");
                    }

                    last = printed;
                    TestContext.Progress.WriteLine($"docs: {where} ({printed.Seconds:F1} s)");
                }
                else
                {
                    printed = Runner.Value.FileCommand(command.Text)
                        ?? throw new AssertionException($"{where}: the docs test runs bordersim, echo $?, head, cat and grep only; mark the block `<!-- docs-test: not run: REASON -->`");
                }

                Expect(where, command.Expected, printed);
            }
        }
        finally
        {
            Clock.Stop();
        }
    }

    [Test]
    public void Every_bordersim_command_in_a_fenced_block_is_run_or_says_why_not()
    {
        var unmarked = AllBlocks()
            .Where(b => !b.IsRun && b.NotRunReason is null && !b.IsSynopsis)
            .Where(b => b.Lines.Any(l => CommandLine().IsMatch(l)))
            .Select(b => b.Place)
            .ToList();
        var noReason = AllBlocks().Where(b => b.NotRunReason is "").Select(b => b.Place).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(unmarked, Is.Empty, "blocks with a bordersim command that is neither run (a console block with `$ bordersim` lines) nor marked `<!-- docs-test: not run: REASON -->`");
            Assert.That(noReason, Is.Empty, "not-run marks without a reason");
        });
    }

    [Test]
    public void Every_option_of_a_synopsis_is_an_option_of_its_verb()
    {
        var missing = new List<string>();
        foreach (var block in AllBlocks().Where(b => b.IsSynopsis))
        {
            string verb = block.Lines[0].Split(' ')[1];
            var help = CliRunner.Run(verb, "--help");
            Assert.That(help.ExitCode, Is.Zero, $"{block.Place}: bordersim {verb} --help");
            foreach (Match option in Option().Matches(string.Join('\n', block.Lines)))
            {
                if (!Regex.IsMatch(help.Out, $@"(?<![\w-]){Regex.Escape(option.Value)}(?![\w-])"))
                {
                    missing.Add($"{block.Place}: {option.Value} is not an option of bordersim {verb}");
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_verb_has_a_synopsis_that_names_each_of_its_options()
    {
        var synopses = AllBlocks().Where(b => b.IsSynopsis).ToDictionary(b => b.Lines[0].Split(' ')[1], b => string.Join('\n', b.Lines));
        var missing = new List<string>();
        foreach (Match verb in Verb().Matches(CliRunner.Run("--help").Out))
        {
            string name = verb.Groups["verb"].Value;
            if (!synopses.TryGetValue(name, out string? synopsis))
            {
                missing.Add($"bordersim {name}: no synopsis (a text block starting with `bordersim {name} `)");
                continue;
            }

            foreach (Match option in HelpOption().Matches(CliRunner.Run(name, "--help").Out))
            {
                string alias = option.Groups["alias"].Value;
                string longName = option.Groups["long"].Value;
                bool named = Regex.IsMatch(synopsis, $@"(?<![\w-]){Regex.Escape(longName)}(?![\w-])")
                    || (alias.Length > 0 && Regex.IsMatch(synopsis, $@"(?<![\w-]){Regex.Escape(alias)}(?![\w-])"));
                if (!named && longName is not ("--help" or "--verbose"))
                {
                    missing.Add($"bordersim {name}: {longName} is not in its synopsis");
                }
            }
        }

        Assert.That(missing, Is.Empty, "docs/reference/cli.md documents every verb and option (--help and --verbose once, for all)");
    }

    [Test]
    public void Every_relative_link_and_anchor_in_the_docs_resolves()
    {
        var broken = new List<string>();
        foreach (string page in MarkdownBlocks.Pages(Root))
        {
            string text = File.ReadAllText(Path.Combine(Root, page));
            foreach (Match link in Link().Matches(text))
            {
                string target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] parts = target.Split('#', 2);
                string file = parts[0].Length == 0 ? page : Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(page)!, parts[0]))).Replace('\\', '/');
                if (!File.Exists(Path.Combine(Root, file)) && !Directory.Exists(Path.Combine(Root, file)))
                {
                    broken.Add($"{page}: ({target}): no file {file}");
                }
                else if (parts.Length == 2 && file.EndsWith(".md", StringComparison.Ordinal) && !MarkdownBlocks.Anchors(Root, file).Contains(parts[1]))
                {
                    broken.Add($"{page}: ({target}): no heading #{parts[1]} in {file}");
                }
            }
        }

        Assert.That(broken, Is.Empty);
    }

    internal static void Expect(string where, IReadOnlyList<string> expected, Printed printed)
    {
        int outAt = 0;
        int errorAt = 0;
        foreach (var quoted in expected.Select(e => new QuotedLine(e)).Where(q => !q.IsElision))
        {
            int found = Find(quoted, printed.Out, outAt);
            if (found >= 0)
            {
                outAt = found + 1;
                continue;
            }

            found = Find(quoted, printed.Error, errorAt);
            if (found >= 0)
            {
                errorAt = found + 1;
                continue;
            }

            Assert.Fail($"{where}\nthe page quotes a line the command did not print (in order; numbers within half a unit of their last quoted digit):\n  {quoted.Text}\n{Show(printed)}");
        }
    }

    private static int Find(QuotedLine quoted, IReadOnlyList<string> lines, int from)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (quoted.Matches(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Show(Printed printed)
    {
        var text = new StringBuilder();
        text.Append("exit code ").Append(printed.ExitCode).AppendLine(":");
        text.AppendLine("--- stdout").AppendJoin('\n', printed.Out).AppendLine();
        text.AppendLine("--- stderr").AppendJoin('\n', printed.Error).AppendLine();
        return text.ToString();
    }

    private static IEnumerable<MarkdownBlock> AllBlocks() => MarkdownBlocks.Pages(Root).SelectMany(p => MarkdownBlocks.Read(Root, p));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BorderSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BorderSim.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*(?:\$\s+)?bordersim\s+[a-z]")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex Option();

    [GeneratedRegex(@"^  (?<verb>[a-z]+) <", RegexOptions.Multiline)]
    private static partial Regex Verb();

    [GeneratedRegex(@"^  (?:(?<alias>-[a-z?]), )?(?<long>--[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex HelpOption();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)|<img src=""(?<target>[^""]+)""")]
    private static partial Regex Link();
}
