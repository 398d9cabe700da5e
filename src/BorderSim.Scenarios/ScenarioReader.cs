using System.Security.Cryptography;
using System.Text;
using BorderSim.Scenarios.Mapping;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>
/// Reads a YAML scenario into a validated <see cref="BorderSim.Model.Spec.ScenarioSpec"/>, reporting every
/// problem at once as <see cref="ScenarioError"/>s with file:line:column. Never throws for a user's mistake.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Largest scenario accepted, in bytes on disk (and characters in <see cref="Read"/>).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The pure core: reads <paramref name="text"/> (no file access), applies <paramref name="overrides"/> to the
    /// YAML tree, maps and validates. <paramref name="fileName"/> is used in error messages only.
    /// </summary>
    public static ScenarioLoadResult Read(TextReader text, string fileName, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        overrides ??= [];
        var diagnostics = new Diagnostics(fileName);
        var content = ReadBounded(text, out var tooLong);
        var hash = Hash(content, overrides);
        if (tooLong)
        {
            diagnostics.AddAt(1, 1, "", $"the scenario is longer than {MaxFileBytes / (1024 * 1024)} MiB", "a scenario is a few kilobytes; is this the right file?");
            return Result(diagnostics, null, hash);
        }

        var prepared = TextGuard.Prepare(content, out var depthError);
        if (prepared is null)
        {
            diagnostics.AddAt(depthError!.Line, depthError.Column, "", $"the YAML nests deeper than {TextGuard.MaxDepth} levels",
                "a scenario needs a handful of levels; look for unclosed [ or {");
            return Result(diagnostics, null, hash);
        }

        var root = YamlTreeBuilder.Build(prepared, fileName, diagnostics);
        if (diagnostics.Count > 0)
        {
            return Result(diagnostics, null, hash);
        }

        if (root is null or YScalar { IsNull: true })
        {
            diagnostics.AddAt(1, 1, "", "the scenario is empty", "start from a file in scenarios/, e.g. scenarios/validation/mmc.yaml");
            return Result(diagnostics, null, hash);
        }

        return Map(root, overrides, diagnostics, hash);
    }

    /// <summary>
    /// The parsed tree of <paramref name="text"/> when it reads as a scenario's YAML (not too long, not too deep, no
    /// syntax error, not empty), else null: <see cref="Read"/> then says why.
    /// </summary>
    internal static YNode? Parse(string text, string fileName)
    {
        if (text.Length > MaxFileBytes)
        {
            return null;
        }

        var diagnostics = new Diagnostics(fileName);
        var prepared = TextGuard.Prepare(text, out _);
        var root = prepared is null ? null : YamlTreeBuilder.Build(prepared, fileName, diagnostics);
        return diagnostics.Count > 0 || root is null or YScalar { IsNull: true } ? null : root;
    }

    /// <summary>
    /// The second half of <see cref="Read"/>: applies <paramref name="overrides"/> to the parsed tree <paramref name="root"/>
    /// (in place), maps and validates; <paramref name="content"/> is the text it was parsed from, for the hash.
    /// </summary>
    internal static ScenarioLoadResult Map(YNode root, string content, IReadOnlyList<ScenarioOverride> overrides, string fileName) =>
        Map(root, overrides, new Diagnostics(fileName), Hash(content, overrides));

    private static ScenarioLoadResult Map(YNode root, IReadOnlyList<ScenarioOverride> overrides, Diagnostics diagnostics, string hash)
    {
        if (overrides.Count > 0)
        {
            root = Overrides.Apply(root, overrides, diagnostics);
        }

        var spec = ScenarioMapper.Map(root, diagnostics);
        var observationFiles = ObservationFiles.Collect(root, diagnostics);
        if (spec is not null && overrides.Count > 0)
        {
            spec = spec with { Overrides = [.. overrides.Select(o => o.ToString())] };
        }

        return Result(diagnostics, spec, hash) with { DatedEntries = DatedEntry.Collect(root), ObservationFiles = observationFiles, DailySeries = DailySeriesFiles.Collect(root) };
    }

    /// <summary>The edge: reads the file (a regular file of at most <see cref="MaxFileBytes"/>, UTF-8) with <see cref="InputFile"/>, calls <see cref="Read"/>.</summary>
    public static ScenarioLoadResult Load(string path, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        overrides ??= [];
        ScenarioLoadResult Fail(string message, string? hint) =>
            new(null, [new ScenarioError(path, 1, 1, "", message, hint)], Hash("", overrides));

        if (Directory.Exists(path))
        {
            return Fail("is a directory, not a scenario file", "give a .yaml file");
        }

        if (!InputFile.TryReadText(path, MaxFileBytes, out var text, out var problem))
        {
            return problem.Kind switch
            {
                InputFile.ProblemKind.NotFound => Fail(problem.Message, "check the path; shipped scenarios are in scenarios/"),
                InputFile.ProblemKind.TooLarge => Fail(problem.Message, "a scenario is a few kilobytes; is this the right file?"),
                _ => Fail(problem.Message, problem.Hint),
            };
        }

        return WithObservations(Read(new StringReader(text), path, overrides), path);
    }

    /// <summary>Reads the daily arrival series and the observation files a valid scenario names (relative to its folder); their errors make the result invalid.</summary>
    internal static ScenarioLoadResult WithObservations(ScenarioLoadResult result, string path)
    {
        if (!result.IsValid || (result.ObservationFiles.Count == 0 && result.DailySeries.Count == 0))
        {
            return result;
        }

        var errors = new List<ScenarioError>();
        result = result with { Scenario = DailySeriesFiles.Apply(path, result.DailySeries, result.Scenario!, errors) };
        if (errors.Count > 0)
        {
            return result with { Scenario = null, Errors = errors };
        }

        var observations = ObservationFiles.Load(path, result.ObservationFiles, result.Scenario!, errors);
        return errors.Count > 0
            ? result with { Scenario = null, Errors = errors }
            : result with { Scenario = result.Scenario! with { Observations = observations } };
    }

    /// <summary>
    /// The text of the single value at <paramref name="valuePath"/> (a <c>--set</c> path) in the file at
    /// <paramref name="path"/> after <paramref name="overrides"/>, or null when the file cannot be read, the path
    /// leads nowhere or to a mapping or list (then <paramref name="problem"/> says which).
    /// </summary>
    public static string? ScalarAt(string path, IReadOnlyList<ScenarioOverride> overrides, string valuePath, out string problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(valuePath);
        problem = "";
        if (!InputFile.TryReadText(path, MaxFileBytes, out var text, out var readProblem))
        {
            problem = readProblem.Message;
            return null;
        }

        var diagnostics = new Diagnostics(path);
        var prepared = TextGuard.Prepare(text, out _);
        var root = prepared is null ? null : YamlTreeBuilder.Build(prepared, path, diagnostics);
        if (root is null || diagnostics.Count > 0)
        {
            problem = "the scenario cannot be read (run 'bordersim validate' on it)";
            return null;
        }

        root = Overrides.Apply(root, overrides, diagnostics);
        var node = Overrides.Find(root, valuePath);
        if (node is YScalar scalar)
        {
            return scalar.Value;
        }

        problem = node is null ? $"the scenario has no value at '{valuePath}'" : $"'{valuePath}' is a mapping or list, not a single number";
        return null;
    }

    /// <summary>Parses <c>path=value</c> (a <c>--set</c> option); throws <see cref="FormatException"/> with a clear message.</summary>
    public static ScenarioOverride ParseOverride(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseOverride(text, 1, out var result, out var error)
            ? result
            : throw new FormatException(error.ToString());
    }

    /// <summary>
    /// Parses <c>path=value</c>; on failure returns false and an error with File <c>--set</c> and Line
    /// <paramref name="position"/> (the option's place among the <c>--set</c> options, 1 first).
    /// </summary>
    public static bool TryParseOverride(string text, int position, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScenarioOverride? result,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ScenarioError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Overrides.TryParse(text, position, out result, out error);
    }

    private static ScenarioLoadResult Result(Diagnostics diagnostics, BorderSim.Model.Spec.ScenarioSpec? spec, string hash) =>
        new(diagnostics.Count == 0 ? spec : null, diagnostics.InFileOrder(), hash);

    private static string ReadBounded(TextReader reader, out bool tooLong)
    {
        var builder = new StringBuilder();
        var buffer = new char[81920];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            builder.Append(buffer, 0, read);
            if (builder.Length > MaxFileBytes)
            {
                tooLong = true;
                return builder.ToString(0, (int)MaxFileBytes);
            }
        }

        tooLong = false;
        return builder.ToString();
    }

    /// <summary>SHA-256 of the text, then each override as "\n--set path=value", lower-case hex.</summary>
    private static string Hash(string content, IReadOnlyList<ScenarioOverride> overrides)
    {
        var all = new StringBuilder(content);
        foreach (var o in overrides)
        {
            all.Append("\n--set ").Append(o.Path).Append('=').Append(o.Value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }
}
