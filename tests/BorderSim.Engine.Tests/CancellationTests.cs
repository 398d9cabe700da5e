using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class CancellationTests
{
    [Test]
    public void A_cancelled_run_stops_within_one_check_interval_of_events()
    {
        // A process that never ends: only the token can stop the run.
        var sim = new Simulation();
        using var cancel = new CancellationTokenSource();
        const long CancelAtEvent = 10_000;
        long cancelledAtEvent = -1;
        IEnumerable<SimEvent> Forever()
        {
            while (true)
            {
                yield return sim.Timeout(1.0 / 60);
                if (sim.ProcessedEventCount == CancelAtEvent)
                {
                    cancelledAtEvent = sim.ProcessedEventCount;
                    cancel.Cancel();
                }
            }
        }

        sim.Process(Forever());

        Assert.That(() => sim.Run(double.PositiveInfinity, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(cancelledAtEvent, Is.EqualTo(CancelAtEvent));
        Assert.That(sim.ProcessedEventCount - cancelledAtEvent, Is.InRange(0, Simulation.CancellationCheckEvents), "checked every CancellationCheckEvents events");
    }

    [Test]
    public void A_run_whose_token_is_never_cancelled_runs_to_its_end()
    {
        var sim = new Simulation();
        var fired = 0;
        IEnumerable<SimEvent> Ticks()
        {
            for (var i = 0; i < 20_000; i++)
            {
                yield return sim.Timeout(1);
                fired++;
            }
        }

        sim.Process(Ticks());
        using var cancel = new CancellationTokenSource();
        sim.Run(double.PositiveInfinity, cancel.Token);
        Assert.That(fired, Is.EqualTo(20_000));
    }
}
