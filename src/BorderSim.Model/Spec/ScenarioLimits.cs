namespace BorderSim.Model.Spec;

/// <summary>
/// The bounds on what a scenario may ask for, in one place so the YAML validator, the command-line options
/// and the README agree. Each keeps a run's dates, memory and time finite; none is close to a real crossing.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Longest run, in days (about 100 years): the clock's dates stay far inside NodaTime's range.</summary>
    public const int MaxDays = 36_600;

    /// <summary>Smallest timeseries_step, in minutes: finer than the minute says nothing a planner can read.</summary>
    public const double MinTimeSeriesStepMinutes = 1;

    /// <summary>
    /// Most points of one time series (days × 24 h / timeseries_step): 400 days at 15 minutes. Each point is a
    /// row per series in timeseries.csv; a step of 1 s over a year wrote 2.7 GB.
    /// </summary>
    public const int MaxTimeSeriesPoints = 38_400;

    /// <summary>Most trucks in one line of a starting backlog: a million is far beyond any queue at a crossing, and each is a truck in memory.</summary>
    public const int MaxBacklogTrucks = 1_000_000;

    /// <summary>Points of one time series over <paramref name="days"/> at a step of <paramref name="stepMinutes"/>.</summary>
    public static long TimeSeriesPoints(int days, double stepMinutes) => (long)Math.Ceiling(days * 24.0 * 60.0 / stepMinutes);

    /// <summary>The smallest whole-minute step that keeps <paramref name="days"/> within <see cref="MaxTimeSeriesPoints"/>.</summary>
    public static double SmallestTimeSeriesStepMinutes(int days) => Math.Ceiling(days * 24.0 * 60.0 / MaxTimeSeriesPoints);
}
