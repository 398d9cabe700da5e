using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using CsvHelper;

namespace BorderSim.Reporting;

/// <summary>
/// Streams trucks.csv, one row per truck, while replications run in parallel. Each replication writes
/// its own hidden part file beside the target; <see cref="Complete"/> writes the header and the parts
/// in replication order into a temporary file and renames it over the target, so the output is the
/// same whatever the thread count and an interrupted run leaves no trucks.csv (and, once disposed, no
/// part files). Nothing is held in memory beyond the write buffers.
/// </summary>
/// <remarks>
/// Columns: replication, truck, direction, class, channel, arrived_h, left_h, outcome, wait_h,
/// past_shelf_life (true/false), then for each stage of the scenario (every direction's stages in
/// order, each name once) <c>&lt;stage&gt;_entered_h</c>, <c>&lt;stage&gt;_service_start_h</c>,
/// <c>&lt;stage&gt;_left_h</c>. Times are hours from the start of the run; a cell is empty where the
/// truck did not pass the stage or the time does not apply (service start at a yard).
/// </remarks>
public sealed class TruckCsvWriter : TruckRecordParts
{
    public const string FileName = "trucks.csv";

    public TruckCsvWriter(string path, IEnumerable<string> stageNames)
        : this(new AtomicFolder(Path.GetDirectoryName(Path.GetFullPath(path))!), Path.GetFileName(path), stageNames)
    {
    }

    /// <summary>A writer of <paramref name="fileName"/> in <paramref name="folder"/>, its parts temporary files of the folder.</summary>
    public TruckCsvWriter(IOutputFolder folder, string fileName, IEnumerable<string> stageNames)
        : base(folder, fileName, stageNames)
    {
    }

    /// <summary>A writer for <paramref name="scenario"/>: one column group per stage name of its directions.</summary>
    public static TruckCsvWriter ForScenario(string path, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new TruckCsvWriter(path, StageNames(scenario));
    }

    /// <summary>A writer of trucks.csv in <paramref name="folder"/> for <paramref name="scenario"/>.</summary>
    public static TruckCsvWriter ForScenario(IOutputFolder folder, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new TruckCsvWriter(folder, FileName, StageNames(scenario));
    }

    internal static IEnumerable<string> StageNames(ScenarioSpec scenario) => scenario.Directions.SelectMany(d => d.Stages).Select(s => s.Name);

    public IReadOnlyList<string> Header =>
    [
        "replication", "truck", "direction", "class", "channel", "arrived_h", "left_h", "outcome", "wait_h", "past_shelf_life",
        .. Stages.SelectMany(s => new[] { $"{s}_entered_h", $"{s}_service_start_h", $"{s}_left_h" }),
    ];

    protected override Part CreatePart(int replication) => new CsvPart(this, replication);

    protected override void Join(Stream target, IReadOnlyList<string> partPaths)
    {
        using (CsvWriter csv = Csv.CreateWriter(target))
        {
            csv.WriteRow([.. Header]);
        }

        foreach (string path in partPaths)
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
            input.CopyTo(target);
        }
    }

    private sealed class CsvPart(TruckCsvWriter owner, int replication) : Part(owner, replication)
    {
        private CsvWriter? _csv;
        private readonly string[] _stageCells = new string[owner.Stages.Count * 3];

        protected override void Write(TruckRecord truck)
        {
            _csv ??= Csv.CreateWriter(File);
            Array.Fill(_stageCells, "");
            foreach (StageVisit visit in truck.Stages)
            {
                int column = owner.StageIndex(visit.Stage) * 3;
                _stageCells[column] = CsvNumbers.Format(visit.EnteredHours);
                _stageCells[column + 1] = CsvNumbers.Format(visit.ServiceStartHours);
                _stageCells[column + 2] = CsvNumbers.Format(visit.LeftHours);
            }

            CsvWriter csv = _csv;
            csv.WriteField(CsvNumbers.Format(truck.Replication));
            csv.WriteField(CsvNumbers.Format(truck.TruckId));
            csv.WriteField(truck.Direction);
            csv.WriteField(truck.CargoClass);
            csv.WriteField(truck.Channel);
            csv.WriteField(CsvNumbers.Format(truck.ArrivedHours));
            csv.WriteField(CsvNumbers.Format(truck.LeftHours));
            csv.WriteField(OutcomeText(truck.Outcome));
            csv.WriteField(CsvNumbers.Format(truck.WaitHours));
            csv.WriteField(truck.IsPastShelfLife ? "true" : "false");
            foreach (string cell in _stageCells)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }

        protected override void Finish() => _csv?.Dispose();
    }

    /// <summary>The outcome column: served, gave_up, turned_away, left_on_event, moved_on_event, in_system_at_end, held_at_origin_at_end.</summary>
    public static string OutcomeText(TruckOutcome outcome) => outcome switch
    {
        TruckOutcome.Served => "served",
        TruckOutcome.GaveUp => "gave_up",
        TruckOutcome.TurnedAway => "turned_away",
        TruckOutcome.LeftOnEvent => "left_on_event",
        TruckOutcome.MovedOnEvent => "moved_on_event",
        TruckOutcome.HeldAtOriginAtEnd => "held_at_origin_at_end",
        TruckOutcome.InSystemAtEnd => "in_system_at_end",
        _ => outcome.ToString(),
    };
}
