namespace BorderSim.Model.Crossing;

/// <summary>What a truck does in one step of its journey.</summary>
public enum PhaseKind : byte
{
    /// <summary>Wait in a staging yard for its exit turn and for the day's release quota.</summary>
    AwaitRelease,

    /// <summary>Take a place in front of a stage (a yard place or a buffer place; unbounded if the stage has no limit).</summary>
    TakePlace,

    /// <summary>Join the stage: count in its queue (or in the yard), on the highway if that is where the queue stands.</summary>
    Join,

    /// <summary>Stay in a yard for its dwell time.</summary>
    Dwell,

    /// <summary>Take a server (booth, team, lane), within the day's appointment quota.</summary>
    TakeServer,

    /// <summary>Be served; afterwards the server holds the finished truck until it moves on.</summary>
    Serve,

    /// <summary>Stay in a yard while a ban on the truck's class holds there.</summary>
    AwaitBanEnd,

    /// <summary>Take a unit of the stage's pool (a hand-over driver, an automated vehicle), before its server.</summary>
    TakeUnit,
}

/// <summary>One step of a route over the stage at index <paramref name="Stage"/> of the route.</summary>
/// <param name="Kind">What the truck does.</param>
/// <param name="Stage">Index of the stage in the route.</param>
/// <param name="RetryFrom">
/// For <see cref="PhaseKind.TakeServer"/>: the phase a truck turned away for the day goes back to before it asks for
/// a server again: its staging yard's release turn, as it still stands in that yard (and in the queue, so joining
/// again changes nothing); else its pool unit, if the stage has a pool; else the server itself. −1 for other phases.
/// </param>
public readonly record struct RoutePhase(PhaseKind Kind, int Stage, int RetryFrom = -1);

/// <summary>A route as a list of phases: the stages in order, each a few small steps.</summary>
public static class Route
{
    /// <summary>
    /// The phases of a route of <paramref name="stages"/>: for each stage, the release of the staging yard
    /// before it (if that yard has a quota), a place (unless the stage has none of its own: the truck waits
    /// where it stands), joining it, then a dwell (yards) or a server and its service (checks and roads).
    /// </summary>
    public static RoutePhase[] Phases(IReadOnlyList<CompiledStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var phases = new List<RoutePhase>(stages.Count * 4);
        for (var s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            var release = -1;
            if (s > 0 && stages[s - 1] is { Kind: StageKind.Yard, ReleaseQuotaPerDay: not null })
            {
                release = phases.Count;
                phases.Add(new RoutePhase(PhaseKind.AwaitRelease, s - 1));
            }

            if (stage.Places != 0)
            {
                phases.Add(new RoutePhase(PhaseKind.TakePlace, s));
            }

            phases.Add(new RoutePhase(PhaseKind.Join, s));
            if (stage.HasServers)
            {
                // A truck waits in the stage's queue for a pool unit, then (with it) for a server: a unit waiting
                // with its truck is held, a server is not kept idle waiting for a unit.
                if (stage.PoolIndex >= 0)
                {
                    phases.Add(new RoutePhase(PhaseKind.TakeUnit, s));
                }

                // Fed straight from a staging yard, a truck turned away for the day still stands in that yard:
                // it takes the yard's turn again (the trucks behind it passed meanwhile).
                var retry = release >= 0 && stage.Places == 0 ? release : stage.PoolIndex >= 0 ? phases.Count - 1 : phases.Count;
                phases.Add(new RoutePhase(PhaseKind.TakeServer, s, retry));
                phases.Add(new RoutePhase(PhaseKind.Serve, s));
            }
            else
            {
                phases.Add(new RoutePhase(PhaseKind.Dwell, s));
                if (stage.BanHolds.Length > 0)
                {
                    phases.Add(new RoutePhase(PhaseKind.AwaitBanEnd, s));
                }
            }
        }

        return [.. phases];
    }
}
