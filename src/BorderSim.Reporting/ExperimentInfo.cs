using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderSim.Reporting;

/// <summary>One scenario run by a verb that runs several (compare, batch, regress, merge), as recorded in run.json.</summary>
/// <param name="File">The scenario file as given on the command line.</param>
/// <param name="Sha256">SHA-256 of the file text and the overrides (<c>ScenarioLoadResult.ContentSha256</c>); empty when the file could not be read.</param>
/// <param name="Name">The scenario's name ("" when invalid).</param>
/// <param name="Overrides">The --set and --sweep values applied, as path=value.</param>
/// <param name="Seed">Master seed used (null when it did not run).</param>
/// <param name="Replications">Replications run.</param>
/// <param name="Days">Days run, warm-up included.</param>
/// <param name="WarmUpHours">Warm-up removed from every statistic.</param>
/// <param name="WarmUpMethod">"fixed" (from the scenario) or "mser-5" (detected).</param>
/// <param name="Status">ok, invalid, failed, skipped (resumed from a part file), regressed, not-run.</param>
public sealed record ScenarioRunInfo(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("overrides")] IReadOnlyList<string> Overrides,
    [property: JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ulong? Seed,
    [property: JsonPropertyName("replications"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Replications,
    [property: JsonPropertyName("days"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Days,
    [property: JsonPropertyName("warm_up_hours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WarmUpHours,
    [property: JsonPropertyName("warm_up_method"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WarmUpMethod,
    [property: JsonPropertyName("status")] string Status)
{
    /// <summary>The run's index in a batch run list (batch and merge only).</summary>
    [JsonPropertyName("run")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Run { get; init; }

    /// <summary>The batch key of the run (batch and merge only): names its part file runs/&lt;key&gt;.csv.</summary>
    [JsonPropertyName("key")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>The scenario's dated events that the run's --days ends before they end (empty: none; null: not run).</summary>
    [JsonPropertyName("horizon_cuts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HorizonCutInfo>? HorizonCuts { get; init; }
}

/// <summary>
/// run.json of the verbs that run several scenarios (compare, batch, regress, merge): what is needed to
/// reproduce the folder from the folder alone. <see cref="RunInfo"/> is the single-scenario form written by run.
/// </summary>
public sealed record ExperimentInfo(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("verb")] string Verb,
    [property: JsonPropertyName("command_line")] IReadOnlyList<string> CommandLine,
    [property: JsonPropertyName("settings")] IReadOnlyDictionary<string, string> Settings,
    [property: JsonPropertyName("scenarios")] IReadOnlyList<ScenarioRunInfo> Scenarios,
    [property: JsonPropertyName("started_utc")] DateTimeOffset StartedUtc,
    [property: JsonPropertyName("finished_utc")] DateTimeOffset FinishedUtc,
    [property: JsonPropertyName("outputs")] IReadOnlyList<string> Outputs)
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    public static ExperimentInfo FromJson(string json) =>
        JsonSerializer.Deserialize<ExperimentInfo>(json, JsonOptions) ?? throw new JsonException("run.json is empty");

    public void WriteFile(string path) => AtomicFile.WriteText(path, w => w.Write(ToJson()));
}
