using System.Globalization;

namespace BorderSim.Reporting;

/// <summary>
/// One run of a batch: a scenario file with one combination of swept values. <see cref="Run"/> counts from 1
/// in run-list order; <see cref="Key"/> (SHA-256 of the scenario content with its overrides, seed,
/// replications, days and BorderSim version) names the run's part file, and is empty for a run whose
/// scenario is invalid.
/// </summary>
public sealed record BatchRun(
    int Run,
    string Key,
    string ScenarioFile,
    string ScenarioName,
    string ScenarioSha256,
    ulong? Seed,
    int? Replications,
    int? Days,
    IReadOnlyList<string> SweepValues)
{
    public bool IsValid => Key.Length > 0;

    /// <summary>The part file of this run inside a batch directory: runs/&lt;key&gt;.csv.</summary>
    public string PartPath(string batchDirectory) => Path.Combine(batchDirectory, PartFileName);

    /// <summary>The part file of this run relative to its batch directory: runs/&lt;key&gt;.csv.</summary>
    public string PartFileName => Path.Combine(BatchCsv.PartsDirectory, Key + ".csv");
}

/// <summary>
/// The files of a batch directory. runlist.csv: the full run list (run, key, scenario_file, scenario_name,
/// scenario_sha256, seed, replications, days, then one <c>sweep:PATH</c> column per swept path), written
/// before anything runs, identical in every shard of the same batch. runs/&lt;key&gt;.csv: one finished run
/// in summary.csv format. batch.csv: the parts concatenated in run-list order, one row per (run, metric):
/// run, scenario_file, scenario_name, one column per swept path (named by the path), then the summary columns.
/// Built only from the run list and the parts, so it is the same bytes however the runs were scheduled or sharded.
/// </summary>
public static class BatchCsv
{
    public const string FileName = "batch.csv";
    public const string RunListFileName = "runlist.csv";
    public const string PartsDirectory = "runs";
    public const string SweepPrefix = "sweep:";

    public static readonly string[] RunListColumns =
        ["run", "key", "scenario_file", "scenario_name", "scenario_sha256", "seed", "replications", "days"];

    public static void WriteRunList(IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sweptPaths);
        ArgumentNullException.ThrowIfNull(runs);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow([.. RunListColumns, .. sweptPaths.Select(p => SweepPrefix + p)]);
        foreach (BatchRun run in runs)
        {
            csv.WriteRow(
            [
                CsvNumbers.Format(run.Run),
                run.Key,
                Csv.Text(run.ScenarioFile),
                Csv.Text(run.ScenarioName),
                run.ScenarioSha256,
                run.Seed?.ToString(CultureInfo.InvariantCulture) ?? "",
                run.Replications?.ToString(CultureInfo.InvariantCulture) ?? "",
                run.Days?.ToString(CultureInfo.InvariantCulture) ?? "",
                .. run.SweepValues.Select(Csv.Text),
            ]);
        }
    }

    /// <summary>Reads a runlist.csv; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static (IReadOnlyList<string> SweptPaths, IReadOnlyList<BatchRun> Runs) ReadRunList(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = Csv.CreateReader(reader);
        IReadOnlyList<string> header = Csv.RequireColumns(csv, source, RunListColumns);
        for (int i = 0; i < RunListColumns.Length; i++)
        {
            if (header[i] != RunListColumns[i])
            {
                throw new InvalidDataException($"{source}: column {i + 1} is '{header[i]}', expected '{RunListColumns[i]}'");
            }
        }

        string[] swept = [.. header.Skip(RunListColumns.Length).Select(h => h.StartsWith(SweepPrefix, StringComparison.Ordinal) ? h[SweepPrefix.Length..] : h)];
        var runs = new List<BatchRun>();
        foreach (string[] row in Csv.ReadRows(csv, header.Count))
        {
            try
            {
                runs.Add(new BatchRun(
                    int.Parse(row[0], NumberStyles.None, CultureInfo.InvariantCulture),
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    row[5].Length == 0 ? null : ulong.Parse(row[5], NumberStyles.None, CultureInfo.InvariantCulture),
                    row[6].Length == 0 ? null : int.Parse(row[6], NumberStyles.None, CultureInfo.InvariantCulture),
                    row[7].Length == 0 ? null : int.Parse(row[7], NumberStyles.None, CultureInfo.InvariantCulture),
                    row[RunListColumns.Length..]));
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"{source}: run '{row[0]}': run, seed, replications and days must be whole numbers");
            }
        }

        return (swept, runs);
    }

    /// <summary>The column names of batch.csv for the given swept paths (a path that clashes with a fixed column gets the <c>sweep:</c> prefix).</summary>
    public static string[] Header(IReadOnlyList<string> sweptPaths)
    {
        ArgumentNullException.ThrowIfNull(sweptPaths);
        string[] fixedBefore = ["run", "scenario_file", "scenario_name"];
        string[] names = [.. sweptPaths.Select(p => fixedBefore.Contains(p) || SummaryCsv.Header.Contains(p) ? SweepPrefix + p : p)];
        return [.. fixedBefore, .. names, .. SummaryCsv.Header];
    }

    /// <summary>Writes batch.csv: for each run in order, its part's rows prefixed with the run's columns.</summary>
    public static void Write(IReadOnlyList<string> sweptPaths, IEnumerable<(BatchRun Run, IReadOnlyList<string[]> PartRows)> parts, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header(sweptPaths));
        foreach ((BatchRun run, IReadOnlyList<string[]> rows) in parts)
        {
            foreach (string[] row in rows)
            {
                csv.WriteRow([CsvNumbers.Format(run.Run), Csv.Text(run.ScenarioFile), Csv.Text(run.ScenarioName), .. run.SweepValues.Select(Csv.Text), .. row]);
            }
        }
    }

    /// <summary>Reads a part (summary.csv format) as text fields, so its numbers are copied exactly; the Cli reads the file (bounded, regular files only).</summary>
    public static IReadOnlyList<string[]> ReadPart(TextReader reader, string source) => SummaryCsv.ReadRows(reader, source);
}

/// <summary>
/// runs/&lt;key&gt;.manifest.json beside each part: its row count and SHA-256, written after the part, so a part
/// that was cut short, damaged or copied half is recognised on resume (run again) and by merge (refused).
/// </summary>
public sealed record PartManifest(
    [property: System.Text.Json.Serialization.JsonPropertyName("rows")] int Rows,
    [property: System.Text.Json.Serialization.JsonPropertyName("sha256")] string Sha256)
{
    public const string Suffix = ".manifest.json";

    /// <summary>The manifest of a part's bytes (which must be a readable part).</summary>
    public static PartManifest Of(byte[] part, string source) =>
        new(CountRows(part, source), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(part)));

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this) + "\n";

    /// <summary>The manifest path of the part at <paramref name="partPath"/>: runs/&lt;key&gt;.manifest.json.</summary>
    public static string PathFor(string partPath) => Path.ChangeExtension(partPath, null) + Suffix;

    /// <summary>The message for a part whose manifest does not exist.</summary>
    public static string NoManifest(string partPath) =>
        $"has no manifest {Path.GetFileName(PathFor(partPath))} (its row count and checksum), so it cannot be trusted";

    /// <summary>
    /// What is wrong with a part's <paramref name="bytes"/> against its manifest's text <paramref name="manifestJson"/>;
    /// null when it is whole. The caller reads both files (regular files only, bounded).
    /// </summary>
    public static string? Problem(byte[] bytes, string manifestJson, string partPath)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        PartManifest? expected;
        try
        {
            expected = System.Text.Json.JsonSerializer.Deserialize<PartManifest>(manifestJson);
        }
        catch (System.Text.Json.JsonException)
        {
            expected = null;
        }

        if (expected is null || expected.Sha256 is null)
        {
            return $"its manifest {Path.GetFileName(PathFor(partPath))} is damaged";
        }

        int rows;
        try
        {
            rows = CountRows(bytes, partPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"is not a part file (summary.csv format) any more: {e.Message.Split('\n')[0]}";
        }

        if (rows != expected.Rows)
        {
            return FormattableString.Invariant($"has {rows} rows where its manifest says {expected.Rows} (cut short or damaged)");
        }

        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return sha == expected.Sha256 ? null : "differs from its checksum in the manifest (damaged)";
    }

    private static int CountRows(byte[] part, string source)
    {
        using var reader = new StreamReader(new MemoryStream(part), AtomicFile.Utf8);
        return SummaryCsv.ReadRows(reader, source).Count;
    }
}
