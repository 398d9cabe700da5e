using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The file of per-truck records a run streams while its replications go on: trucks.csv
/// (<see cref="TruckCsvWriter"/>) or trucks.parquet (<see cref="TruckParquetWriter"/>). Nothing appears until
/// <see cref="Complete"/>; disposed without it, nothing is left behind.
/// </summary>
public interface ITruckRecordsFile : IDisposable
{
    /// <summary>The file's name in the output folder.</summary>
    string FileName { get; }

    /// <summary>The sink of one replication; call once per replication (the runner's observer factory).</summary>
    ITruckObserver ForReplication(int replication);

    /// <summary>Writes the file from the replications' parts, in replication order.</summary>
    void Complete();
}
