using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Crossing;

/// <summary>
/// Clearance caps: a capped stage starts at most its cap of trucks a local day (of its calendar's zone), in all and
/// per class; a cap given as a range is drawn once a day.
/// </summary>
internal sealed class ClearanceCaps(CrossingModel model, RunClock clock, RandomStreams streams)
{
    /// <summary>Whether the stage's clearance cap lets the truck start today; if so, it counts against it.</summary>
    public bool Admit(Truck truck, StageRuntime stage)
    {
        var now = clock.NowHours;
        var schedule = stage.Stage.CapsInForce!;
        var breakpoint = schedule.IndexAt(now);

        var day = stage.Stage.CapDays!.IndexAt(now);
        var usedByClass = stage.CapUsedByClass ??= new int[model.ClassNames.Length];
        if (day != stage.CapDay)
        {
            stage.CapDay = day;
            stage.CapUsed = 0;
            Array.Clear(usedByClass);
        }

        if (schedule[breakpoint].Value is { } cap)
        {
            if (cap.Total is { } total && stage.CapUsed >= CapOn(stage, truck.Direction, total, day, -1, breakpoint))
            {
                return false;
            }

            if (cap.ByClass[truck.CargoClass] is { } ofClass && usedByClass[truck.CargoClass] >= CapOn(stage, truck.Direction, ofClass, day, truck.CargoClass, breakpoint))
            {
                return false;
            }
        }

        stage.CapUsed++;
        usedByClass[truck.CargoClass]++;
        return true;
    }

    /// <summary>The next local midnight of the stage's cap days (an hour past the end on the last day).</summary>
    public double NextDayHours(StageRuntime stage)
    {
        var days = stage.Stage.CapDays!;
        var day = days.IndexAt(clock.NowHours);
        return day + 1 < days.Count ? Math.Max(clock.NowHours, days.StartOf(day + 1)) : Math.Max(clock.NowHours, clock.RunHours) + 1;
    }

    /// <summary>
    /// The cap of a day: fixed, or drawn from its range once per day from a stream named after the stage, the
    /// class and the day, so the draw does not depend on when the first truck asks.
    /// </summary>
    private int CapOn(StageRuntime stage, int direction, Spec.TrucksPerDayRange range, int day, int cargoClass, int breakpoint)
    {
        if (range.IsFixed)
        {
            return range.Min;
        }

        if (!stage.CapDrawn.TryGetValue((day, cargoClass, breakpoint), out var cap))
        {
            var who = cargoClass < 0 ? "all" : model.ClassNames[cargoClass];
            var stream = streams[$"cap/{model.Directions[direction].Name}/{stage.Stage.Name}/{who}/{breakpoint}/{day}"];
            cap = range.Min + (int)Math.Floor(stream.NextDouble() * (range.Max - range.Min + 1));
            stage.CapDrawn[(day, cargoClass, breakpoint)] = cap;
        }

        return cap;
    }
}
