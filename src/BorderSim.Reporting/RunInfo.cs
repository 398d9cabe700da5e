using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderSim.Reporting;

/// <summary>
/// run.json: what is needed to reproduce a result folder from the folder alone. Times are UTC (the
/// only wall-clock readings in BorderSim); everything else comes from the command line and the scenario.
/// </summary>
public sealed record RunInfo(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("command_line")] IReadOnlyList<string> CommandLine,
    [property: JsonPropertyName("scenario_file")] string ScenarioFile,
    [property: JsonPropertyName("scenario_sha256")] string ScenarioSha256,
    [property: JsonPropertyName("scenario_name")] string ScenarioName,
    [property: JsonPropertyName("overrides")] IReadOnlyList<string> Overrides,
    [property: JsonPropertyName("seed")] ulong Seed,
    [property: JsonPropertyName("replications")] int Replications,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("days")] int Days,
    [property: JsonPropertyName("warm_up_hours")] double WarmUpHours,
    [property: JsonPropertyName("warm_up_method")] string WarmUpMethod,
    [property: JsonPropertyName("started_utc")] DateTimeOffset StartedUtc,
    [property: JsonPropertyName("finished_utc")] DateTimeOffset FinishedUtc,
    [property: JsonPropertyName("outputs")] IReadOnlyList<string> Outputs)
{
    public const string FileName = "run.json";

    /// <summary>The relative precision asked for with --precision (null: a fixed number of replications).</summary>
    [JsonPropertyName("precision")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Precision { get; init; }

    /// <summary>The metric whose 95% half-width --precision bounds.</summary>
    [JsonPropertyName("precision_metric")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrecisionMetric { get; init; }

    /// <summary>The upper bound on replications of the sequential procedure.</summary>
    [JsonPropertyName("max_replications")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxReplications { get; init; }

    /// <summary>How the precision target ended: met, always_zero (the metric is 0 in every replication) or max_replications (missed; exit code 1).</summary>
    [JsonPropertyName("precision_stop")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrecisionStop { get; init; }

    /// <summary>Whether the precision target was met (false: the run stopped at --max-replications short of it).</summary>
    [JsonPropertyName("precision_met")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? PrecisionMet { get; init; }

    /// <summary>The 95% half-width reached, as a share of the mean (null where the mean is 0).</summary>
    [JsonPropertyName("precision_reached")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PrecisionReached { get; init; }

    /// <summary>The sentence the table prints about the precision target.</summary>
    [JsonPropertyName("precision_outcome")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrecisionOutcome { get; init; }

    /// <summary>The capacity check made before running: demand against capacity per direction and stage.</summary>
    [JsonPropertyName("capacity_check")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StageLoadInfo>? CapacityCheck { get; init; }

    /// <summary>Per direction after running: overloaded or not (a queue that grows without bound), why, and its binding stage.</summary>
    [JsonPropertyName("directions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DirectionLoadInfo>? Directions { get; init; }

    /// <summary>The scenario's dated events that the run's --days ends before they end (empty: none).</summary>
    [JsonPropertyName("horizon_cuts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<HorizonCutInfo>? HorizonCuts { get; init; }

    /// <summary>The step of timeseries.csv (and .parquet and the workbook's sheet), in minutes: the scenario's timeseries_step, else one that fits the run.</summary>
    [JsonPropertyName("timeseries_step_minutes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TimeseriesStepMinutes { get; init; }

    /// <summary>The step the model sampled at, in minutes (metrics, plots and observations use every sample).</summary>
    [JsonPropertyName("timeseries_sample_minutes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TimeseriesSampleMinutes { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The informational version of <paramref name="assembly"/> (e.g. <c>0.1.0+abc123</c>), else its version.</summary>
    public static string VersionOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    public static RunInfo FromJson(string json) =>
        JsonSerializer.Deserialize<RunInfo>(json, JsonOptions) ?? throw new JsonException("run.json is empty");

    public void WriteFile(string path) => AtomicFile.WriteText(path, w => w.Write(ToJson()));
}
