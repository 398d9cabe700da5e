using BorderSim.Model.Results;

namespace BorderSim.Model.Tests;

/// <summary>Keeps every truck record a replication sends, in the order the trucks left.</summary>
internal sealed class TruckRecorder : ITruckObserver
{
    public List<TruckRecord> Trucks { get; } = [];

    public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
}
