using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// The scenario format under random mutation (issue 22): every shipped scenario, mutated with a fixed seed (a value
/// replaced by a hostile one of any type, a number replaced by nonsense, a line deleted, duplicated, indented
/// differently or swapped with the next, a hostile character inserted, the file cut short), is validated
/// through the entry point the command line uses (CliApp.Run, in-process); every tenth mutant that validates is also
/// run for a day, one replication, and a few mutants go through the real process. No outcome may carry a stack trace,
/// take longer than <see cref="PerCase"/> or end with an exit code other than 0 (valid, ran) or 2 (invalid input).
/// Time budget: under a minute for the whole fixture (measured about 40 s on a 2-core machine at load 10: 2,040
/// validations, some 60 short runs, 4 child processes; each scenario prints its time); the per-case bound is what
/// catches a hang. BORDERSIM_FUZZ_MUTANTS=600 BORDERSIM_FUZZ_RUN_EVERY=1 goes deeper (passed: 10,200 mutants).
/// </summary>
[NonParallelizable]
public partial class ScenarioFuzzTests
{
    private const int Seed = 20261206;
    /// <summary>Mutants per shipped scenario; BORDERSIM_FUZZ_MUTANTS=N goes deeper (the seed stays fixed, so the first ones are the same).</summary>
    private static readonly int MutantsPerScenario = int.TryParse(Environment.GetEnvironmentVariable("BORDERSIM_FUZZ_MUTANTS"), out int n) && n > 0 ? n : 120;
    /// <summary>Every how many valid mutants one is also run; BORDERSIM_FUZZ_RUN_EVERY=1 runs them all.</summary>
    private static readonly int RunEvery = int.TryParse(Environment.GetEnvironmentVariable("BORDERSIM_FUZZ_RUN_EVERY"), out int n) && n > 0 ? n : 10;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(20);

    private static readonly string[] HostileValues =
    [
        "0", "-1", "-0", "0.0000001", "1e308", "-1e308", "1e-320", ".nan", ".inf", "-.inf", "NaN", "Infinity",
        "99999999999999999999999", "2147483648", "4294967296", "true", "null", "~", "''", "\"\"", "[]", "{}", "[1, 2]",
        "{ x: 1 }", "abc", "2026-02-30", "2026-13-01T25:61", "exp(0min)", "exp(-5min)", "exp(1e300h)",
        "uniform(5min, 1min)", "lognormal(0min, 0min)", "const(0s)", "24:00-00:00", "\"\u202Eevil\"", "*nowhere", "!!binary AAAA",
        "0x10", "1_000", "1,000", "1e9min", "-5%", "150%", "mon-sun 25:00-26:00", "\"a\\u0000b\"", "[[[[[[[[1]]]]]]]]",
    ];

    private static readonly char[] HostileCharacters = ['\t', '\0', '\uFEFF', '\u202E', '\r', '"', '\'', '&', '*', '!', '%', '@', '`', '|', '>', '-', ':', '#', '{', '[', InvalidByte];

    /// <summary>Stands for a byte that is not UTF-8 (0xFF) in a mutant's text; <see cref="Write"/> puts the byte in its place.</summary>
    private const char InvalidByte = '\uE000';

    private static readonly string[] HostileNumbers = ["0", "0.0", "-3", "1e9", "1e300", "1e-300", "100000000", "4294967296", "0.5", "7"];

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = CliRunner.NewTemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    public static IEnumerable<string> ShippedScenarios() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot(), path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Every_shipped_scenario_is_fuzzed()
    {
        Assert.That(ShippedScenarios().Count(), Is.GreaterThanOrEqualTo(17));
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Random_mutations_of_a_shipped_scenario_end_in_exit_0_or_2_without_a_stack_trace_or_a_hang(string scenario)
    {
        string source = Path.Combine(RepositoryRoot(), scenario);
        string[] lines = File.ReadAllLines(source);
        foreach (string companion in Directory.EnumerateFiles(Path.GetDirectoryName(source)!, "*.csv"))
        {
            File.Copy(companion, Path.Combine(_directory, Path.GetFileName(companion)));
        }

        var random = new Random(Seed + ShippedScenarios().ToList().IndexOf(scenario));
        var failures = new List<string>();
        var codes = new SortedDictionary<int, int>();
        int valid = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < MutantsPerScenario; i++)
        {
            (string text, string what) = Mutate(lines, random);
            string file = Path.Combine(_directory, $"mutant-{i}.yaml");
            Write(file, text);
            string label = $"mutant {i} ({what})";

            CliRunner.Outcome validation = RunBounded(label, failures, "validate", file);
            codes[validation.ExitCode] = codes.GetValueOrDefault(validation.ExitCode) + 1;
            Check(label + ": validate", validation, failures);
            if (validation.ExitCode == ExitCodes.Ok && valid++ % RunEvery == 0)
            {
                string output = Path.Combine(_directory, $"out-{i}");
                Check(label + ": run", RunBounded(label, failures, "run", file, "-o", output, "--days", "1", "-r", "1", "--no-plots", "--max-work", "1000000"), failures);
            }
        }

        TestContext.Out.WriteLine($"{scenario}: {MutantsPerScenario} mutants, exit codes {string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"))}, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Mutants_through_the_real_process_end_as_they_do_in_process()
    {
        string scenario = ShippedScenarios().First(s => s.EndsWith("huu-nghi-6-lanes.yaml", StringComparison.Ordinal));
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), scenario));
        var random = new Random(Seed);
        for (int i = 0; i < 4; i++)
        {
            (string text, string what) = Mutate(lines, random);
            string file = Path.Combine(_directory, $"mutant-{i}.yaml");
            Write(file, text);
            CliRunner.Outcome inProcess = CliRunner.Run("validate", file);
            using ChildCli child = ChildCli.Start(_directory, "validate", file);
            int code = child.WaitForExit(PerCase.TotalSeconds);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(inProcess.ExitCode), $"mutant {i} ({what}): {child.Error}");
                Assert.That(code, Is.AnyOf(ExitCodes.Ok, ExitCodes.InvalidInput), what);
                Assert.That(StackTrace().IsMatch(child.Error), Is.False, child.Error);
            });
        }
    }

    [Test]
    public void The_fuzz_check_flags_an_exit_3_a_stack_trace_and_an_exception_name_and_passes_exit_0_and_2()
    {
        var failures = new List<string>();
        Check("a", new CliRunner.Outcome(ExitCodes.RunFailed, "", "bordersim: internal error"), failures);
        Check("b", new CliRunner.Outcome(ExitCodes.InvalidInput, "", "x\n   at BorderSim.Scenarios.ScenarioReader.Load(String path)\n"), failures);
        Check("c", new CliRunner.Outcome(ExitCodes.Ok, "System.NullReferenceException: Object reference not set", ""), failures);
        Check("d", new CliRunner.Outcome(ExitCodes.InvalidInput, "", "m.yaml:3:7: days: expected a whole number, found 'at'"), failures);
        Check("e", new CliRunner.Outcome(ExitCodes.Ok, "ok", ""), failures);
        Assert.That(failures.Select(f => f[0]), Is.EqualTo("abc"));
    }

    private static void Write(string file, string text)
    {
        byte[] marker = Encoding.UTF8.GetBytes(InvalidByte.ToString());
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        for (int at = bytes.Count - marker.Length; at >= 0; at--)
        {
            if (bytes[at] == marker[0] && bytes[at + 1] == marker[1] && bytes[at + 2] == marker[2])
            {
                bytes.RemoveRange(at, marker.Length);
                bytes.Insert(at, 0xFF);
            }
        }

        File.WriteAllBytes(file, [.. bytes]);
    }

    private static CliRunner.Outcome RunBounded(string label, List<string> failures, params string[] args)
    {
        using var cancel = new CancellationTokenSource();
        var task = Task.Run(() => CliRunner.Run(cancel.Token, args));
        if (!task.Wait(PerCase))
        {
            cancel.Cancel();
            failures.Add($"{label}: {args[0]} did not end within {PerCase.TotalSeconds} s");
            task.Wait(PerCase);
            return task.IsCompletedSuccessfully ? task.Result : new CliRunner.Outcome(-1, "", "hung");
        }

        return task.Result;
    }

    private static void Check(string label, CliRunner.Outcome outcome, List<string> failures)
    {
        if (outcome.ExitCode is not (ExitCodes.Ok or ExitCodes.InvalidInput) && outcome.ExitCode != -1)
        {
            failures.Add($"{label}: exit {outcome.ExitCode}: {outcome.Error.Trim()}");
        }

        if (StackTrace().IsMatch(outcome.Error) || StackTrace().IsMatch(outcome.Out))
        {
            failures.Add($"{label}: a stack trace: {outcome.Error.Trim()}");
        }
    }

    /// <summary>One to three mutations of the scenario's lines; what was done, for the failure message.</summary>
    private static (string Text, string What) Mutate(string[] original, Random random)
    {
        var lines = original.ToList();
        var done = new List<string>();
        for (int n = random.Next(1, 4); n > 0; n--)
        {
            int[] keyed = [.. Enumerable.Range(0, lines.Count).Where(i => KeyValue().IsMatch(lines[i]))];
            if (keyed.Length == 0)
            {
                break;
            }

            int at = keyed[random.Next(keyed.Length)];
            string line = lines[at];
            switch (random.Next(8))
            {
                case 0:
                    MatchCollection pairs = KeyValue().Matches(line);
                    Match pair = pairs[random.Next(pairs.Count)];
                    string value = HostileValues[random.Next(HostileValues.Length)];
                    lines[at] = string.Concat(line.AsSpan(0, pair.Groups["value"].Index), value, line.AsSpan(pair.Groups["value"].Index + pair.Groups["value"].Length));
                    done.Add($"line {at + 1}: {pair.Groups["key"].Value} = {value}");
                    break;
                case 1:
                    MatchCollection numbers = Number().Matches(line);
                    if (numbers.Count > 0)
                    {
                        Match number = numbers[random.Next(numbers.Count)];
                        string replacement = HostileNumbers[random.Next(HostileNumbers.Length)];
                        lines[at] = string.Concat(line.AsSpan(0, number.Index), replacement, line.AsSpan(number.Index + number.Length));
                        done.Add($"line {at + 1}: number {number.Value} -> {replacement}");
                    }

                    break;
                case 2:
                    lines.RemoveAt(at);
                    done.Add($"line {at + 1} deleted");
                    break;
                case 3:
                    lines.Insert(at + 1, line);
                    done.Add($"line {at + 1} duplicated");
                    break;
                case 4:
                    lines[at] = random.Next(2) == 0 ? "  " + line : line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : line;
                    done.Add($"line {at + 1} indented differently");
                    break;
                case 5:
                    int other = Math.Min(at + 1, lines.Count - 1);
                    (lines[at], lines[other]) = (lines[other], line);
                    done.Add($"lines {at + 1} and {other + 1} swapped");
                    break;
                case 6:
                    int column = random.Next(line.Length + 1);
                    char character = HostileCharacters[random.Next(HostileCharacters.Length)];
                    lines[at] = line.Insert(column, character.ToString());
                    done.Add($"line {at + 1}: U+{(int)character:X4} inserted at column {column + 1}");
                    break;
                default:
                    lines.RemoveRange(at, lines.Count - at);
                    done.Add($"cut after line {at}");
                    break;
            }
        }

        return (string.Join('\n', lines) + "\n", string.Join("; ", done));
    }

    /// <summary>A key and its value, in block style (<c>key: value</c>) or inside a flow mapping (<c>{ key: value, ... }</c>).</summary>
    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*):[ ]+(?<value>[^,{}\[\]#\s][^,{}\[\]#]*?)(?=\s*(?:[,}\]#]|$))")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")]
    private static partial Regex Number();

    /// <summary>A .NET stack frame ("   at Namespace.Type.Method(...)") or an exception's type name.</summary>
    [GeneratedRegex(@"(^\s+at [\w.<>`]+[.(]|\w+Exception\b)", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
