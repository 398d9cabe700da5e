using System.Globalization;
using System.Text.Json;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// What a shard's run list must hold before merge trusts it: at least one run, runs numbered 1, 2, ... in order,
/// no fewer runs than its files and swept values make together, and as many runs as the shard's run.json (when the
/// shard finished) lists. A list cut short (to its header, or after some rows) is refused with exit 2 naming the file.
/// </summary>
public static class RunListCheck
{
    /// <summary>The problem with the run list read from <paramref name="path"/>, or null when it holds what it must.</summary>
    public static string? Problem(string path, IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs, IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(sweptPaths);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(directories);
        if (runs.Count == 0)
        {
            return $"{path}: cut short: no runs after the column header (a batch lists at least one); rerun the shard";
        }

        for (int i = 0; i < runs.Count; i++)
        {
            if (runs[i].Run != i + 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 2}: run {runs[i].Run} where run {i + 1} was expected: the list is damaged; rerun the shard");
            }
        }

        // Every file runs every combination of the swept values, so the list has at least their product (more when a
        // --sweep repeats a value).
        double planned = runs.Select(r => r.ScenarioFile).Distinct(StringComparer.Ordinal).Count();
        for (int k = 0; k < sweptPaths.Count; k++)
        {
            planned *= runs.Select(r => k < r.SweepValues.Count ? r.SweepValues[k] : "").Distinct(StringComparer.Ordinal).Count();
        }

        if (runs.Count < planned)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{path}: has {runs.Count} runs where its files and swept values make {planned:0}: cut short or damaged; rerun the shard");
        }

        foreach (string directory in directories)
        {
            if (ListedRuns(Path.Combine(directory, ExperimentInfo.FileName)) is { } listed && listed != runs.Count)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{path}: has {runs.Count} runs where {Path.Combine(directory, ExperimentInfo.FileName)} lists {listed}: cut short or damaged; rerun the shard");
            }
        }

        return null;
    }

    /// <summary>How many runs a finished batch shard's run.json lists; null when there is none or it is not a batch's.</summary>
    private static int? ListedRuns(string runJson)
    {
        if (new FileInfo(runJson).LinkTarget is not null || !InputFile.TryReadText(runJson, InputFile.MaxCsvBytes, out string? text, out _))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("verb", out JsonElement verb) && verb.ValueKind == JsonValueKind.String && verb.GetString() == "batch"
                && root.TryGetProperty("scenarios", out JsonElement scenarios) && scenarios.ValueKind == JsonValueKind.Array
                ? scenarios.GetArrayLength()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
