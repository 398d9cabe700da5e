using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using static BorderSim.Model.Tests.SpecBuilder;

namespace BorderSim.Model.Tests;

/// <summary>The step the files get by default: the finest readable step that keeps a series at 2,500 samples or fewer.</summary>
public class TimeSeriesOutputTests
{
    private static ScenarioSpec Days(int days) =>
        Scenario([new DirectionSpec("export", Flat(100), [Check("booth", 2, new Deterministic(0.1))])], days: days, warmUpHours: 0, replications: 2);

    // Samples per series = days × 24 × 60 / step + 1: 26 days at 15 min is 2,497; 27 days 2,593, so 30 min (1,297).
    [TestCase(1, 15)]
    [TestCase(21, 15)]
    [TestCase(26, 15)]
    [TestCase(27, 30)]
    [TestCase(52, 30)]
    [TestCase(53, 60)]
    [TestCase(104, 60)]
    [TestCase(105, 120)]
    [TestCase(312, 180)]
    [TestCase(313, 360)]
    [TestCase(365, 360)]
    [TestCase(624, 360)]
    [TestCase(625, 720)]
    [TestCase(1249, 720)]
    [TestCase(1250, 1440)]
    [TestCase(36_600, 1440)]
    public void The_default_step_is_the_finest_readable_one_within_2500_samples(int days, double expectedMinutes)
    {
        ScenarioSpec scenario = Days(days);
        Assert.That(TimeSeriesOutput.StepMinutes(scenario), Is.EqualTo(expectedMinutes));
        Assert.That(TimeSeriesOutput.Stride(scenario), Is.EqualTo((int)(expectedMinutes / 15)));
        if (expectedMinutes < 1440)
        {
            Assert.That(TimeSeriesOutput.SamplesPerSeries(days, expectedMinutes), Is.LessThanOrEqualTo(TimeSeriesOutput.MaxSamplesPerSeries));
        }
    }

    [Test]
    public void A_step_the_scenario_sets_is_written_whole_however_long_the_run()
    {
        ScenarioSpec scenario = Days(365) with { IsTimeseriesStepSet = true };
        Assert.That(TimeSeriesOutput.Stride(scenario), Is.EqualTo(1));
        Assert.That(TimeSeriesOutput.StepMinutes(scenario), Is.EqualTo(15));
    }

    [Test]
    public void A_sampling_step_that_no_readable_step_is_a_multiple_of_is_written_whole()
    {
        // 7 min: no step of the list is a multiple of it, so every sample is written rather than a skewed one.
        ScenarioSpec scenario = Days(365) with { TimeseriesStepMinutes = 7 };
        Assert.That(TimeSeriesOutput.Stride(scenario), Is.EqualTo(1));
    }

    [Test]
    public void The_written_series_are_every_kth_sample_of_the_run_with_the_same_values()
    {
        // 30 days at 15 min: 2,881 samples; written at 30 min: samples 0, 2, 4, ... 2,880 (1,441).
        ExperimentResult result = ExperimentRunner.Run(Days(30), new RunOptions(Threads: 2));
        IReadOnlyList<SeriesSummary> written = TimeSeriesOutput.Of(result);
        Assert.That(written, Has.Count.EqualTo(result.TimeSeries.Count));
        for (int s = 0; s < written.Count; s++)
        {
            SeriesSummary all = result.TimeSeries[s];
            SeriesSummary kept = written[s];
            Assert.That((kept.Id, kept.StepHours, all.Mean.Length, kept.Mean.Length), Is.EqualTo((all.Id, 0.5, 2881, 1441)));
            for (int i = 0; i < kept.Mean.Length; i++)
            {
                Assert.That((kept.Mean[i], kept.Lower[i], kept.Upper[i]), Is.EqualTo((all.Mean[2 * i], all.Lower[2 * i], all.Upper[2 * i])), $"{kept.Id} sample {i}");
            }
        }

        Assert.That(result.TimeSeries.Sum(s => s.Mean.Sum()), Is.GreaterThan(0), "the series are not all zero");
    }
}
