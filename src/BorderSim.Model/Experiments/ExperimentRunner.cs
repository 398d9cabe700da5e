using System.Globalization;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Experiments;

/// <summary>
/// Runs a scenario's replications in parallel and summarises them. Each replication has its own
/// simulation and random streams derived from (seed, replication), and results are combined in
/// replication order, so the result is the same whatever the number of threads.
/// </summary>
public static class ExperimentRunner
{
    private const int PilotReplications = 5;

    public static ExperimentResult Run(
        ScenarioSpec scenario,
        RunOptions options,
        Func<int, ITruckObserver?>? observerFactory = null,
        IProgress<int>? replicationsDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        scenario = Apply(scenario, options);
        var model = new CrossingModel(scenario);
        if (options.PrecisionMetric is { } wantedMetric && !MetricKeys(model).Any(k => k.Id == wantedMetric))
        {
            // Checked from the model alone, before anything runs: no replication is spent finding out.
            throw new ArgumentException($"unknown metric '{wantedMetric}' for --precision; see summary.csv's metric column", "metricId");
        }

        var threads = Math.Max(1, options.Threads ?? Environment.ProcessorCount);
        var seed = scenario.Seed;

        var (warmUpHours, method) = scenario.WarmUpHours is { } fixedWarmUp
            ? (fixedWarmUp, "fixed")
            : (DetectWarmUp(model, seed, Math.Min(PilotReplications, scenario.Replications), threads, cancellationToken), "mser-5");

        var replications = new List<ReplicationResult>();
        var target = scenario.Replications;
        var done = 0;
        PrecisionOutcome? precisionOutcome = null;
        while (true)
        {
            var batch = RunReplications(model, seed, warmUpHours, options.FirstReplication + replications.Count, target - replications.Count, threads, observerFactory, () => replicationsDone?.Report(Interlocked.Increment(ref done)), cancellationToken);
            replications.AddRange(batch);
            if (options.Precision is not { } precision || options.PrecisionMetric is not { } metricId)
            {
                break;
            }

            // Law's sequential procedure: the first n at which the relative half-width is small enough. The
            // replications past n were run in parallel with it; dropping them keeps the result the same
            // whatever the number of threads.
            var stopAt = FirstPreciseCount(replications, metricId, precision, scenario.Replications);
            if (stopAt is { } n)
            {
                replications.RemoveRange(n.Count, replications.Count - n.Count);
                precisionOutcome = Outcome(replications, metricId, precision, n.Stop);
                break;
            }

            if (replications.Count >= options.MaxReplications)
            {
                precisionOutcome = Outcome(replications, metricId, precision, PrecisionStop.MaxReplications);
                break;
            }

            target = Math.Min(options.MaxReplications, replications.Count + threads);
        }

        return Summarise(scenario, warmUpHours, method, replications, LoadCheck.For(model)) with { Precision = precisionOutcome };
    }

    /// <summary>
    /// Every metric id a run of <paramref name="scenario"/> reports in summary.csv, from the model alone
    /// (nothing runs): for checking a <c>--metric</c> or a target before a long run.
    /// </summary>
    public static IReadOnlyList<MetricKey> MetricKeys(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return MetricKeys(new CrossingModel(scenario));
    }

    private static List<MetricKey> MetricKeys(CrossingModel model) =>
    [
        .. MetricLayout.KeysOf(model),
        .. model.Directions.Select(d => Metrics.Overloaded.Key(d.Name)),
    ];

    private static PrecisionOutcome Outcome(List<ReplicationResult> replications, string metricId, double precision, PrecisionStop stop)
    {
        var summary = Statistics.Summarise(replications.Select(r => r.Metrics.FirstOrDefault(m => m.Key.Id == metricId)).Where(v => v.Key is not null).Select(v => v.Value));
        var reached = summary.Mean == 0 || summary.Count < 2 ? double.NaN : Math.Abs(summary.HalfWidth95 / summary.Mean);
        return new PrecisionOutcome(metricId, precision, reached, summary.Mean, summary.HalfWidth95, replications.Count, summary.Count, stop);
    }

    /// <summary>Applies the options' overrides to the scenario.</summary>
    public static ScenarioSpec Apply(ScenarioSpec scenario, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Replications is < 1 || options.Days is < 1 || options.Threads is < 1 || options.FirstReplication < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "replications, days and threads must be at least 1, and the first replication at least 0");
        }

        var result = scenario with
        {
            Replications = options.Replications ?? scenario.Replications,
            Seed = options.Seed ?? scenario.Seed,
            Days = options.Days ?? scenario.Days,
        };
        if (result.WarmUpHours >= result.RunHours)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the warm-up ({result.WarmUpHours} h) must be shorter than the run ({result.RunHours} h)");
        }

        if (ScenarioLimits.TimeSeriesPoints(result.Days, result.TimeseriesStepMinutes) > ScenarioLimits.MaxTimeSeriesPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(options), string.Create(CultureInfo.InvariantCulture,
                $"{result.Days} days at a timeseries_step of {result.TimeseriesStepMinutes}min is {ScenarioLimits.TimeSeriesPoints(result.Days, result.TimeseriesStepMinutes)} points per series; the limit is {ScenarioLimits.MaxTimeSeriesPoints}: add --set timeseries_step={ScenarioLimits.SmallestTimeSeriesStepMinutes(result.Days)}min"));
        }

        WorkEstimate.Check(options.Precision is null ? result : result with { Replications = Math.Max(result.Replications, options.MaxReplications) }, options.MaxWorkTruckStages);

        return result;
    }

    /// <summary>MSER-5 on the mean over pilot replications of the number of trucks in the system.</summary>
    public static double DetectWarmUp(CrossingModel model, ulong seed, int pilots, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var pilotsRun = RunReplications(model, seed, 0, 0, Math.Max(1, pilots), threads, null, null, cancellationToken);
        var step = pilotsRun[0].TimeSeries.StepHours;
        var length = pilotsRun[0].TimeSeries.Series[0].Values.Length;
        var total = new double[length];
        foreach (var replication in pilotsRun)
        {
            foreach (var series in replication.TimeSeries.Series.Where(s => s.Name == "in_system_trucks" && s.CargoClass.Length == 0))
            {
                for (var i = 0; i < length; i++)
                {
                    total[i] += series.Values[i] / pilotsRun.Count;
                }
            }
        }

        return Mser.TruncationPoint(total) * step;
    }

    private static List<ReplicationResult> RunReplications(
        CrossingModel model,
        ulong seed,
        double warmUpHours,
        int first,
        int count,
        int threads,
        Func<int, ITruckObserver?>? observerFactory,
        Action? onDone,
        CancellationToken cancellationToken)
    {
        var results = new ReplicationResult[Math.Max(0, count)];
        try
        {
            Parallel.For(
                0,
                results.Length,
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                i =>
                {
                    var replication = first + i;
                    var observer = observerFactory?.Invoke(replication);
                    results[i] = new CrossingReplication(model, replication, seed, warmUpHours, observer).Run(cancellationToken);
                    onDone?.Invoke();
                });
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<TrucksInSystemLimitException>().FirstOrDefault() is { } limit)
        {
            // An overload to report, not a failed run: the first replication to reach the limit says which numbers to lower.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(limit);
            throw;
        }

        return [.. results];
    }

    private static (int Count, PrecisionStop Stop)? FirstPreciseCount(List<ReplicationResult> replications, string metricId, double precision, int minimum)
    {
        var values = replications.Select(r => r.Metrics.FirstOrDefault(m => m.Key.Id == metricId)).ToList();
        for (var n = Math.Max(2, minimum); n <= values.Count; n++)
        {
            var summary = Statistics.Summarise(values.Take(n).Where(v => v.Key is not null).Select(v => v.Value));
            if (summary.Count < 2)
            {
                continue;
            }

            if (summary.Min == 0 && summary.Max == 0)
            {
                return (n, PrecisionStop.AlwaysZero);
            }

            if (Math.Abs(summary.HalfWidth95) <= precision * Math.Abs(summary.Mean))
            {
                return (n, PrecisionStop.TargetMet);
            }
        }

        return null;
    }

    /// <summary>Combines replications: metric summaries, time-series bands, daily throughput, pooled wait quantiles.</summary>
    public static ExperimentResult Summarise(ScenarioSpec scenario, double warmUpHours, string warmUpMethod, IReadOnlyList<ReplicationResult> replications, IReadOnlyList<StageLoad>? stageLoads = null)
    {
        ArgumentNullException.ThrowIfNull(replications);
        stageLoads ??= LoadCheck.For(new CrossingModel(scenario));
        var directionLoads = OverloadCheck.Judge(stageLoads, replications);
        replications = OverloadCheck.WithVerdicts(replications, directionLoads);
        var keys = new List<MetricKey>();
        var values = new Dictionary<MetricKey, List<double>>();
        foreach (var replication in replications)
        {
            foreach (var metric in replication.Metrics)
            {
                if (!values.TryGetValue(metric.Key, out var list))
                {
                    list = [];
                    values.Add(metric.Key, list);
                    keys.Add(metric.Key);
                }

                list.Add(metric.Value);
            }
        }

        var summary = keys.Select(key =>
        {
            var s = Statistics.Summarise(values[key]);
            return new MetricSummary(key, s.Count, s.Mean, s.StandardDeviation, s.HalfWidth95, s.Min, s.Max);
        }).ToList();

        return new ExperimentResult(
            scenario,
            warmUpHours,
            warmUpMethod,
            summary,
            SummariseSeries(replications),
            SummariseDays(replications),
            SummariseWaits(replications),
            replications)
        {
            Daily = SummariseDaily(replications),
            StageLoads = stageLoads,
            DirectionLoads = directionLoads,
        };
    }

    /// <summary>daily.csv: per day, direction and class, and per day and direction over all classes.</summary>
    private static List<DaySummary> SummariseDaily(IReadOnlyList<ReplicationResult> replications)
    {
        var keys = new List<(NodaTime.LocalDate Date, string Direction, string CargoClass)>();
        var perKey = new Dictionary<(NodaTime.LocalDate, string, string), (bool InWarmUp, DayRecord?[] Records)>();
        for (var r = 0; r < replications.Count; r++)
        {
            foreach (var day in replications[r].Days)
            {
                foreach (var cargoClass in new[] { day.CargoClass, "all" })
                {
                    var key = (day.Date, day.Direction, cargoClass);
                    if (!perKey.TryGetValue(key, out var entry))
                    {
                        entry = (day.InWarmUp, new DayRecord?[replications.Count]);
                        perKey.Add(key, entry);
                        keys.Add(key);
                    }

                    var sum = entry.Records[r] ?? new DayRecord(day.Date, day.Direction, cargoClass, 0, 0, 0, 0, 0, day.InWarmUp);
                    entry.Records[r] = sum with
                    {
                        Arrived = sum.Arrived + day.Arrived,
                        Served = sum.Served + day.Served,
                        GaveUp = sum.GaveUp + day.GaveUp,
                        TurnedAway = sum.TurnedAway + day.TurnedAway,
                        LeftOnEvent = sum.LeftOnEvent + day.LeftOnEvent,
                        MovedOnEvent = sum.MovedOnEvent + day.MovedOnEvent,
                        Diverted = sum.Diverted + day.Diverted,
                        HeldAtOriginAtEnd = sum.HeldAtOriginAtEnd + day.HeldAtOriginAtEnd,
                        WaitHoursSum = sum.WaitHoursSum + day.WaitHoursSum,
                        BacklogAtEnd = sum.BacklogAtEnd + day.BacklogAtEnd,
                    };
                }
            }
        }

        static MeanEstimate Estimate(IEnumerable<double> values)
        {
            var s = Statistics.Summarise(values);
            return new MeanEstimate(s.Mean, s.HalfWidth95, s.Count);
        }

        // Days in date order, then directions and classes as the model reports them, "all" after the classes.
        var order = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.k.CargoClass == "all" ? int.MaxValue : p.i);
        // Each direction's first key index, looked up once: a search of the keys per key was quadratic (a year of
        // the network has about 11,300 keys).
        var directionOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            directionOrder.TryAdd(keys[i].Direction, i);
        }

        return [.. keys
            .OrderBy(k => k.Date)
            .ThenBy(k => directionOrder[k.Direction])
            .ThenBy(k => order[k])
            .Select(k =>
            {
                var (inWarmUp, records) = perKey[k];
                var days = records.Where(d => d is not null).Select(d => d!.Value).ToList();
                return new DaySummary(
                    k.Date,
                    k.Direction,
                    k.CargoClass,
                    inWarmUp,
                    Estimate(days.Select(d => (double)d.Arrived)),
                    Estimate(days.Select(d => (double)d.Served)),
                    Estimate(days.Select(d => (double)d.GaveUp)),
                    Estimate(days.Select(d => (double)d.TurnedAway)),
                    Estimate(days.Select(d => (double)d.Diverted)),
                    Estimate(days.Select(d => (double)d.BacklogAtEnd)),
                    Estimate(days.Select(d => (double)d.HeldAtOriginAtEnd)),
                    Estimate(days.Where(d => d.Served > 0).Select(d => d.WaitHoursSum / d.Served)))
                {
                    LeftOnEvent = Estimate(days.Select(d => (double)d.LeftOnEvent)),
                    MovedOnEvent = Estimate(days.Select(d => (double)d.MovedOnEvent)),
                };
            })];
    }

    private static List<SeriesSummary> SummariseSeries(IReadOnlyList<ReplicationResult> replications)
    {
        var result = new List<SeriesSummary>();
        if (replications.Count == 0)
        {
            return result;
        }

        var first = replications[0].TimeSeries;
        for (var s = 0; s < first.Series.Count; s++)
        {
            var template = first.Series[s];
            var length = template.Values.Length;
            var mean = new double[length];
            var lower = new double[length];
            var upper = new double[length];
            var column = new double[replications.Count];
            for (var i = 0; i < length; i++)
            {
                for (var r = 0; r < replications.Count; r++)
                {
                    column[r] = replications[r].TimeSeries.Series[s].Values[i];
                }

                // Summed in order as Enumerable.Average does (same bits), without its enumerator per point.
                var sum = 0.0;
                foreach (var value in column)
                {
                    sum += value;
                }

                mean[i] = sum / column.Length;
                Array.Sort(column);
                lower[i] = Statistics.Percentile(column, 0.05);
                upper[i] = Statistics.Percentile(column, 0.95);
            }

            result.Add(new SeriesSummary(template.Id, template.Name, template.Unit, template.Direction, template.Stage, first.StepHours, mean, lower, upper) { CargoClass = template.CargoClass });
        }

        return result;
    }

    private static List<DailySummary> SummariseDays(IReadOnlyList<ReplicationResult> replications)
    {
        var perDay = new SortedDictionary<(NodaTime.LocalDate Date, string Direction), double[]>();
        for (var r = 0; r < replications.Count; r++)
        {
            foreach (var count in replications[r].ServedPerDay)
            {
                var key = (count.Date, count.Direction);
                if (!perDay.TryGetValue(key, out var totals))
                {
                    totals = new double[replications.Count];
                    perDay.Add(key, totals);
                }

                totals[r] += count.Trucks;
            }
        }

        return [.. perDay.Select(p =>
        {
            var s = Statistics.Summarise(p.Value);
            return new DailySummary(p.Key.Date, p.Key.Direction, s.Mean, s.HalfWidth95);
        })];
    }

    private static List<WaitDistribution> SummariseWaits(IReadOnlyList<ReplicationResult> replications)
    {
        var result = new List<WaitDistribution>();
        if (replications.Count == 0)
        {
            return result;
        }

        foreach (var cargoClass in replications[0].WaitHoursByClass.Keys)
        {
            var pooled = new Engine.Statistics.QuantileSketch(replications[0].WaitHoursByClass[cargoClass].RelativeAccuracy);
            foreach (var replication in replications)
            {
                pooled.Merge(replication.WaitHoursByClass[cargoClass]);
            }

            if (pooled.Count == 0)
            {
                continue;
            }

            var points = Enumerable.Range(0, 101).Select(i => (i / 100.0, pooled.Quantile(i / 100.0))).ToList();
            result.Add(new WaitDistribution(cargoClass, pooled.Count, points));
        }

        return result;
    }
}
