using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests.Docs;

/// <summary>What a documented command printed: its exit code and its two streams, line by line.</summary>
internal sealed record Printed(int ExitCode, IReadOnlyList<string> Out, IReadOnlyList<string> Error, double Seconds);

/// <summary>
/// Runs documented commands as a user would from the repository root, in a scratch folder that holds copies of
/// <c>scenarios/</c> and <c>docs/examples/</c>: <c>bordersim</c> as the built CLI in a child process, and the few
/// file commands the pages use to show what a command wrote (<c>head</c>, <c>cat</c>, <c>grep</c>).
/// </summary>
internal sealed partial class DocRunner
{
    /// <summary>The cores the child processes are told they have, so "on 2 threads" reads the same on every machine.</summary>
    public const int ProcessorCount = 2;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Printed> _runs = new(StringComparer.Ordinal);

    public DocRunner(string root)
    {
        Directory = Path.Combine(Path.GetTempPath(), "bordersim-docs-tests", Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(root, "scenarios"), Path.Combine(Directory, "scenarios"));
        string examples = Path.Combine(root, "docs", "examples");
        if (System.IO.Directory.Exists(examples))
        {
            Copy(examples, Path.Combine(Directory, "docs", "examples"));
        }
    }

    /// <summary>The scratch folder the commands run in.</summary>
    public string Directory { get; }

    /// <summary>Runs <c>bordersim ARGS</c>; the same command line twice runs once (the pages repeat the main examples).</summary>
    public Printed Bordersim(string commandLine) => _runs.GetOrAdd(commandLine, _ => Start(ConsoleSession.Words(commandLine).Skip(1)));

    /// <summary>Runs one of the file commands the pages use to show a written file; null for any other command.</summary>
    public Printed? FileCommand(string commandLine)
    {
        IReadOnlyList<string> words = ConsoleSession.Words(commandLine);
        string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));
        string? text = words switch
        {
            ["cat", var file] => Read(file),
            ["head", var n, var file] when HeadLines().IsMatch(n) => string.Join('\n', Read(file).Split('\n').Take(int.Parse(n[1..], System.Globalization.CultureInfo.InvariantCulture))),
            ["head", "-c", var n, var file] => Read(file)[..Math.Min(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), Read(file).Length)],
            ["grep", "-E", var pattern, var file] => string.Join('\n', Read(file).Split('\n').Where(l => Regex.IsMatch(l, pattern))),
            ["grep", var pattern, var file] => string.Join('\n', Read(file).Split('\n').Where(l => Regex.IsMatch(l, BasicPattern(pattern)))),
            _ => null,
        };
        return text is null ? null : new Printed(0, text.Split('\n'), [], 0);
    }

    /// <summary>
    /// A plain grep pattern as the reader's grep reads it: a basic regular expression, where ( ) | + ? { } are literal
    /// characters. A page that means them as operators must write grep -E, or a reader who copies it gets nothing.
    /// </summary>
    internal static string BasicPattern(string pattern) =>
        ExtendedOperators().IsMatch(pattern)
            ? throw new NUnit.Framework.AssertionException($"grep '{pattern}': a plain grep reads ( ) | + ? {{ }} as literal characters; write grep -E")
            : pattern;

    [GeneratedRegex(@"(?<!\\)[()|+?{}]")]
    private static partial Regex ExtendedOperators();

    private Printed Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bordersim.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_PROCESSOR_COUNT"] = ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("BORDERSIM_DEBUG");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"bordersim {string.Join(' ', args)} did not end within {Timeout.TotalMinutes} min");
        }

        process.WaitForExit();
        return new Printed(process.ExitCode, Lines(output.Result), Lines(error.Result), clock.Elapsed.TotalSeconds);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (string file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^-\d+$")]
    private static partial Regex HeadLines();
}
