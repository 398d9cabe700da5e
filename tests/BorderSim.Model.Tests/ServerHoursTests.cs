using BorderSim.Engine.Statistics;
using BorderSim.Model.Crossing;

namespace BorderSim.Model.Tests;

/// <summary>A stage's server-hours by state, against a hand count and against five separate time-weighted statistics.</summary>
public class ServerHoursTests
{
    [Test]
    public void Server_hours_are_the_hand_count_and_a_reset_forgets_what_came_before()
    {
        // 2 available and 3 staffed throughout; serving 0 on [0, 1), 1 on [1, 3), 2 on [3, 4), 1 on [4, 5); blocked 1 on [4, 5).
        var hours = new ServerHours(available: 2, staffed: 3);
        hours.Observe(1, serving: 1, blocked: 0, heldBack: 0, available: 2, staffed: 3);
        hours.Observe(3, serving: 2, blocked: 0, heldBack: 0, available: 2, staffed: 3);
        hours.Observe(4, serving: 1, blocked: 1, heldBack: 0, available: 2, staffed: 3);
        Assert.Multiple(() =>
        {
            Assert.That(hours.Serving(5), Is.EqualTo((1 * 2) + (2 * 1) + (1 * 1)));
            Assert.That(hours.Blocked(5), Is.EqualTo(1));
            Assert.That(hours.HeldBack(5), Is.Zero);
            Assert.That(hours.Available(5), Is.EqualTo(10));
            Assert.That(hours.Staffed(5), Is.EqualTo(15));
        });

        hours.Reset(4.5);
        Assert.That(hours.Serving(5), Is.EqualTo(0.5), "from the reset on: 1 serving for half an hour");
        Assert.That(hours.Staffed(5), Is.EqualTo(1.5));
    }

    [Test]
    public void Each_series_is_bit_for_bit_what_its_own_time_weighted_statistic_gives()
    {
        // The fused clock must not change a single sum: the utilisation shares of every shipped scenario depend on it.
        var hours = new ServerHours(available: 4, staffed: 6);
        var serving = new TimeWeightedStatistic();
        var staffed = new TimeWeightedStatistic(0, 6);
        var random = new Random(11);
        var now = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            now += random.NextDouble() * 0.37;
            var busy = random.Next(0, 5);
            var staff = 4 + random.Next(0, 3);
            hours.Observe(now, busy, blocked: 0, heldBack: 0, available: 4, staffed: staff);
            serving.Observe(now, busy);
            staffed.Observe(now, staff);
            if (i == 5_000)
            {
                hours.Reset(now);
                serving.Reset(now);
                staffed.Reset(now);
            }
        }

        Assert.That(hours.Serving(now + 1), Is.EqualTo(serving.Integral(now + 1)).Within(0));
        Assert.That(hours.Staffed(now + 1), Is.EqualTo(staffed.Integral(now + 1)).Within(0));
    }

    [Test]
    public void An_observation_back_in_time_is_refused()
    {
        var hours = new ServerHours(available: 1, staffed: 1);
        hours.Observe(2, 1, 0, 0, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => hours.Observe(1, 0, 0, 0, 1, 1));
    }
}
