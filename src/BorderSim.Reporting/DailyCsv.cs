using BorderSim.Model.Results;
using NodaTime.Text;

namespace BorderSim.Reporting;

/// <summary>
/// daily.csv: one row per local date of the scenario's zone, direction and cargo class (class <c>all</c> = every
/// class of the direction), every day of the run including the warm-up. Columns: date (YYYY-MM-DD), direction,
/// class, warm_up (1 if the day began before the warm-up ended: its trucks are outside summary.csv's
/// statistics), replications; then for arrived (trucks that arrived that day), served (left served that day),
/// gave_up (gave up waiting that day: their patience ran out), turned_away (turned away on arrival by a ban),
/// left_on_event (already in line, left when a suspension or ban started that day), moved_on_event (already in
/// line, moved to another route when their origin's route was suspended that day: an arrival there),
/// diverted (sent to this route by an origin's rule, took another route), backlog_end_of_day (trucks in the
/// system when the day ended, at the next local midnight or the end of the run) and held_at_origin_end_of_day
/// (trucks a ban held at their origin then: not yet arrived, not in the backlog) the mean over replications and
/// its Student-t 95% half-width (<c>_ci95</c>); then wait_hours_mean, the mean over replications of the mean wait of the trucks served that
/// day, its half-width, and wait_replications, the replications that served at least one such truck (the
/// others have no wait to average). A half-width is empty with fewer than two replications.
/// </summary>
public static class DailyCsv
{
    public const string FileName = "daily.csv";

    public static readonly string[] Header =
    [
        "date", "direction", "class", "warm_up", "replications",
        "arrived_mean", "arrived_ci95", "served_mean", "served_ci95", "gave_up_mean", "gave_up_ci95",
        "turned_away_mean", "turned_away_ci95", "left_on_event_mean", "left_on_event_ci95", "moved_on_event_mean", "moved_on_event_ci95", "diverted_mean", "diverted_ci95",
        "backlog_end_of_day_mean", "backlog_end_of_day_ci95", "held_at_origin_end_of_day_mean", "held_at_origin_end_of_day_ci95", "wait_hours_mean", "wait_hours_ci95", "wait_replications",
    ];

    public static void Write(ExperimentResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header);
        foreach (DaySummary day in result.Daily)
        {
            csv.WriteRow(
                LocalDatePattern.Iso.Format(day.Date),
                day.Direction,
                day.CargoClass,
                day.InWarmUp ? "1" : "0",
                CsvNumbers.Format(day.Arrived.Replications),
                CsvNumbers.Format(day.Arrived.Mean),
                CsvNumbers.Format(day.Arrived.HalfWidth95),
                CsvNumbers.Format(day.Served.Mean),
                CsvNumbers.Format(day.Served.HalfWidth95),
                CsvNumbers.Format(day.GaveUp.Mean),
                CsvNumbers.Format(day.GaveUp.HalfWidth95),
                CsvNumbers.Format(day.TurnedAway.Mean),
                CsvNumbers.Format(day.TurnedAway.HalfWidth95),
                CsvNumbers.Format(day.LeftOnEvent.Mean),
                CsvNumbers.Format(day.LeftOnEvent.HalfWidth95),
                CsvNumbers.Format(day.MovedOnEvent.Mean),
                CsvNumbers.Format(day.MovedOnEvent.HalfWidth95),
                CsvNumbers.Format(day.Diverted.Mean),
                CsvNumbers.Format(day.Diverted.HalfWidth95),
                CsvNumbers.Format(day.BacklogAtEnd.Mean),
                CsvNumbers.Format(day.BacklogAtEnd.HalfWidth95),
                CsvNumbers.Format(day.HeldAtOriginAtEnd.Mean),
                CsvNumbers.Format(day.HeldAtOriginAtEnd.HalfWidth95),
                CsvNumbers.Format(day.WaitHours.Mean),
                CsvNumbers.Format(day.WaitHours.HalfWidth95),
                CsvNumbers.Format(day.WaitHours.Replications));
        }
    }

    public static void WriteFile(ExperimentResult result, string path) => AtomicFile.WriteText(path, w => Write(result, w));
}
