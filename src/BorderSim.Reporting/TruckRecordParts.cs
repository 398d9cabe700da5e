using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The life of a per-truck file that replications stream in parallel (trucks.csv, trucks.parquet): each replication
/// writes its own hidden part beside the target; <see cref="Complete"/> joins the parts in replication order into a
/// temporary file renamed over the target, so the file is the same whatever the thread count; an interrupted run
/// leaves no file and, once disposed, no parts. The formats differ only in how a part is written and joined.
/// </summary>
public abstract class TruckRecordParts : ITruckRecordsFile
{
    private readonly Dictionary<string, int> _stageIndex;
    private readonly SortedDictionary<int, Part> _parts = [];
    private readonly Lock _lock = new();
    private bool _isCompleted;

    protected TruckRecordParts(IOutputFolder folder, string fileName, IEnumerable<string> stageNames)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(stageNames);
        Folder = folder;
        TargetFileName = fileName;
        Stages = [.. stageNames.Distinct(StringComparer.Ordinal)];
        _stageIndex = Stages.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    string ITruckRecordsFile.FileName => TargetFileName;

    /// <summary>The file's name in the output folder.</summary>
    protected string TargetFileName { get; }

    /// <summary>The scenario's stage names, each once, in the order of their column groups.</summary>
    protected IReadOnlyList<string> Stages { get; }

    protected IOutputFolder Folder { get; }

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

            Part part = CreatePart(replication);
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
            try
            {
                foreach (Part part in _parts.Values)
                {
                    part.Close();
                }

                Folder.Write(TargetFileName, stream => Join(stream, [.. _parts.Values.Select(p => p.TemporaryPath).OfType<string>()]));
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

        GC.SuppressFinalize(this);
    }

    /// <summary>A new, empty part for <paramref name="replication"/>.</summary>
    protected abstract Part CreatePart(int replication);

    /// <summary>Writes the whole file into <paramref name="target"/> from the parts' files, in replication order.</summary>
    protected abstract void Join(Stream target, IReadOnlyList<string> partPaths);

    /// <summary>The column group of <paramref name="stage"/>; a stage the scenario does not have is a bug, not data.</summary>
    protected int StageIndex(string stage) =>
        _stageIndex.TryGetValue(stage, out int index)
            ? index
            : throw new InvalidOperationException($"truck visited stage '{stage}', which is not among the scenario's stages ({string.Join(", ", Stages)})");

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

    /// <summary>One replication's part: its trucks, in the order they left, in a hidden file of the folder.</summary>
    protected abstract class Part(TruckRecordParts owner, int replication) : ITruckObserver
    {
        private readonly Lock _lock = new();
        private Stream? _file;
        private bool _isClosed;

        /// <summary>The part's hidden file beside the target, once created.</summary>
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
                Write(truck);
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
                Finish();
                _file?.Dispose();
            }
        }

        /// <summary>Writes one truck (under the part's lock).</summary>
        protected abstract void Write(TruckRecord truck);

        /// <summary>Writes what is buffered and closes the format's writer; the file is closed after it.</summary>
        protected abstract void Finish();

        /// <summary>The part's file, created on first use.</summary>
        protected Stream File
        {
            get
            {
                if (_file is null)
                {
                    _file = owner.Folder.CreateTemporary(owner.TargetFileName, out string path);
                    TemporaryPath = path;
                }

                return _file;
            }
        }
    }
}
