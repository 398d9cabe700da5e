using BorderSim.Engine.Randomness;
using BorderSim.Model.Arrivals;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>
/// A scenario compiled for simulation: routes of stages with their capacity schedules in simulation
/// hours, arrival rates, class tables. Immutable and shared by all replications of a run.
/// </summary>
public sealed class CrossingModel
{
    public CrossingModel(ScenarioSpec scenario)
    {
        Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        Clock = new ScenarioClock(scenario.StartInstant, scenario.RunHours);

        var classes = scenario.Classes.ToList();
        var returnsEmpty = scenario.Directions.SelectMany(d => d.Stages).OfType<YardStageSpec>().Any(y => y.ReturnEmptyVia is not null);
        if (returnsEmpty && classes.All(c => c.Name != CargoClassSpec.EmptyClassName))
        {
            classes.Add(new CargoClassSpec(CargoClassSpec.EmptyClassName, 0, null, 0, 0, null));
        }

        Classes = classes;
        ClassNames = [.. classes.Select(c => c.Name)];
        EmptyClassIndex = Array.IndexOf(ClassNames, CargoClassSpec.EmptyClassName);
        PatienceSchedules = [.. classes.Select(PatienceSchedule)];

        ScenarioDays = Clock.LocalDays(scenario.TimeZone);
        Calendars = scenario.Calendars.ToDictionary(c => c.Name, c => new GateCalendar(c, Clock, scenario.Changes), StringComparer.Ordinal);
        Pools = [.. scenario.Pools.Select((p, i) => CompilePool(p, i))];
        var directionNames = scenario.Directions.Select(d => d.Name).ToList();
        Directions = [.. scenario.Directions.Select((d, i) => CompileDirection(d, i, directionNames))];
        Origins = [.. scenario.Origins.Select((o, i) => CompileOrigin(o, i, directionNames))];
    }

    public ScenarioSpec Scenario { get; }

    public ScenarioClock Clock { get; }

    /// <summary>Local days of the scenario's reporting zone.</summary>
    public LocalDays ScenarioDays { get; }

    public IReadOnlyList<CargoClassSpec> Classes { get; }

    public string[] ClassNames { get; }

    /// <summary>Index of the implicit <c>empty</c> class, or −1.</summary>
    public int EmptyClassIndex { get; }

    public IReadOnlyDictionary<string, GateCalendar> Calendars { get; }

    /// <summary>
    /// Per class index, its patience over time: from the start, then from local midnight of each dated change
    /// (null = its trucks never give up). A truck draws the patience in force when it arrives.
    /// </summary>
    public (double Hours, Distribution? PatienceHours)[][] PatienceSchedules { get; }

    private (double Hours, Distribution? PatienceHours)[] PatienceSchedule(CargoClassSpec cargoClass) =>
    [
        (0, cargoClass.PatienceHours),
        .. Scenario.Changes
            .Where(c => c.CargoClass == cargoClass.Name && c.Patience is not null)
            .OrderBy(c => c.From)
            .Select(c => (Math.Max(0, Clock.HoursAtStartOf(c.From, Scenario.TimeZone)), c.Patience!.PatienceHours)),
    ];

    public CompiledDirection[] Directions { get; }

    /// <summary>The scenario's shared origin streams, in the order of <see cref="ScenarioSpec.Origins"/>.</summary>
    public CompiledOrigin[] Origins { get; }

    private CompiledOrigin CompileOrigin(OriginSpec spec, int index, List<string> directionNames)
    {
        var arrivals = new ArrivalRates(spec.Arrivals, ClassNames, Clock, Scenario.TimeZone);
        var rules = new CompiledRule?[ClassNames.Length];
        for (var c = 0; c < ClassNames.Length; c++)
        {
            if (arrivals.ClassMix[c] <= 0)
            {
                continue;
            }

            var rule = spec.Rules.FirstOrDefault(r => r.CargoClass == ClassNames[c]) ?? spec.Rules.FirstOrDefault(r => r.CargoClass == RoutingRuleSpec.AllClasses);
            if (rule is not null)
            {
                rules[c] = new CompiledRule(rule.Kind, [.. rule.Routes.Select(r => directionNames.IndexOf(r))], [.. rule.Shares], rule.AboveTrucks, rule.DivertShare, rule.OthersTurnBack);
            }
        }

        CompiledSuspension[] suspensions = [.. spec.Suspensions.Select(s => new CompiledSuspension(
            directionNames.IndexOf(s.Route), Clock.HoursAtStartOf(s.From, Scenario.TimeZone), Clock.HoursAtStartOf(s.To.PlusDays(1), Scenario.TimeZone), s.DivertShare))];
        // A ban that diverts acts on the trucks this origin sends to the banned route (the reader checked that the
        // target route takes the class from every origin that sends it there).
        CompiledDiversion[] diversions = [.. Scenario.Bans
            .Where(b => b.Action == BanAction.Divert && rules.Any(r => r is not null && r.Routes.Contains(directionNames.IndexOf(b.Direction))))
            .Select(b => new CompiledDiversion(
                directionNames.IndexOf(b.Direction),
                Clock.HoursAtStartOf(b.From, Scenario.TimeZone),
                b.To is { } to ? Clock.HoursAtStartOf(to.PlusDays(1), Scenario.TimeZone) : double.PositiveInfinity,
                [.. ClassNames.Select(c => b.Classes.Contains(c))],
                directionNames.IndexOf(b.DivertTo!),
                b.DivertShare))];
        return new CompiledOrigin(spec.Name, index, arrivals, rules, suspensions) { Diversions = diversions };
    }

    /// <summary>The scenario's pools, in the order of <see cref="ScenarioSpec.Pools"/>.</summary>
    public CompiledPool[] Pools { get; }

    private CompiledPool CompilePool(PoolSpec spec, int index)
    {
        var calendar = spec.Calendar is null ? null : Calendars[spec.Calendar];
        var changes = Scenario.Changes.Where(c => c.Pool == spec.Name && c.Units is not null).Select(c => (c.From, c.Units!.Value));
        return new CompiledPool(spec.Name, index, CapacitySchedule(calendar, spec.Units, changes), spec.ReturnHours);
    }

    private CompiledDirection CompileDirection(DirectionSpec spec, int index, List<string> directionNames)
    {
        var stages = new CompiledStage[spec.Stages.Count];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = CompileStage(spec.Stages[s], spec.Name, directionNames);

            // A check or road right after a yard has no buffer of its own unless one is given: trucks
            // wait in the yard until a server is free. Elsewhere an unspecified buffer is unbounded.
            if (s > 0 && stages[s].HasServers && spec.Stages[s].BufferTrucks is null && stages[s - 1].Kind == StageKind.Yard)
            {
                stages[s] = stages[s] with { Places = 0 };
            }

            if (spec.Stages[s].Pool is { } use)
            {
                var through = -1;
                for (var t = s; t < spec.Stages.Count; t++)
                {
                    if (spec.Stages[t].Name == use.Through)
                    {
                        through = t;
                        break;
                    }
                }

                stages[s] = stages[s] with { PoolIndex = Pools.Single(p => p.Name == use.Pool).Index, PoolThroughStage = through };
            }
        }

        var arrivals = new ArrivalRates(spec.Arrivals, ClassNames, Clock, Scenario.TimeZone);
        for (var s = 0; s < stages.Length; s++)
        {
            if (stages[s].Kind == StageKind.Yard)
            {
                stages[s] = stages[s] with { BanHolds = [.. Bans(spec.Name, BanAction.HoldAtYard, stages[s].Name)] };
            }
        }

        var direction = new CompiledDirection(spec.Name, index, arrivals, stages) { Bans = [.. Bans(spec.Name, null, null)] };
        return direction with { Backlog = [.. spec.Backlog.Select(b => CompileBacklog(b, direction))] };
    }

    /// <summary>The direction's bans: at its origin (<paramref name="yard"/> null: turned away or held at origin), or held at a yard.</summary>
    private IEnumerable<CompiledBan> Bans(string direction, BanAction? action, string? yard) =>
        Scenario.Bans
            .Where(b => b.Direction == direction && (yard is null ? b.Action != BanAction.HoldAtYard : b.Action == action && b.HoldAtYard == yard))
            .Select(b => new CompiledBan(
                Clock.HoursAtStartOf(b.From, Scenario.TimeZone),
                b.To is { } to ? Clock.HoursAtStartOf(to.PlusDays(1), Scenario.TimeZone) : double.PositiveInfinity,
                [.. ClassNames.Select(c => b.Classes.Contains(c))],
                b.Action));

    /// <summary>Where the trucks of a starting backlog begin their journey: the first phase at their stage (a place in its yard or queue).</summary>
    private CompiledBacklog CompileBacklog(BacklogSpec spec, CompiledDirection direction)
    {
        var stage = spec.Stage is null or BacklogSpec.Highway ? 0 : Array.FindIndex(direction.Stages, s => s.Name == spec.Stage);
        if (stage < 0)
        {
            throw new ArgumentException($"backlog at unknown stage '{spec.Stage}' of direction '{direction.Name}'", nameof(spec));
        }

        var firstPhase = Array.FindIndex(direction.Phases, p => p.Stage == stage && p.Kind != PhaseKind.AwaitRelease);
        var isCommitted = direction.Stages.Take(stage).Any(s => s.HasServers);
        return new CompiledBacklog(Array.IndexOf(ClassNames, spec.CargoClass), spec.Trucks, spec.AgeHours, firstPhase, isCommitted);
    }

    private CompiledStage CompileStage(StageSpec spec, string direction, List<string> directionNames)
    {
        switch (spec)
        {
            case YardStageSpec yard:
                return new CompiledStage(yard.Name, StageKind.Yard, yard.CapacityTrucks, [], null, [])
                {
                    RoadPerTruckMetres = yard.RoadPerTruckMetres,
                    OverflowToHighway = yard.OverflowToHighway,
                    ReleaseQuotaPerDay = yard.ReleaseQuotaPerDay,
                    Dwell = yard.DwellHours,
                    ReturnEmptyDirection = yard.ReturnEmptyVia is null ? -1 : directionNames.IndexOf(yard.ReturnEmptyVia),
                };
            case CheckStageSpec check:
                {
                    var calendar = check.Calendar is null ? null : Calendars[check.Calendar];
                    var schedule = CapacitySchedule(calendar, check.Servers, Scenario.Changes.Where(c => c.Stage == check.Name && c.Servers is not null).Select(c => (c.From, c.Servers!.Value)));
                    var channels = ClassNames.Select(c => ChannelTable.For(check.Channels, c)).ToArray();
                    var caps = Scenario.Changes.Where(c => c.Stage == check.Name && c.CapPerDay is not null).Select(c => (c.From, c.CapPerDay!));
                    return new CompiledStage(check.Name, StageKind.Check, check.Buffer, schedule, calendar is { HasAppointmentPeriods: true } ? calendar : null, channels)
                    {
                        RoadPerTruckMetres = 19,
                        CapSchedule = CapSchedule(check.CapPerDay, caps),
                        CapDays = calendar is null ? ScenarioDays : Clock.LocalDays(calendar.Zone),
                        PrioritySchedule = PrioritySchedule(check.Priority, Scenario.Changes.Where(c => c.Stage == check.Name && c.Priority is not null).Select(c => (c.From, c.Priority!))),
                        ReservationSchedule = ReservationSchedule(check.Reserved, Scenario.Changes.Where(c => c.Stage == check.Name && c.Reserved is not null).Select(c => (c.From, c.Reserved!))),
                        ReservedOnly = check.ReservedOnly,
                    };
                }

            case RoadStageSpec roadStage:
                {
                    var road = Scenario.Roads.First(r => r.Name == roadStage.Road);
                    var calendar = road.Calendar is null ? null : Calendars[road.Calendar];
                    var lanes = road.LanesByDirection.GetValueOrDefault(direction);
                    var laneChanges = Scenario.Changes.Where(c => c.Road == road.Name && c.Lanes is not null && c.Lanes.ContainsKey(direction)).Select(c => (c.From, c.Lanes![direction]));
                    var schedule = CapacitySchedule(calendar, lanes, laneChanges);
                    var crossing = ChannelTable.Single(road.CrossingHours);
                    var caps = Scenario.Changes
                        .Where(c => c.Road == road.Name && c.CapPerDayByDirection is not null && c.CapPerDayByDirection.ContainsKey(direction))
                        .Select(c => (c.From, c.CapPerDayByDirection![direction]));
                    return new CompiledStage(roadStage.Name, StageKind.Road, roadStage.Buffer ?? road.BufferTrucks, schedule, null, [.. ClassNames.Select(_ => crossing)])
                    {
                        RoadPerTruckMetres = 19,
                        CapSchedule = CapSchedule(road.CapPerDayByDirection.GetValueOrDefault(direction), caps),
                        CapDays = calendar is null ? ScenarioDays : Clock.LocalDays(calendar.Zone),
                        PrioritySchedule = PrioritySchedule(road.Priority, Scenario.Changes.Where(c => c.Road == road.Name && c.Priority is not null).Select(c => (c.From, c.Priority!))),
                        ReservationSchedule = ReservationSchedule(road.Reserved, Scenario.Changes.Where(c => c.Road == road.Name && c.Reserved is not null).Select(c => (c.From, c.Reserved!))),
                        ReservedOnly = road.ReservedOnly,
                    };
                }

            default:
                throw new ArgumentException($"unknown stage type {spec.GetType().Name}", nameof(spec));
        }
    }

    /// <summary>
    /// Breakpoints of a stage's priority order: the rank of each class index (0 first; classes not listed
    /// after all listed ones), from the start and from local midnight of each change's date; empty when the
    /// stage never has a priority order, so it keeps its plain first-come-first-served queue.
    /// </summary>
    private (double Hours, int[] RankByClass)[] PrioritySchedule(IReadOnlyList<string>? initial, IEnumerable<(NodaTime.LocalDate From, IReadOnlyList<string> Order)> changes)
    {
        var schedule = new List<(double Hours, int[] RankByClass)> { (0, Ranks(initial)) };
        foreach (var (from, order) in changes.OrderBy(c => c.From))
        {
            schedule.Add((Math.Max(0, Clock.HoursAtStartOf(from, Scenario.TimeZone)), Ranks(order)));
        }

        return schedule.All(s => s.RankByClass.All(r => r == 0)) ? [] : [.. schedule];

        int[] Ranks(IReadOnlyList<string>? order) =>
            [.. ClassNames.Select(c => order is null || !order.Contains(c) ? order?.Count ?? 0 : order.ToList().IndexOf(c))];
    }

    /// <summary>
    /// Breakpoints of a stage's reserved servers: (class index, servers) in the order written, from the start and
    /// from local midnight of each change's date; empty when the stage never keeps servers for a class, so it
    /// keeps its plain queue.
    /// </summary>
    private (double Hours, (int CargoClass, int Servers)[] Reserved)[] ReservationSchedule(IReadOnlyList<ReservedServers>? initial, IEnumerable<(NodaTime.LocalDate From, IReadOnlyList<ReservedServers> Reserved)> changes)
    {
        var schedule = new List<(double Hours, (int CargoClass, int Servers)[] Reserved)> { (0, Compile(initial)) };
        foreach (var (from, reserved) in changes.OrderBy(c => c.From))
        {
            schedule.Add((Math.Max(0, Clock.HoursAtStartOf(from, Scenario.TimeZone)), Compile(reserved)));
        }

        return schedule.All(s => s.Reserved.All(r => r.Servers == 0)) ? [] : [.. schedule];

        (int CargoClass, int Servers)[] Compile(IReadOnlyList<ReservedServers>? reserved) =>
            reserved is null ? [] : [.. reserved.Select(r => (ClassIndex(r.CargoClass), r.Servers))];

        int ClassIndex(string name) => Array.IndexOf(ClassNames, name) is var index and >= 0
            ? index
            : throw new ArgumentException($"servers reserved for unknown class '{name}'", nameof(initial));
    }

    /// <summary>
    /// Breakpoints of a stage's clearance cap: the cap from the start (if any), then each dated change from
    /// local midnight of its date in the scenario zone; empty when the stage is never capped.
    /// </summary>
    private (double Hours, CompiledCap? Cap)[] CapSchedule(ClearanceCapSpec? initial, IEnumerable<(NodaTime.LocalDate From, ClearanceCapSpec Cap)> changes)
    {
        var schedule = new List<(double Hours, CompiledCap? Cap)> { (0, Compile(initial)) };
        foreach (var (from, cap) in changes.OrderBy(c => c.From))
        {
            schedule.Add((Math.Max(0, Clock.HoursAtStartOf(from, Scenario.TimeZone)), Compile(cap)));
        }

        return schedule.All(s => s.Cap is null) ? [] : [.. schedule];

        CompiledCap? Compile(ClearanceCapSpec? spec) => spec is null || spec.IsNone
            ? null
            : new CompiledCap(spec.Total, [.. ClassNames.Select(c => spec.ByClass.GetValueOrDefault(c))]);
    }

    /// <summary>
    /// Breakpoints (hours, servers) of a stage: servers while its calendar is open, zero while closed,
    /// with dated changes of the server count applied from local midnight in the scenario zone.
    /// </summary>
    private (double Hours, int Servers, int NominalServers)[] CapacitySchedule(GateCalendar? calendar, int baseServers, IEnumerable<(NodaTime.LocalDate From, int Servers)> changes)
    {
        var changeTimes = changes.Select(c => (Hours: Clock.HoursAtStartOf(c.From, Scenario.TimeZone), c.Servers)).OrderBy(c => c.Hours).ToList();
        var times = new SortedSet<double> { 0 };
        foreach (var change in changeTimes)
        {
            times.Add(Math.Max(0, change.Hours));
        }

        if (calendar is not null)
        {
            foreach (var (open, close) in calendar.OpenIntervals)
            {
                if (open > 0 && open < Clock.RunHours)
                {
                    times.Add(open);
                }

                if (close > 0 && close < Clock.RunHours)
                {
                    times.Add(close);
                }
            }
        }

        var schedule = new List<(double, int, int)>();
        foreach (var t in times)
        {
            var servers = baseServers;
            foreach (var change in changeTimes)
            {
                if (change.Hours <= t)
                {
                    servers = change.Servers;
                }
            }

            var capacity = calendar is null || calendar.IsOpenAt(t) ? servers : 0;
            if (schedule.Count == 0 || schedule[^1].Item2 != capacity || schedule[^1].Item3 != servers)
            {
                schedule.Add((t, capacity, servers));
            }
        }

        return [.. schedule];
    }
}

public enum StageKind
{
    Yard,
    Check,
    Road,
}

public sealed record CompiledDirection(string Name, int Index, ArrivalRates Arrivals, CompiledStage[] Stages)
{
    /// <summary>The journey over <see cref="Stages"/> as a list of phases.</summary>
    public RoutePhase[] Phases { get; } = Route.Phases(Stages);

    /// <summary>Trucks already waiting when the run starts.</summary>
    public CompiledBacklog[] Backlog { get; init; } = [];

    /// <summary>
    /// Per class index, the trucks an hour the route serves at its slowest stage when open: servers (lanes) over
    /// the class's mean service time, the least over its checks and roads (0 if it has none). The routing rule
    /// "shortest expected wait" divides the trucks ahead on the route by it.
    /// </summary>
    public double[] ServiceRatePerHour { get; } = RatesOf(Stages);

    private static double[] RatesOf(CompiledStage[] stages)
    {
        var classes = stages.FirstOrDefault(s => s.HasServers)?.ChannelsByClass.Length ?? 0;
        var rates = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            var rate = double.PositiveInfinity;
            foreach (var stage in stages)
            {
                if (!stage.HasServers || stage.CapacitySchedule.Length == 0)
                {
                    continue;
                }

                var mean = stage.ChannelsByClass[c].MeanServiceHours();
                var servers = stage.CapacitySchedule.Max(s => s.NominalServers);
                rate = Math.Min(rate, mean > 0 ? servers / mean : double.PositiveInfinity);
            }

            rates[c] = double.IsPositiveInfinity(rate) ? 0 : rate;
        }

        return rates;
    }

    /// <summary>Bans acting where trucks arrive: turned away, or held at their origin.</summary>
    public CompiledBan[] Bans { get; init; } = [];
}

/// <summary>A ban compiled: from and until (hours; until may be infinite), the classes it covers (by index), and its action.</summary>
public sealed record CompiledBan(double FromHours, double UntilHours, bool[] Classes, BanAction Action)
{
    public bool Holds(int cargoClass, double hours) => Classes[cargoClass] && hours >= FromHours && hours < UntilHours;
}

/// <summary>Trucks of one class waiting at the start: they begin at phase <paramref name="FirstPhase"/> of the route.</summary>
/// <param name="CargoClass">Class index.</param>
/// <param name="Trucks">How many.</param>
/// <param name="AgeHours">How long each has waited already (null = 0).</param>
/// <param name="FirstPhase">The phase where they stand: taking a place at their stage.</param>
/// <param name="IsCommitted">Past a check or road already, so they no longer give up.</param>
public sealed record CompiledBacklog(int CargoClass, int Trucks, Distribution? AgeHours, int FirstPhase, bool IsCommitted);

/// <summary>A stage compiled for simulation.</summary>
/// <param name="Name">Stage name.</param>
/// <param name="Kind">Yard, check or road.</param>
/// <param name="Places">Places in front (yard capacity or buffer); null = unbounded; 0 = none, the truck waits where it is.</param>
/// <param name="CapacitySchedule">Servers over time (empty for yards): open servers, and the servers the stage has whether open or closed (NominalServers).</param>
/// <param name="AppointmentCalendar">The calendar whose appointment-only days gate this stage, if any.</param>
/// <param name="ChannelsByClass">Service channels per class index (empty for yards).</param>
public sealed record CompiledStage(
    string Name,
    StageKind Kind,
    int? Places,
    (double Hours, int Servers, int NominalServers)[] CapacitySchedule,
    GateCalendar? AppointmentCalendar,
    ChannelTable[] ChannelsByClass)
{
    public bool HasServers => Kind != StageKind.Yard;

    public double RoadPerTruckMetres { get; init; } = 19;

    /// <summary>Whether trucks waiting for a place here count as a highway queue (first stage only; checks and roads always do).</summary>
    public bool OverflowToHighway { get; init; } = true;

    public int? ReleaseQuotaPerDay { get; init; }

    public Distribution? Dwell { get; init; }

    public int ReturnEmptyDirection { get; init; } = -1;

    /// <summary>Index of the pool (<see cref="CrossingModel.Pools"/>) whose unit a truck takes before this stage's server; −1 = none.</summary>
    public int PoolIndex { get; init; } = -1;

    /// <summary>The last stage of the route over which the pool unit is held (index in the route; this stage or a later one).</summary>
    public int PoolThroughStage { get; init; } = -1;

    /// <summary>Clearance caps over time (hours from which each applies; a null cap = none); empty = never capped.</summary>
    public (double Hours, CompiledCap? Cap)[] CapSchedule { get; init; } = [];

    /// <summary>The local days a cap counts in: the stage calendar's zone, else the scenario's.</summary>
    public LocalDays? CapDays { get; init; }

    /// <summary>For a yard: bans that hold trucks of their classes in it.</summary>
    public CompiledBan[] BanHolds { get; init; } = [];

    /// <summary>Priority order over time: from each breakpoint, the rank of each class index (lower first); empty = first come, first served.</summary>
    public (double Hours, int[] RankByClass)[] PrioritySchedule { get; init; } = [];

    /// <summary>Servers kept per class over time: from each breakpoint, (class index, servers) in the order written; empty = none ever.</summary>
    public (double Hours, (int CargoClass, int Servers)[] Reserved)[] ReservationSchedule { get; init; } = [];

    /// <summary>Whether a class with servers kept for it uses only those.</summary>
    public bool ReservedOnly { get; init; }
}

/// <summary>A clearance cap compiled: the total and the cap of each class index (null = none).</summary>
public sealed record CompiledCap(TrucksPerDayRange? Total, TrucksPerDayRange?[] ByClass);

/// <summary>A pool compiled for simulation: its units over time (zero while its calendar is closed) and its return time.</summary>
public sealed record CompiledPool(string Name, int Index, (double Hours, int Servers, int NominalServers)[] CapacitySchedule, Distribution? ReturnHours);

/// <summary>The channels of one stage for one class: cumulative probabilities and service times.</summary>
public sealed record ChannelTable(string[] Names, double[] Cumulative, Distribution[] Services)
{
    public static ChannelTable Single(Distribution service) => new(["green"], [1.0], [service]);

    public static ChannelTable For(IReadOnlyList<ChannelSpec> channels, string cargoClass)
    {
        var names = channels.Select(c => c.Name).ToArray();
        var cumulative = new double[channels.Count];
        double running = 0;
        for (var i = 0; i < channels.Count; i++)
        {
            running += channels[i].ProbabilityFor(cargoClass);
            cumulative[i] = running;
        }

        return new ChannelTable(names, cumulative, [.. channels.Select(c => c.ServiceFor(cargoClass))]);
    }

    /// <summary>The mean service hours over the channels, weighted by their probabilities.</summary>
    public double MeanServiceHours()
    {
        double mean = 0, previous = 0;
        var total = Cumulative[^1];
        for (var i = 0; i < Services.Length; i++)
        {
            mean += (Cumulative[i] - previous) / total * Services[i].Mean;
            previous = Cumulative[i];
        }

        return mean;
    }

    public int Choose(double uniform)
    {
        var total = Cumulative[^1];
        for (var i = 0; i < Cumulative.Length - 1; i++)
        {
            if (uniform * total < Cumulative[i])
            {
                return i;
            }
        }

        return Cumulative.Length - 1;
    }
}
