using BorderSim.Engine.Randomness;
using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>A direction of traffic (export VN→CN, import CN→VN): its arrivals and its stages in order.</summary>
public sealed record DirectionSpec(string Name, ArrivalSpec Arrivals, IReadOnlyList<StageSpec> Stages)
{
    /// <summary>Trucks already waiting when the run starts.</summary>
    public IReadOnlyList<BacklogSpec> Backlog { get; init; } = [];

    /// <summary>
    /// The yard that ends the route, if the route ends in one: its trucks dwell there to unload, they do not queue,
    /// so the model counts none of them as waiting and the views draw it apart from the queues.
    /// </summary>
    public YardStageSpec? DestinationYard => Stages.Count > 0 ? Stages[^1] as YardStageSpec : null;
}

/// <summary>
/// <paramref name="Trucks"/> trucks of class <paramref name="CargoClass"/> already waiting when the run starts,
/// at stage <paramref name="Stage"/> (in its yard or its queue) or, when it is <see cref="Highway"/> (or null), on
/// the highway in front of the direction's first stage. Each has waited for a time drawn from
/// <paramref name="AgeHours"/> (null = just arrived); the oldest is first in line.
/// </summary>
public sealed record BacklogSpec(string? Stage, string CargoClass, int Trucks, Distribution? AgeHours)
{
    /// <summary>The word for the highway in front of the first stage.</summary>
    public const string Highway = "highway";
}

/// <summary>
/// Non-homogeneous Poisson arrivals. The rate at local time t (scenario zone) is
/// TrucksPerDay × HourlyProfile[hour]/mean(HourlyProfile) × weekday factor × month factor × surge factors,
/// per hour divided by 24; the class of each truck is drawn from <see cref="ClassMix"/> (times the
/// class-specific surges).
/// </summary>
/// <param name="TrucksPerDay">Average trucks a day before factors.</param>
/// <param name="HourlyProfile">24 relative weights, hour 0 first; all equal = flat.</param>
/// <param name="WeekdayFactors">Multipliers per day of week; missing = 1.</param>
/// <param name="MonthFactors">Multipliers per month 1–12; missing = 1.</param>
/// <param name="Surges">Dated multipliers (a durian peak, a pre-Tết rush).</param>
/// <param name="ClassMix">Share of each class; they sum to 1.</param>
public sealed record ArrivalSpec(
    double TrucksPerDay,
    IReadOnlyList<double> HourlyProfile,
    IReadOnlyDictionary<IsoDayOfWeek, double> WeekdayFactors,
    IReadOnlyDictionary<int, double> MonthFactors,
    IReadOnlyList<SurgeSpec> Surges,
    IReadOnlyDictionary<string, double> ClassMix)
{
    public static IReadOnlyList<double> Flat { get; } = [.. Enumerable.Repeat(1.0, 24)];

    /// <summary>
    /// An observed daily series (<c>trucks_per_day: { from: counts.csv, series: NAME }</c>): trucks arriving on each local
    /// date, used in place of <see cref="TrucksPerDay"/> on that date (then shaped by the hourly profile, surges and class
    /// mix as usual; weekday and month factors are not allowed with a series, which holds them already). A date of the
    /// run without a count (a run made longer with --days) takes <see cref="TrucksPerDay"/>, the series' mean over the
    /// scenario's own days. Null: the constant rate.
    /// </summary>
    public IReadOnlyDictionary<LocalDate, double>? DailyTrucks { get; init; }

    /// <summary>Where <see cref="DailyTrucks"/> came from (<c>counts.csv, series NAME</c>), for reports; empty without a series.</summary>
    public string DailySeriesSource { get; init; } = "";

    /// <summary>Trucks a day on local date <paramref name="date"/> before the factors: the series' count that day, else <see cref="TrucksPerDay"/>.</summary>
    public double TrucksOn(LocalDate date) => DailyTrucks is { } series && series.TryGetValue(date, out var count) ? count : TrucksPerDay;
}

/// <summary>From <see cref="From"/> to <see cref="To"/> (local days, inclusive) arrivals of <see cref="Classes"/> (all if empty) are multiplied by <see cref="Factor"/>.</summary>
public sealed record SurgeSpec(LocalDate From, LocalDate To, double Factor, IReadOnlyList<string> Classes, string Reason);
