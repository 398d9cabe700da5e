using BorderSim.Engine.Randomness;
using BorderSim.Model.Arrivals;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;
using NodaTime;

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
        PatienceInForce = [.. classes.Select(c => Schedule.FromDates(
            c.PatienceHours, Scenario.Changes.Where(change => change.CargoClass == c.Name && change.Patience is not null).Select(change => (change.From, change.Patience!.PatienceHours)), Clock, scenario.TimeZone))];

        ScenarioDays = Clock.LocalDays(scenario.TimeZone);
        Calendars = scenario.Calendars.ToDictionary(c => c.Name, c => new GateCalendar(c, Clock, scenario.Changes), StringComparer.Ordinal);
        Pools = [.. scenario.Pools.Select((p, i) => CompilePool(p, i))];
        SharedCaps = CompiledSharedCap.CompileAll(scenario, Clock);
        var directionNames = scenario.Directions.Select(d => d.Name).ToList();
        Directions = [.. scenario.Directions.Select((d, i) => CompileDirection(d, i, directionNames))];
        Origins = [.. scenario.Origins.Select((o, i) => CompileOrigin(o, i, directionNames))];
        WaitingReactions = CompiledWaitingReaction.CompileAll(scenario, Clock, ClassNames);
        ClassesCarried = ClassesCarriedBy(Directions, Origins, EmptyClassIndex, ClassNames.Length);
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
    public Schedule<Distribution?>[] PatienceInForce { get; }

    public CompiledDirection[] Directions { get; }

    /// <summary>The scenario's shared origin streams, in the order of <see cref="ScenarioSpec.Origins"/>.</summary>
    public CompiledOrigin[] Origins { get; }

    /// <summary>
    /// Which classes each direction carries (by direction index, then class index): those of its arrival mix,
    /// those an origin's rule may send along it, and the empties of a direction that others return through.
    /// The replication's statistics and the metric keys known before a run both read this one answer.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<bool>> ClassesCarried { get; }

    private static bool[][] ClassesCarriedBy(CompiledDirection[] directions, CompiledOrigin[] origins, int emptyClassIndex, int classCount)
    {
        bool[][] carried = [.. directions.Select(d => Enumerable.Range(0, classCount).Select(c => c < d.Arrivals.ClassMix.Count && d.Arrivals.ClassMix[c] > 0).ToArray())];
        foreach (var origin in origins)
        {
            for (var c = 0; c < origin.RuleByClass.Length; c++)
            {
                foreach (var route in origin.RuleByClass[c]?.Routes ?? [])
                {
                    carried[route][c] = true;
                }
            }
        }

        foreach (var stage in directions.SelectMany(d => d.Stages))
        {
            if (stage.EmptyReturn is { } back && emptyClassIndex >= 0)
            {
                carried[back.Direction][emptyClassIndex] = true;
            }
        }

        return carried;
    }

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
                b.DivertShare) { LetThrough = b.LetThrough })];
        return new CompiledOrigin(spec.Name, index, arrivals, rules, suspensions) { Diversions = diversions, Park = CompilePark(spec.Park) };
    }

    private CompiledPark? CompilePark(ParkSpec? park) => park is null ? null : new CompiledPark(
        park.Capacity,
        park.ReleasePerDay,
        park.Calendar is { } calendar ? Calendars[calendar] : null,
        [.. park.Backlog.Select(b => new CompiledParkBacklog(Array.IndexOf(ClassNames, b.CargoClass), b.Trucks, b.AgeHours))]);

    /// <summary>How trucks already in line react when suspensions and bans start, in order of time.</summary>
    public CompiledWaitingReaction[] WaitingReactions { get; }

    /// <summary>The daily allowances shared by several checks, in the order of <see cref="ScenarioSpec.SharedCaps"/>.</summary>
    public CompiledSharedCap[] SharedCaps { get; }

    /// <summary>The scenario's pools, in the order of <see cref="ScenarioSpec.Pools"/>.</summary>
    public CompiledPool[] Pools { get; }

    private CompiledPool CompilePool(PoolSpec spec, int index)
    {
        var calendar = spec.Calendar is null ? null : Calendars[spec.Calendar];
        var changes = Scenario.Changes.Where(c => c.Pool == spec.Name && c.Units is not null).Select(c => (c.From, c.Units!.Value));
        return new CompiledPool(spec.Name, index, ServersInForce(calendar, spec.Units, changes), spec.ReturnHours);
    }

    private CompiledDirection CompileDirection(DirectionSpec spec, int index, List<string> directionNames)
    {
        var stages = new CompiledStage[spec.Stages.Count];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = CompileStage(spec.Stages[s], spec.Name, directionNames) with { IsDestinationYard = ReferenceEquals(spec.Stages[s], spec.DestinationYard) };

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
                b.Action,
                b.LetThrough));

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

    /// <summary>Where a yard's trucks return empty: the direction named and the stages named in it (its first and last when none is).</summary>
    private CompiledEmptyReturn? CompileEmptyReturn(YardStageSpec yard, List<string> directionNames)
    {
        if (yard.ReturnEmptyVia is not { } via)
        {
            return null;
        }

        var stages = Scenario.Directions.Single(d => d.Name == via).Stages.Select(s => s.Name).ToList();
        return new CompiledEmptyReturn(directionNames.IndexOf(via), StageIndex(yard.ReturnEmptyFrom, 0), StageIndex(yard.ReturnEmptyTo, stages.Count - 1))
        {
            Share = yard.ReturnEmptyShare,
        };

        int StageIndex(string? stage, int unset)
        {
            if (stage is null)
            {
                return unset;
            }

            var index = stages.IndexOf(stage);
            return index >= 0 ? index : throw new ArgumentException($"empty trucks return through unknown stage '{stage}' of direction '{via}'", nameof(yard));
        }
    }

    private CompiledStage CompileStage(StageSpec spec, string direction, List<string> directionNames)
    {
        switch (spec)
        {
            case YardStageSpec yard:
                return new CompiledStage(yard.Name, StageKind.Yard, yard.CapacityTrucks, null, null, [])
                {
                    RoadPerTruckMetres = yard.RoadPerTruckMetres,
                    OverflowToHighway = yard.OverflowToHighway,
                    ReleaseQuotaPerDay = yard.ReleaseQuotaPerDay,
                    Dwell = yard.DwellHours,
                    EmptyReturn = CompileEmptyReturn(yard, directionNames),
                    PriorityInForce = PriorityInForce(yard.Priority, []),
                };
            case CheckStageSpec check:
                {
                    var calendar = check.Calendar is null ? null : Calendars[check.Calendar];
                    var schedule = ServersInForce(calendar, check.Servers, Scenario.Changes.Where(c => c.Stage == check.Name && c.Servers is not null).Select(c => (c.From, c.Servers!.Value)));
                    var channels = ClassNames.Select(c => ChannelTable.For(check.Channels, c)).ToArray();
                    var caps = Scenario.Changes.Where(c => c.Stage == check.Name && c.CapPerDay is not null).Select(c => (c.From, c.CapPerDay!));
                    return new CompiledStage(check.Name, StageKind.Check, check.Buffer, schedule, calendar is { HasAppointmentPeriods: true } ? calendar : null, channels)
                    {
                        RoadPerTruckMetres = 19,
                        CapsInForce = CapsInForce(check.CapPerDay, caps),
                        CapDays = calendar is null ? ScenarioDays : Clock.LocalDays(calendar.Zone),
                        SharedCap = CompiledSharedCap.Spanning(SharedCaps, check.Name),
                        PriorityInForce = PriorityInForce(check.Priority, Scenario.Changes.Where(c => c.Stage == check.Name && c.Priority is not null).Select(c => (c.From, c.Priority!))),
                        ReservedInForce = ReservedInForce(check.Reserved, Scenario.Changes.Where(c => c.Stage == check.Name && c.Reserved is not null).Select(c => (c.From, c.Reserved!))),
                        ReservedOnly = check.ReservedOnly,
                    };
                }

            case RoadStageSpec roadStage:
                {
                    var road = Scenario.Roads.First(r => r.Name == roadStage.Road);
                    var calendar = road.Calendar is null ? null : Calendars[road.Calendar];
                    var lanes = road.LanesByDirection.GetValueOrDefault(direction);
                    var laneChanges = Scenario.Changes.Where(c => c.Road == road.Name && c.Lanes is not null && c.Lanes.ContainsKey(direction)).Select(c => (c.From, c.Lanes![direction]));
                    var schedule = ServersInForce(calendar, lanes, laneChanges);
                    var crossing = ChannelTable.Single(road.CrossingHours);
                    var caps = Scenario.Changes
                        .Where(c => c.Road == road.Name && c.CapPerDayByDirection is not null && c.CapPerDayByDirection.ContainsKey(direction))
                        .Select(c => (c.From, c.CapPerDayByDirection![direction]));
                    return new CompiledStage(roadStage.Name, StageKind.Road, roadStage.Buffer ?? road.BufferTrucks, schedule, null, [.. ClassNames.Select(_ => crossing)])
                    {
                        RoadPerTruckMetres = 19,
                        CapsInForce = CapsInForce(road.CapPerDayByDirection.GetValueOrDefault(direction), caps),
                        CapDays = calendar is null ? ScenarioDays : Clock.LocalDays(calendar.Zone),
                        PriorityInForce = PriorityInForce(road.Priority, Scenario.Changes.Where(c => c.Road == road.Name && c.Priority is not null).Select(c => (c.From, c.Priority!))),
                        ReservedInForce = ReservedInForce(road.Reserved, Scenario.Changes.Where(c => c.Road == road.Name && c.Reserved is not null).Select(c => (c.From, c.Reserved!))),
                        ReservedOnly = road.ReservedOnly,
                    };
                }

            default:
                throw new ArgumentException($"unknown stage type {spec.GetType().Name}", nameof(spec));
        }
    }

    /// <summary>
    /// A stage's priority order over time: the rank of each class index (0 first; classes not listed after all
    /// listed ones), from the start and from local midnight of each change's date; null when the stage never has
    /// a priority order, so it keeps its plain first-come-first-served queue.
    /// </summary>
    private Schedule<int[]>? PriorityInForce(IReadOnlyList<string>? initial, IEnumerable<(LocalDate From, IReadOnlyList<string> Order)> changes)
    {
        var schedule = Schedule.FromDates(Ranks(initial), changes.Select(c => (c.From, Ranks(c.Order))), Clock, Scenario.TimeZone);
        return schedule.Any(ranks => ranks.Any(r => r != 0)) ? schedule : null;

        int[] Ranks(IReadOnlyList<string>? order) =>
            [.. ClassNames.Select(c => order is null || !order.Contains(c) ? order?.Count ?? 0 : order.ToList().IndexOf(c))];
    }

    /// <summary>
    /// A stage's reserved servers over time: (class index, servers) in the order written, from the start and from
    /// local midnight of each change's date; null when the stage never keeps servers for a class, so it keeps its
    /// plain queue.
    /// </summary>
    private Schedule<(int CargoClass, int Servers)[]>? ReservedInForce(IReadOnlyList<ReservedServers>? initial, IEnumerable<(LocalDate From, IReadOnlyList<ReservedServers> Reserved)> changes)
    {
        var schedule = Schedule.FromDates(Compile(initial), changes.Select(c => (c.From, Compile(c.Reserved))), Clock, Scenario.TimeZone);
        return schedule.Any(reserved => reserved.Any(r => r.Servers != 0)) ? schedule : null;

        (int CargoClass, int Servers)[] Compile(IReadOnlyList<ReservedServers>? reserved) =>
            reserved is null ? [] : [.. reserved.Select(r => (ClassIndex(r.CargoClass), r.Servers))];

        int ClassIndex(string name) => Array.IndexOf(ClassNames, name) is var index and >= 0
            ? index
            : throw new ArgumentException($"servers reserved for unknown class '{name}'", nameof(initial));
    }

    /// <summary>
    /// A stage's clearance cap over time: the cap from the start (if any), then each dated change from local
    /// midnight of its date in the scenario zone; null when the stage is never capped.
    /// </summary>
    private Schedule<CompiledCap?>? CapsInForce(ClearanceCapSpec? initial, IEnumerable<(LocalDate From, ClearanceCapSpec Cap)> changes)
    {
        var schedule = Schedule.FromDates(Compile(initial), changes.Select(c => (c.From, Compile(c.Cap))), Clock, Scenario.TimeZone);
        return schedule.Any(cap => cap is not null) ? schedule : null;

        CompiledCap? Compile(ClearanceCapSpec? spec) => spec is null || spec.IsNone
            ? null
            : new CompiledCap(spec.Total, [.. ClassNames.Select(c => spec.ByClass.GetValueOrDefault(c))]);
    }

    /// <summary>
    /// A stage's (or pool's) servers over time: those in force from dated changes (from local midnight in the
    /// scenario zone), open while its calendar is open and none open while it is closed.
    /// </summary>
    private Schedule<ServerCount> ServersInForce(GateCalendar? calendar, int baseServers, IEnumerable<(LocalDate From, int Servers)> changes)
    {
        var nominal = Schedule.FromDates(baseServers, changes, Clock, Scenario.TimeZone);
        var times = new SortedSet<double>();
        foreach (var (hours, _) in nominal.Breakpoints)
        {
            times.Add(hours);
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

        var breakpoints = new List<(double Hours, ServerCount Servers)>();
        foreach (var t in times)
        {
            var servers = nominal.ValueAt(t);
            var inForce = new ServerCount(calendar is null || calendar.IsOpenAt(t) ? servers : 0, servers);
            if (breakpoints.Count == 0 || breakpoints[^1].Servers != inForce)
            {
                breakpoints.Add((t, inForce));
            }
        }

        return new Schedule<ServerCount>(breakpoints);
    }
}
