using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The console view of a comparison, for a planner: for each alternative, the key metrics with the base
/// mean, the alternative's mean, the paired difference with its interval, the relative change and whether
/// the change is significant (the interval excludes zero). comparison.csv has every metric.
/// </summary>
public static class ComparisonTable
{
    /// <param name="result">The comparison.</param>
    /// <param name="labels">One label per scenario (base first), e.g. the file names.</param>
    /// <param name="writer">stdout.</param>
    public static void Write(ComparisonResult result, IReadOnlyList<string> labels, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(writer);
        ExperimentResult baseResult = result.Alternatives[0];
        int pairs = baseResult.Replications.Count;
        string streams = result.CommonRandomNumbers ? "common random numbers" : "independent random numbers";
        writer.Write(FormattableString.Invariant(
            $"base: {baseResult.Scenario.Label} ({labels[0]}): {pairs} replications of {baseResult.Scenario.Days} days, warm-up {SummaryTable.FormatNumber(baseResult.WarmUpHours)} h ({baseResult.WarmUpMethod}), {streams}\n"));
        WriteOverloads(baseResult, writer);

        IReadOnlyList<MetricKey> keys = KeyMetrics.Select(baseResult.Summary.Select(s => s.Key));
        for (int k = 1; k < result.Alternatives.Count; k++)
        {
            string name = result.Alternatives[k].Scenario.Name;
            List<MetricDifference> rows = [.. result.Differences.Where(d => d.Alternative == name)];
            double level = rows.Count > 0 ? rows[0].ConfidenceLevel : Comparison.FamilyConfidence;
            writer.Write("\n");
            writer.Write($"alternative {k + 1}: {name} ({labels[k]})\n");
            WriteOverloads(result.Alternatives[k], writer);
            var table = new TextTable("metric", "base", "alternative", $"difference [{ComparisonCsv.Percent(level)} CI]", "relative", "significant");
            Dictionary<MetricKey, MetricDifference> byKey = rows.ToDictionary(d => d.Key);
            foreach (MetricKey key in keys)
            {
                if (!byKey.TryGetValue(key, out MetricDifference? d))
                {
                    continue;
                }

                table.Add(
                    KeyMetrics.Label(key),
                    SummaryTable.FormatNumber(d.BaseMean),
                    SummaryTable.FormatNumber(d.AlternativeMean),
                    $"{Signed(d.Difference)} [{Signed(d.Lower)}, {Signed(d.Upper)}]",
                    double.IsFinite(d.RelativeChange) ? (d.RelativeChange * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-",
                    d.IsSignificant ? "yes" : "no");
            }

            if (table.Count == 0)
            {
                writer.Write("  (no key metrics in common; see comparison.csv)\n");
            }
            else
            {
                table.Write(writer, "  ");
            }
        }

        if (result.Alternatives.Any(a => a.DirectionLoads.Any(l => l.IsOverloaded)))
        {
            // A mean of an overloaded direction grows with the run, so its difference does too.
            writer.Write("\nnote: where a direction is overloaded, its means (waits, queues) grow with the run's length, and so do their differences: " +
                "read them as 'over these days', and compare served per day and backlog_growth_trucks_per_day, which do not depend on it\n");
        }

        int significant = result.Differences.Count(d => d.IsSignificant);
        writer.Write(FormattableString.Invariant(
            $"\n{significant} of {result.Differences.Count} metric differences significant; every metric is in comparison.csv\n"));
    }

    /// <summary>The OVERLOADED lines of one scenario, indented under its header.</summary>
    private static void WriteOverloads(ExperimentResult result, TextWriter writer)
    {
        foreach (string warning in LoadReport.Warnings(result))
        {
            writer.Write("  " + warning + "\n");
        }
    }

    /// <summary>A number with its sign: "+3.20", "-0.015", "0".</summary>
    public static string Signed(double value)
    {
        string text = SummaryTable.FormatNumber(value);
        return value > 0 ? "+" + text : text;
    }
}
