using BorderSim.Model.Experiments;

namespace BorderSim.Reporting.Tests;

public class BaselineCsvTests
{
    private static readonly Baseline Sample = new(
        20260901,
        3,
        "0.1.0+abc",
        [
            new ReplicationValues("served_per_day/export/all", "trucks/day", [12.076923076923077, 0.1 + 0.2, 1e-300]),
            new ReplicationValues("wait_hours_p95/export/fruit", "h", [double.NaN, 2.5, -0.0]),
            new ReplicationValues("past_shelf_life/all/fruit", "trucks", [double.NaN, double.NaN, double.NaN]),
        ]);

    private static string Text(Baseline baseline)
    {
        using var writer = new StringWriter();
        BaselineCsv.Write(baseline, writer);
        return writer.ToString();
    }

    [Test]
    public void A_baseline_reads_back_bit_for_bit_with_its_seed_replications_and_version()
    {
        string text = Text(Sample);
        Assert.That(text, Does.StartWith(
            "# bordersim regression baseline: seed=20260901 replications=3 version=0.1.0+abc\n"
            + "metric,unit,mean,r1,r2,r3\n"
            + "served_per_day/export/all,trucks/day,"));
        Assert.That(text.Split('\n')[3], Is.EqualTo("wait_hours_p95/export/fruit,h,1.25,,2.5,-0"), "no observations is an empty cell; the mean is over the observed ones");

        Baseline read = BaselineCsv.Read(new StringReader(text), "b.csv");
        Assert.That((read.Seed, read.Replications, read.Version), Is.EqualTo((20260901UL, 3, "0.1.0+abc")));
        Assert.That(read.Metrics.Select(m => (m.Metric, m.Unit)), Is.EqualTo(Sample.Metrics.Select(m => (m.Metric, m.Unit))));
        for (int i = 0; i < Sample.Metrics.Count; i++)
        {
            Assert.That(read.Metrics[i].Values.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(Sample.Metrics[i].Values.Select(BitConverter.DoubleToInt64Bits)), Sample.Metrics[i].Metric);
        }
    }

    private static string SampleWith(Func<string[], string[]> edit) => string.Join('\n', edit(Text(Sample).TrimEnd('\n').Split('\n'))) + "\n";

    private static IEnumerable<TestCaseData> Damaged()
    {
        yield return new TestCaseData("", "b.csv:1: empty").SetName("An empty file");
        yield return new TestCaseData(SampleWith(l => l[..1]), "b.csv:2: cut short: no column header").SetName("A file cut after its first line");
        yield return new TestCaseData(SampleWith(l => l[..2]), "b.csv:3: cut short: no metric rows").SetName("A file cut after the column header");
        yield return new TestCaseData(SampleWith(l => [.. l[..^1], l[^1][..20]]), "b.csv:5: 1 fields, expected 6").SetName("A last row cut short");
        yield return new TestCaseData(SampleWith(l => [.. l[..2], l[2].Replace(",trucks/day,", ",trucks/day,12.1,x", StringComparison.Ordinal), .. l[3..]]), "b.csv:3: 7 fields, expected 6").SetName("A row with a field too many");
        yield return new TestCaseData(SampleWith(l => [.. l[..3], l[3].Replace(",2.5,", ",2.5e,", StringComparison.Ordinal), .. l[4..]]), "b.csv:4: 'wait_hours_p95/export/fruit': r2 is '2.5e', expected a number").SetName("A value that is not a number");
        yield return new TestCaseData(SampleWith(l => [.. l[..3], l[3].Replace(",2.5,", ",3.5,", StringComparison.Ordinal), .. l[4..]]), "b.csv:4: 'wait_hours_p95/export/fruit': mean 1.25 is not the mean of its replications (1.75)").SetName("A value edited without its mean");
        yield return new TestCaseData(SampleWith(l => [.. l, l[2]]), "b.csv:6: metric 'served_per_day/export/all' appears twice (first on line 3)").SetName("A metric twice");
        yield return new TestCaseData(SampleWith(l => [l[0].Replace("seed=20260901", "seed=-1", StringComparison.Ordinal), .. l[1..]]), "b.csv:1: seed=S missing or not a whole number").SetName("A negative seed");
        yield return new TestCaseData(SampleWith(l => [l[0].Replace("replications=3", "replications=4", StringComparison.Ordinal), .. l[1..]]), "b.csv:2: expected the columns metric,unit,mean,r1,…,r4 (7 columns, for replications=4), found 6").SetName("Replications that do not match the columns");
        yield return new TestCaseData("metric,name,direction,class,stage,unit,replications,mean,sd,ci95_half_width,min,max\nx,x,,,,h,5,1,0,0,1,1\n", "b.csv:1: an old baseline (means and standard deviations only").SetName("An old summary.csv baseline");
        yield return new TestCaseData("served,3\n", "b.csv:1: not a baseline").SetName("Some other CSV");
    }

    [TestCaseSource(nameof(Damaged))]
    public void A_damaged_baseline_is_refused_naming_the_file_and_line(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => BaselineCsv.Read(new StringReader(text), "b.csv"));
        Assert.That(error!.Message, Does.StartWith(expected));
    }
}
