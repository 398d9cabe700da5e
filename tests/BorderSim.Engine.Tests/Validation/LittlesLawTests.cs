using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests.Validation;

/// <summary>Little's law L = λW on the simulated output itself.</summary>
public class LittlesLawTests
{
    private const double ServicesPerHour = 4;
    private const int Lanes = 3;

    [TestCase(0.5)]
    [TestCase(0.7)]
    [TestCase(0.9)]
    public void Time_average_in_system_equals_throughput_times_mean_time_in_system(double utilisation)
    {
        var arrivalsPerHour = utilisation * Lanes * ServicesPerHour;
        var model = new QueueModel(arrivalsPerHour, new ExponentialDistribution(1 / ServicesPerHour), Lanes, systemCapacity: null, seed: 4000 + (ulong)(utilisation * 10));

        // Start empty and end empty: then L·T = Σ Wᵢ holds exactly on every sample path, so with
        // λ = n/T and W = Σ Wᵢ/n, L = λW up to floating-point rounding (1e-9 relative over 10⁵ sums).
        var run = model.RunUntilEmpty(arrivingHours: 100_000 / arrivalsPerHour);
        var inSystem = run.InSystemTruckHours / run.EndHours;
        var throughputPerHour = run.Served / run.EndHours;
        var meanSojournHours = run.SojournTruckHours / run.Served;

        Assert.That(inSystem, Is.EqualTo(throughputPerHour * meanSojournHours).Within(1e-9).Percent);

        // And both sides near the M/M/c answer: L = Lq + a. The run is one replication of 10⁵ trucks
        // with a start-up and a drain, so only a loose bound (20 %) is claimed; the tight check is above.
        Assert.That(inSystem, Is.EqualTo(QueueingTheory.MMcMeanInSystem(Lanes, arrivalsPerHour, ServicesPerHour)).Within(20).Percent);
    }
}
