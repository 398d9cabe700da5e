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

        if (overrides.Count > 0)
        {
            root = Overrides.Apply(root, overrides, diagnostics);
        }

        var spec = ScenarioMapper.Map(root, diagnostics);
        if (spec is not null && overrides.Count > 0)
        {
            spec = spec with { Overrides = [.. overrides.Select(o => o.ToString())] };
        }

        return Result(diagnostics, spec, hash) with { DatedEntries = DatedEntry.Collect(root) };
    }

    /// <summary>The edge: checks the file exists and is at most <see cref="MaxFileBytes"/>, reads it as UTF-8, calls <see cref="Read"/>.</summary>
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

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail("file not found", "check the path; shipped scenarios are in scenarios/");
        }

        if (info.Length > MaxFileBytes)
        {
            return Fail($"the file is {info.Length / (1024.0 * 1024.0):0.0} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB",
                "a scenario is a few kilobytes; is this the right file?");
        }

        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var text = reader.ReadToEnd();
            return Read(new StringReader(text), path, overrides);
        }
        catch (DecoderFallbackException)
        {
            return Fail("the file is not UTF-8 text", "save it as UTF-8");
        }
        catch (IOException e)
        {
            return Fail("could not be read: " + e.Message, null);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail("could not be read: " + e.Message, "check the file's permissions");
        }
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
        new(diagnostics.Count == 0 ? spec : null, diagnostics.Errors, hash);

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
