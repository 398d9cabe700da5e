using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Reporting.Tests;

public class PlannerPlotsTests
{
    /// <summary>A run of <paramref name="days"/> days, 1 h steps, whose export queue at vn_customs is <paramref name="queue"/>(day, local hour).</summary>
    private static ExperimentResult WithQueue(int days, double warmUpHours, Func<int, int, double> queue)
    {
        ScenarioSpec scenario = SampleResults.Scenario(days: days);
        int samples = (days * 24) + 1;
        double[] mean = [.. Enumerable.Range(0, samples).Select(i => queue(i / 24, i % 24))];
        // Two stages of one direction: the plot adds their means (a truck waits at one stage at a time).
        double[] other = [.. Enumerable.Range(0, samples).Select(_ => 1.0)];
        SeriesSummary Series(string stage, double[] values) => new($"waiting_trucks/export/{stage}", "waiting_trucks", "trucks", "export", stage, 1.0, values, values, values);
        return new ExperimentResult(scenario, warmUpHours, "fixed", [], [Series("vn_customs", mean), Series("cn_inspection", other)], [], [], []);
    }

    [Test]
    public void The_queue_by_hour_of_day_is_the_mean_over_days_of_each_hour_summed_over_the_stages()
    {
        // Queue = 10 × day + hour at vn_customs, 1 at cn_inspection; warm-up the first day. Days 1..3 count fully
        // (day 4 only at 00:00, the run's last sample): hour h is (10 + 20 + 30) / 3 + h + 1 = 21 + h for h >= 1,
        // and at 00:00 the days are 1, 2, 3 and 4: (10 + 20 + 30 + 40) / 4 + 1 = 26.
        ExperimentResult result = WithQueue(days: 4, warmUpHours: 24, (day, hour) => (10 * day) + hour);
        var (mean, low, high, days) = PlannerPlots.QueueByHourOfDay(result, "export");
        Assert.Multiple(() =>
        {
            Assert.That(mean[5], Is.EqualTo(26).Within(1e-9));
            Assert.That(mean[23], Is.EqualTo(44).Within(1e-9));
            Assert.That(mean[0], Is.EqualTo(26).Within(1e-9));
            // Band: 10th and 90th percentiles of the days' values 16, 26, 36 at 05:00 (linear between order statistics): 18 and 34.
            Assert.That(low[5], Is.EqualTo(18).Within(1e-9));
            Assert.That(high[5], Is.EqualTo(34).Within(1e-9));
            Assert.That(days, Is.EqualTo(3), "days 1 to 3 are whole; day 4 has only its 00:00, which counts in the mean but is no whole day");
        });
    }

    [Test]
    public void Samples_within_one_hour_are_averaged_before_the_days_are()
    {
        ScenarioSpec scenario = SampleResults.Scenario(days: 1);
        // 15-minute samples at 07:00, 07:15, 07:30, 07:45 with 0, 4, 8, 12 trucks: hour 7 averages 6.
        double[] values = new double[97];
        for (int k = 28; k < 32; k++)
        {
            values[k] = 4 * (k - 28);
        }

        var series = new SeriesSummary("waiting_trucks/export/vn_customs", "waiting_trucks", "trucks", "export", "vn_customs", 0.25, values, values, values);
        var result = new ExperimentResult(scenario, 0, "fixed", [], [series], [], [], []);
        var (mean, _, _, _) = PlannerPlots.QueueByHourOfDay(result, "export");
        Assert.Multiple(() =>
        {
            Assert.That(mean[7], Is.EqualTo(6).Within(1e-12));
            Assert.That(mean[8], Is.EqualTo(0));
        });
    }

    [Test]
    public void The_views_count_the_model_s_waiting_trucks_and_no_other_series()
    {
        // The model says which trucks wait (waiting_trucks; none for a destination yard, see WaitingTrucksTests in the model's tests):
        // a queue or a yard's occupancy beside it is not counted again.
        ScenarioSpec scenario = SampleResults.Scenario(days: 1) with
        {
            Directions = [new DirectionSpec("export", SampleResults.Scenario().Directions[0].Arrivals, [new CheckStageSpec("vn_customs", 2, null, [], null), new YardStageSpec("pochai_yard", null, false, 19, null, null, null)])],
        };
        double[] ones = [.. Enumerable.Repeat(1.0, 25)];
        double[] many = [.. Enumerable.Repeat(50.0, 25)];
        var result = new ExperimentResult(scenario, 0, "fixed", [],
            [
                new SeriesSummary("queue_trucks/export/vn_customs", "queue_trucks", "trucks", "export", "vn_customs", 1, ones, ones, ones),
                new SeriesSummary("waiting_trucks/export/vn_customs", "waiting_trucks", "trucks", "export", "vn_customs", 1, ones, ones, ones),
                new SeriesSummary("yard_parked_trucks/export/pochai_yard", "yard_parked_trucks", "trucks", "export", "pochai_yard", 1, many, many, many),
                new SeriesSummary("yard_occupancy_trucks/export/pochai_yard", "yard_occupancy_trucks", "trucks", "export", "pochai_yard", 1, many, many, many),
            ], [], [], []);
        Assert.That(PlannerPlots.QueueByHourOfDay(result, "export").Mean[3], Is.EqualTo(1));
    }

    [Test]
    public void The_planner_plots_draw_in_both_languages_with_Vietnamese_words()
    {
        ExperimentResult result = SampleResults.Realistic(days: 4);
        foreach (ReportLanguage lang in new[] { ReportLanguage.English, ReportLanguage.Vietnamese })
        {
            ScottPlot.Plot? hours = PlannerPlots.QueueByHourOfDayPlot(result, lang);
            ScottPlot.Plot? split = PlannerPlots.UtilisationPlot(result, lang);
            Assert.That(hours, Is.Not.Null);
            Assert.That(split, Is.Not.Null);
            string svg = hours!.GetSvgXml(1400, 700) + split!.GetSvgXml(1400, 700);
            Assert.That(svg, lang.IsVietnamese ? Does.Contain("số xe chờ theo giờ trong ngày").And.Contain("điểm nghẽn") : Does.Contain("trucks waiting by hour of day").And.Contain("[binding]"));
        }
    }
}
