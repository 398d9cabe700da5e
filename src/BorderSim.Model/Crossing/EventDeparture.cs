namespace BorderSim.Model.Crossing;

/// <summary>Whether an event (a suspension, a ban, an advisory) made a waiting truck leave the line, and how it is counted.</summary>
internal enum EventDeparture : byte
{
    /// <summary>No event made it leave: if its wait ends without what it asked for, its patience ran out (gave_up).</summary>
    None,

    /// <summary>It leaves the crossing (left_on_event).</summary>
    Leaves,

    /// <summary>It leaves its suspended route for another, where it arrives anew (moved_on_event).</summary>
    Moves,
}
