using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

public class PlotBucketTests
{
    [Test]
    public void A_short_run_is_plotted_sample_by_sample()
    {
        ExperimentResult result = SampleResults.Realistic(days: 10);
        SeriesSummary series = result.TimeSeries[0];
        var (xs, mean, lower, upper, bucketHours) = Plots.Bucketed(result, series);
        Assert.That(bucketHours, Is.Zero);
        Assert.That(xs, Has.Length.EqualTo(series.Mean.Length));
        Assert.That(mean, Is.EqualTo(series.Mean));
        Assert.That(lower, Is.EqualTo(series.Lower));
        Assert.That(upper, Is.EqualTo(series.Upper));
    }

    [Test]
    public void A_simulated_year_is_plotted_per_day_without_hiding_excursions()
    {
        ExperimentResult result = SampleResults.Realistic(days: 365);
        SeriesSummary series = result.TimeSeries[0];
        var (xs, mean, lower, upper, bucketHours) = Plots.Bucketed(result, series);

        Assert.That(bucketHours, Is.EqualTo(24));
        Assert.That(xs, Has.Length.LessThanOrEqualTo(Plots.MaxPointsPerSeries).And.Length.EqualTo(366), "365 whole days and the closing sample");
        Assert.That(xs, Is.Ordered.Ascending);

        // Day 100: the line is the day's mean; the band spans the day's lowest p05 and highest p95.
        const int perDay = 96;
        var day = Enumerable.Range(100 * perDay, perDay).ToList();
        Assert.That(mean[100], Is.EqualTo(day.Average(i => series.Mean[i])).Within(1e-9));
        Assert.That(lower[100], Is.EqualTo(day.Min(i => series.Lower[i])));
        Assert.That(upper[100], Is.EqualTo(day.Max(i => series.Upper[i])));
    }
}
