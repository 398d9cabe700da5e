using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using Parquet;
using Parquet.Schema;

namespace BorderSim.Reporting;

/// <summary>
/// trucks.parquet (<c>run --trucks --parquet</c>): the rows and columns of <see cref="TruckCsvWriter"/>'s trucks.csv,
/// in the same order, as one Parquet table. <c>replication</c> is a 32-bit and <c>truck</c> a 64-bit integer,
/// <c>past_shelf_life</c> a boolean, the times doubles where an empty CSV cell is null. As for the CSV, each
/// replication writes its own hidden part (row groups of <see cref="RowGroupRows"/> trucks, so memory stays bounded)
/// and <see cref="Complete"/> copies the parts' row groups in replication order into the file, whatever the thread count.
/// </summary>
public sealed class TruckParquetWriter : TruckRecordParts
{
    public const string FileName = "trucks.parquet";

    /// <summary>Trucks per row group.</summary>
    internal const int RowGroupRows = 1 << 16;

    public TruckParquetWriter(IOutputFolder folder, IEnumerable<string> stageNames)
        : base(folder, FileName, stageNames)
    {
        Times = [.. new[] { "arrived_h", "left_h" }.Select(n => new DataField<double?>(n))];
        StageTimes = [.. Stages.SelectMany(s => new[] { $"{s}_entered_h", $"{s}_service_start_h", $"{s}_left_h" }).Select(n => new DataField<double?>(n))];
        Schema = new ParquetSchema([Replication, Truck, .. Texts, .. Times, Outcome, Wait, PastShelfLife, .. StageTimes]);
    }

    /// <summary>A writer of trucks.parquet in <paramref name="folder"/> for <paramref name="scenario"/>: the stages of trucks.csv.</summary>
    public static TruckParquetWriter ForScenario(IOutputFolder folder, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new TruckParquetWriter(folder, TruckCsvWriter.StageNames(scenario));
    }

    public ParquetSchema Schema { get; }

    private static DataField<int> Replication { get; } = new("replication");

    private static DataField<long> Truck { get; } = new("truck");

    private static DataField<string>[] Texts { get; } = [new("direction"), new("class"), new("channel")];

    private DataField<double?>[] Times { get; }

    private static DataField<string> Outcome { get; } = new("outcome");

    private static DataField<double?> Wait { get; } = new("wait_h");

    private static DataField<bool> PastShelfLife { get; } = new("past_shelf_life");

    private DataField<double?>[] StageTimes { get; }

    protected override Part CreatePart(int replication) => new ParquetPart(this, replication);

    /// <summary>Copies the parts' row groups in replication order into trucks.parquet.</summary>
    protected override void Join(Stream target, IReadOnlyList<string> partPaths) =>
        ParquetFiles.Write(Schema, target, writer => CopyParts(writer, partPaths));

    private void CopyParts(ParquetWriter writer, IReadOnlyList<string> partPaths)
    {
        foreach (string path in partPaths)
        {
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
            ParquetReader reader = ParquetFiles.Run(() => ParquetReader.CreateAsync(input, ParquetFiles.Options, leaveStreamOpen: true));
            try
            {
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    var rows = new Rows(this);
                    rows.ReadFrom(group);
                    rows.WriteTo(writer);
                }
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>A row group's columns, filled truck by truck or read from a part.</summary>
    private sealed class Rows(TruckParquetWriter owner)
    {
        private readonly List<int> _replication = [];
        private readonly List<long> _truck = [];
        private readonly List<string>[] _texts = [[], [], []];
        private readonly List<double?>[] _times = [[], []];
        private readonly List<string> _outcome = [];
        private readonly List<double?> _wait = [];
        private readonly List<bool> _pastShelfLife = [];
        private readonly List<double?>[] _stageTimes = [.. owner.StageTimes.Select(_ => new List<double?>())];

        public int Count => _replication.Count;

        public void Add(TruckRecord truck)
        {
            _replication.Add(truck.Replication);
            _truck.Add(truck.TruckId);
            _texts[0].Add(truck.Direction);
            _texts[1].Add(truck.CargoClass);
            _texts[2].Add(truck.Channel);
            _times[0].Add(ParquetFiles.NullIfNaN(truck.ArrivedHours));
            _times[1].Add(ParquetFiles.NullIfNaN(truck.LeftHours));
            _outcome.Add(TruckCsvWriter.OutcomeText(truck.Outcome));
            _wait.Add(ParquetFiles.NullIfNaN(truck.WaitHours));
            _pastShelfLife.Add(truck.IsPastShelfLife);
            foreach (List<double?> column in _stageTimes)
            {
                column.Add(null);
            }

            int last = Count - 1;
            foreach (StageVisit visit in truck.Stages)
            {
                int column = owner.StageIndex(visit.Stage) * 3;
                _stageTimes[column][last] = ParquetFiles.NullIfNaN(visit.EnteredHours);
                _stageTimes[column + 1][last] = ParquetFiles.NullIfNaN(visit.ServiceStartHours);
                _stageTimes[column + 2][last] = ParquetFiles.NullIfNaN(visit.LeftHours);
            }
        }

        public void ReadFrom(ParquetRowGroupReader group)
        {
            int n = checked((int)group.RowCount);
            _replication.AddRange(Read<int>(group, Replication, n));
            _truck.AddRange(Read<long>(group, Truck, n));
            for (int c = 0; c < Texts.Length; c++)
            {
                _texts[c].AddRange(ReadText(group, Texts[c], n));
            }

            for (int c = 0; c < _times.Length; c++)
            {
                _times[c].AddRange(ReadNullable(group, owner.Times[c], n));
            }

            _outcome.AddRange(ReadText(group, Outcome, n));
            _wait.AddRange(ReadNullable(group, Wait, n));
            _pastShelfLife.AddRange(Read<bool>(group, PastShelfLife, n));
            for (int c = 0; c < _stageTimes.Length; c++)
            {
                _stageTimes[c].AddRange(ReadNullable(group, owner.StageTimes[c], n));
            }
        }

        public void WriteTo(ParquetWriter writer)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            ParquetFiles.Run(() => group.WriteAsync<int>(Replication, _replication.ToArray()));
            ParquetFiles.Run(() => group.WriteAsync<long>(Truck, _truck.ToArray()));
            for (int c = 0; c < Texts.Length; c++)
            {
                ParquetFiles.Run(() => group.WriteAsync(Texts[c], _texts[c]));
            }

            for (int c = 0; c < _times.Length; c++)
            {
                ParquetFiles.Run(() => group.WriteAsync<double>(owner.Times[c], _times[c].ToArray()));
            }

            ParquetFiles.Run(() => group.WriteAsync(Outcome, _outcome));
            ParquetFiles.Run(() => group.WriteAsync<double>(Wait, _wait.ToArray()));
            ParquetFiles.Run(() => group.WriteAsync<bool>(PastShelfLife, _pastShelfLife.ToArray()));
            for (int c = 0; c < _stageTimes.Length; c++)
            {
                ParquetFiles.Run(() => group.WriteAsync<double>(owner.StageTimes[c], _stageTimes[c].ToArray()));
            }
        }

        private static T[] Read<T>(ParquetRowGroupReader group, DataField field, int n)
            where T : struct
        {
            var values = new T[n];
            ParquetFiles.Run(() => group.ReadAsync<T>(field, values.AsMemory()).AsTask());
            return values;
        }

        private static double?[] ReadNullable(ParquetRowGroupReader group, DataField field, int n)
        {
            var values = new double?[n];
            ParquetFiles.Run(() => group.ReadAsync<double>(field, values.AsMemory()).AsTask());
            return values;
        }

        private static string[] ReadText(ParquetRowGroupReader group, DataField field, int n)
        {
            var values = new string?[n];
            ParquetFiles.Run(() => group.ReadAsync(field, values.AsMemory()).AsTask());
            return [.. values.Select(v => v ?? "")];
        }
    }

    private sealed class ParquetPart(TruckParquetWriter owner, int replication) : Part(owner, replication)
    {
        private ParquetWriter? _writer;
        private Rows _rows = new(owner);

        protected override void Write(TruckRecord truck)
        {
            _rows.Add(truck);
            if (_rows.Count >= RowGroupRows)
            {
                Flush();
            }
        }

        protected override void Finish()
        {
            if (_rows.Count > 0)
            {
                Flush();
            }

            _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        private void Flush()
        {
            if (_writer is null)
            {
                Stream file = File;
                _writer = ParquetFiles.Run(() => ParquetWriter.CreateAsync(owner.Schema, file, ParquetFiles.Options, append: false));
            }

            _rows.WriteTo(_writer);
            _rows = new Rows(owner);
        }
    }
}
