using BorderSim.Engine.Statistics;

namespace BorderSim.Engine.Tests;

public class TimeWeightedStatisticTests
{
    [Test]
    public void Mean_and_variance_weight_each_value_by_how_long_it_held()
    {
        // 0 on [0, 2), 4 on [2, 5), 1 on [5, 10).
        var queue = new TimeWeightedStatistic();
        queue.Observe(2, 4);
        queue.Observe(5, 1);

        // Mean (0·2 + 4·3 + 1·5) / 10 = 1.7; E[x²] = (16·3 + 1·5) / 10 = 5.3; variance 5.3 − 1.7² = 2.41.
        Assert.That(queue.Mean(10), Is.EqualTo(1.7).Within(1e-12));
        Assert.That(queue.Variance(10), Is.EqualTo(2.41).Within(1e-12));
        Assert.That(queue.Integral(10), Is.EqualTo(17.0).Within(1e-12));
        Assert.That(queue.Min, Is.EqualTo(0.0));
        Assert.That(queue.Max, Is.EqualTo(4.0));
        Assert.That(queue.Current, Is.EqualTo(1.0));
    }

    [Test]
    public void Add_changes_the_value_by_a_delta()
    {
        var trucksInYard = new TimeWeightedStatistic(startHours: 0, initialValue: 2);
        trucksInYard.Add(1, +3);
        trucksInYard.Add(3, -4);

        // 2 on [0, 1), 5 on [1, 3), 1 on [3, 4): (2 + 10 + 1) / 4.
        Assert.That(trucksInYard.Mean(4), Is.EqualTo(13.0 / 4).Within(1e-12));
    }

    [Test]
    public void Reset_forgets_the_warm_up_but_keeps_the_current_value()
    {
        var queue = new TimeWeightedStatistic();
        queue.Observe(1, 100);
        queue.Observe(2, 3);
        queue.Reset(5);
        queue.Observe(7, 1);

        // After the reset: 3 on [5, 7), 1 on [7, 9).
        Assert.That(queue.Mean(9), Is.EqualTo(2.0).Within(1e-12));
        Assert.That(queue.Max, Is.EqualTo(3.0));
    }

    [Test]
    public void Observing_back_in_time_is_refused()
    {
        var queue = new TimeWeightedStatistic();
        queue.Observe(3, 1);

        Assert.That(() => queue.Observe(2, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
