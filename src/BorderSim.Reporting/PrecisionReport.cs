using System.Globalization;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The sentence that says how a precision target (<c>--precision</c>) ended: met, met trivially by a metric
/// that is 0 in every replication, or missed at the replication limit (a warning; <c>run</c> exits 1).
/// </summary>
public static class PrecisionReport
{
    public const string NotMetWord = "PRECISION NOT MET";

    public static string Line(PrecisionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string withValue = outcome.ReplicationsWithValue < outcome.Replications
            ? string.Format(CultureInfo.InvariantCulture, "; only {0} of the {1} replications gave it a value (no truck of its kind was served in the others)", outcome.ReplicationsWithValue, outcome.Replications)
            : "";
        return outcome.Stop switch
        {
            PrecisionStop.TargetMet => string.Format(
                CultureInfo.InvariantCulture,
                "precision: {0} half-width {1} of the mean after {2} replications (target {3} met){4}",
                outcome.MetricId, Percent(outcome.ReachedShare), outcome.Replications, Percent(outcome.WantedShare), withValue),
            PrecisionStop.AlwaysZero => string.Format(
                CultureInfo.InvariantCulture,
                "precision: {0} is 0 in every one of the {1} replications (mean 0, half-width 0); a share of a mean of 0 measures nothing, so the run stopped at its minimum of {1} replications: the estimate is exactly 0 as far as the replications show (target {2} counted as met){3}",
                outcome.MetricId, outcome.Replications, Percent(outcome.WantedShare), withValue),
            _ => string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1} half-width {2} after {3} replications, target {4}; stopped at --max-replications {3}, so its interval is wider than asked{5}{6} (exit code 1)",
                NotMetWord,
                outcome.MetricId,
                double.IsNaN(outcome.ReachedShare) ? $"{SummaryTable.FormatNumber(outcome.HalfWidth95)} around a mean of {SummaryTable.FormatNumber(outcome.Mean)}" : Percent(outcome.ReachedShare) + " of the mean",
                outcome.Replications,
                Percent(outcome.WantedShare),
                NearZeroHint(outcome),
                withValue),
        };
    }

    // A mean small against its spread: a relative target needs very many replications, whatever the limit.
    private static string NearZeroHint(PrecisionOutcome outcome) =>
        double.IsNaN(outcome.ReachedShare) || outcome.ReachedShare > 1
            ? "; the mean is close to 0 against its spread, so a relative half-width is a poor target for this metric"
            : "";

    /// <summary>
    /// A share as a percentage with up to three decimals ("4.9%"), and below 0.1% with three significant digits
    /// ("0.0001%" for a 1e-6 target, never "0.0%"); "-" for NaN; invariant culture.
    /// </summary>
    public static string Percent(double share)
    {
        double percent = share * 100;
        if (double.IsNaN(share))
        {
            return "-";
        }

        if (percent == 0 || Math.Abs(percent) >= 0.1)
        {
            return percent.ToString("0.0##", CultureInfo.InvariantCulture) + "%";
        }

        double rounded = double.Parse(percent.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string plain = rounded.ToString("0.##########", CultureInfo.InvariantCulture);
        return (plain.Length <= 12 && plain != "0" ? plain : percent.ToString("G3", CultureInfo.InvariantCulture)) + "%";
    }
}
