namespace BorderSim.Reporting.Tests;

public class TimeSeriesCsvTests
{
    [Test]
    public void Time_series_csv_matches_the_golden_file()
    {
        using var writer = new StringWriter();
        TimeSeriesCsv.Write(SampleResults.Small(), writer);
        TestFiles.AssertMatchesGolden(writer.ToString(), "timeseries.csv");
    }

    [Test]
    public void Time_series_has_one_row_per_sample_and_series_with_local_times()
    {
        var result = SampleResults.Realistic(days: 2);
        using var writer = new StringWriter();
        TimeSeriesCsv.Write(result, writer);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int samples = result.TimeSeries[0].Mean.Length;
        Assert.That(lines, Has.Length.EqualTo(1 + samples * result.TimeSeries.Count));

        // Sample 68 of each series is 17:00 local on the first day (step 15 min), in Asia/Ho_Chi_Minh.
        string row = lines[1 + 68 * result.TimeSeries.Count];
        Assert.That(row, Does.StartWith("2026-06-01T17:00:00,17,yard_parked_trucks/export/vn_yard,yard_parked_trucks,export,,vn_yard,trucks,"));
        Assert.That(lines[^1], Does.StartWith("2026-06-03T00:00:00,48,highway_queue_km/export,highway_queue_km,export,,,km,"));
    }
}
