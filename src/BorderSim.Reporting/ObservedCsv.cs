using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>
/// observed.csv: one row per observation the run covers, in the order of the scenario's observation files.
/// Columns, exactly: series (the observer's name), time (<c>2024-08-22</c> for a daily count, <c>2024-08-22T20:00</c>
/// for a snapshot, local to the scenario's zone), observed, model_mean (mean over replications), model_low and
/// model_high (the 95 % prediction band for one replication, <see cref="ObservationComparison.PredictionBand95"/>;
/// empty with a single replication). Units are the observation's own (trucks, or km for a queue length).
/// </summary>
public static class ObservedCsv
{
    public const string FileName = "observed.csv";

    public static readonly string[] Header = ["series", "time", "observed", "model_mean", "model_low", "model_high"];

    public static void Write(ObservationComparison comparison, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header);
        foreach (ObservedPoint point in comparison.Points)
        {
            csv.WriteRow(
                Csv.Text(point.Observation.Series),
                point.Observation.TimeLabel,
                CsvNumbers.Format(point.Observation.Value),
                CsvNumbers.Format(point.ModelMean),
                CsvNumbers.Format(point.ModelLow),
                CsvNumbers.Format(point.ModelHigh));
        }
    }
}
