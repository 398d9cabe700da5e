namespace BorderSim.Model.Results;

/// <summary>How a truck's journey ended.</summary>
public enum TruckOutcome
{
    Served,
    GaveUp,

    /// <summary>Turned away on arrival by a ban: it never joined a queue.</summary>
    TurnedAway,
    InSystemAtEnd,

    /// <summary>Still held at its origin by a ban when the run ended: it never reached the route.</summary>
    HeldAtOriginAtEnd,

    /// <summary>Left the line when an event started (a route suspended, a ban): a stated share of the trucks waiting turn back.</summary>
    LeftOnEvent,

    /// <summary>Moved, when its origin's route was suspended, to another open route of its rule (an arrival there).</summary>
    MovedOnEvent,
}

/// <summary>
/// One truck's journey, for trucks.csv: times in hours from the start of the run, per stage the time it
/// entered the stage's buffer, started service (NaN for yards) and left. Handed to an
/// <see cref="ITruckObserver"/> as the truck leaves, so nothing is held in memory.
/// </summary>
public sealed record TruckRecord(
    int Replication,
    long TruckId,
    string Direction,
    string CargoClass,
    string Channel,
    double ArrivedHours,
    double LeftHours,
    TruckOutcome Outcome,
    double WaitHours,
    bool IsPastShelfLife,
    IReadOnlyList<StageVisit> Stages);

/// <summary>A truck's times at one stage (hours from the start; NaN where it did not happen).</summary>
public readonly record struct StageVisit(string Stage, double EnteredHours, double ServiceStartHours, double LeftHours);

/// <summary>Receives each truck as it leaves (the CLI streams them to trucks.csv). Called from the replication's thread.</summary>
public interface ITruckObserver
{
    void OnTruckLeft(TruckRecord truck);
}
