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
public sealed class TruckCsvWriter : ITruckRecordsFile
{
    public const string FileName = "trucks.csv";

    private readonly IOutputFolder _folder;
    private readonly string _fileName;
    private readonly string[] _stages;
    private readonly Dictionary<string, int> _stageIndex;
    private readonly SortedDictionary<int, Part> _parts = [];
    private readonly Lock _lock = new();
    private bool _isCompleted;

    public TruckCsvWriter(string path, IEnumerable<string> stageNames)
        : this(new AtomicFolder(Path.GetDirectoryName(Path.GetFullPath(path))!), Path.GetFileName(path), stageNames)
    {
    }

    /// <summary>A writer of <paramref name="fileName"/> in <paramref name="folder"/>, its parts temporary files of the folder.</summary>
    public TruckCsvWriter(IOutputFolder folder, string fileName, IEnumerable<string> stageNames)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(stageNames);
        _folder = folder;
        _fileName = fileName;
        _stages = [.. stageNames.Distinct(StringComparer.Ordinal)];
        _stageIndex = _stages.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
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

    string ITruckRecordsFile.FileName => _fileName;

    private static IEnumerable<string> StageNames(ScenarioSpec scenario) => scenario.Directions.SelectMany(d => d.Stages).Select(s => s.Name);

    public IReadOnlyList<string> Header =>
    [
        "replication", "truck", "direction", "class", "channel", "arrived_h", "left_h", "outcome", "wait_h", "past_shelf_life",
        .. _stages.SelectMany(s => new[] { $"{s}_entered_h", $"{s}_service_start_h", $"{s}_left_h" }),
    ];

    /// <summary>The sink of one replication; call once per replication (the runner's observer factory).</summary>
    public ITruckObserver ForReplication(int replication)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_isCompleted, this);
            if (_parts.ContainsKey(replication))
            {
                throw new InvalidOperationException($"replication {replication} already has a truck sink");
            }

            var part = new Part(this, replication);
            _parts.Add(replication, part);
            return part;
        }
    }

    /// <summary>Joins the parts in replication order into the target file and deletes them.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_isCompleted, this);
            _isCompleted = true;
            foreach (Part part in _parts.Values)
            {
                part.Close();
            }

            try
            {
                _folder.Write(_fileName, stream =>
                {
                    using (CsvWriter csv = Csv.CreateWriter(stream))
                    {
                        csv.WriteRow([.. Header]);
                    }

                    foreach (Part part in _parts.Values)
                    {
                        using var input = new FileStream(part.TemporaryPath!, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
                        input.CopyTo(stream);
                    }
                });
            }
            finally
            {
                DeleteParts();
            }
        }
    }

    /// <summary>Closes and deletes any part files; without <see cref="Complete"/> the target is untouched.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _isCompleted = true;
            foreach (Part part in _parts.Values)
            {
                part.Discard();
            }

            DeleteParts();
        }
    }

    private void DeleteParts()
    {
        foreach (Part part in _parts.Values)
        {
            if (part.TemporaryPath is { } path)
            {
                AtomicFile.TryDelete(path);
            }
        }

        _parts.Clear();
    }

    private int StageIndex(string stage) =>
        _stageIndex.TryGetValue(stage, out int index)
            ? index
            : throw new InvalidOperationException($"truck visited stage '{stage}', which is not among the scenario's stages ({string.Join(", ", _stages)})");

    private sealed class Part(TruckCsvWriter owner, int replication) : ITruckObserver
    {
        private readonly Lock _lock = new();
        private Stream? _file;
        private CsvWriter? _csv;
        private bool _isClosed;
        private readonly string[] _stageCells = new string[owner._stages.Length * 3];

        /// <summary>The part's hidden file beside the target, once created (null before the first truck).</summary>
        public string? TemporaryPath { get; private set; }

        public void OnTruckLeft(TruckRecord truck)
        {
            ArgumentNullException.ThrowIfNull(truck);
            if (truck.Replication != replication)
            {
                throw new ArgumentException($"truck of replication {truck.Replication} sent to the sink of replication {replication}", nameof(truck));
            }

            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_isClosed, this);
                if (_csv is null)
                {
                    _file = owner._folder.CreateTemporary(owner._fileName, out string path);
                    TemporaryPath = path;
                    _csv = Csv.CreateWriter(_file);
                }

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
        }

        /// <summary>Closes the part whose content will be deleted: a write that fails now (a full disk) no longer matters.</summary>
        public void Discard()
        {
            try
            {
                Close();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _file?.Dispose();
            }
        }

        public void Close()
        {
            lock (_lock)
            {
                if (_isClosed)
                {
                    return;
                }

                _isClosed = true;
                _csv?.Dispose();
                _file?.Dispose();
                if (_file is null)
                {
                    // A replication with no trucks still has a (empty) part, so Complete finds one.
                    using Stream empty = owner._folder.CreateTemporary(owner._fileName, out string path);
                    TemporaryPath = path;
                }
            }
        }
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
