using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class ProcessTests
{
    [Test]
    public void A_timeout_resumes_the_process_after_its_delay()
    {
        var sim = new Simulation();
        var resumedAt = new List<double>();
        IEnumerable<SimEvent> Driver()
        {
            yield return sim.Timeout(1.5);
            resumedAt.Add(sim.NowHours);
            yield return sim.Timeout(0.25);
            resumedAt.Add(sim.NowHours);
        }

        sim.Start(Driver());
        sim.Run();

        Assert.That(resumedAt, Is.EqualTo(new[] { 1.5, 1.75 }).Within(1e-12));
    }

    [Test]
    public void A_zero_timeout_lets_the_other_processes_due_now_run_first()
    {
        var sim = new Simulation();
        var order = new List<string>();
        IEnumerable<SimEvent> First()
        {
            order.Add("first starts");
            yield return sim.Timeout(0);
            order.Add("first resumes");
        }

        IEnumerable<SimEvent> Second()
        {
            order.Add("second starts");
            yield break;
        }

        sim.Start(First());
        sim.Start(Second());
        sim.Run();

        Assert.That(order, Is.EqualTo(new[] { "first starts", "second starts", "first resumes" }));
        Assert.That(sim.NowHours, Is.Zero);
    }

    [Test]
    public void A_negative_timeout_is_refused()
    {
        var sim = new Simulation();
        Assert.That(() => sim.Timeout(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_process_waiting_on_another_process_resumes_when_that_one_ends()
    {
        var sim = new Simulation();
        double parentResumedAt = double.NaN;
        IEnumerable<SimEvent> Inspection()
        {
            yield return sim.Timeout(2);
            yield return sim.Timeout(3);
        }

        Process? inspection = null;
        IEnumerable<SimEvent> Truck()
        {
            inspection = sim.Process(Inspection());
            yield return sim.Timeout(1);
            Assert.That(inspection.IsAlive, Is.True);
            yield return inspection;
            parentResumedAt = sim.NowHours;
        }

        sim.Start(Truck());
        sim.Run();

        Assert.That(parentResumedAt, Is.EqualTo(5.0).Within(1e-12));
        Assert.That(inspection!.IsAlive, Is.False);
        Assert.That(inspection.IsProcessed, Is.True);
    }

    [Test]
    public void Yielding_a_process_that_has_already_ended_continues_at_once()
    {
        var sim = new Simulation();
        double resumedAt = double.NaN;
        IEnumerable<SimEvent> Quick()
        {
            yield return sim.Timeout(1);
        }

        IEnumerable<SimEvent> Late(Process quick)
        {
            yield return sim.Timeout(4);
            yield return quick;
            resumedAt = sim.NowHours;
        }

        var quickProcess = sim.Process(Quick());
        sim.Start(Late(quickProcess));
        sim.Run();

        Assert.That(resumedAt, Is.EqualTo(4.0));
    }

    [Test]
    public void Two_processes_can_wait_on_the_same_process()
    {
        var sim = new Simulation();
        var resumed = new List<(string Who, double AtHours)>();
        IEnumerable<SimEvent> Customs()
        {
            yield return sim.Timeout(2);
        }

        IEnumerable<SimEvent> Waiter(string who, Process customs)
        {
            yield return customs;
            resumed.Add((who, sim.NowHours));
        }

        var customs = sim.Process(Customs());
        sim.Start(Waiter("driver", customs));
        sim.Start(Waiter("broker", customs));
        sim.Run();

        Assert.That(resumed, Is.EqualTo(new[] { ("driver", 2.0), ("broker", 2.0) }));
    }

    [Test]
    public void AnyOf_fires_when_the_first_of_its_events_does()
    {
        var sim = new Simulation();
        double resumedAt = double.NaN;
        var processedWhenResumed = new List<SimEvent>();
        Timeout? shortOne = null;
        IEnumerable<SimEvent> Driver()
        {
            shortOne = sim.Timeout(2);
            var condition = sim.AnyOf(sim.Timeout(5), shortOne);
            yield return condition;
            resumedAt = sim.NowHours;
            processedWhenResumed.AddRange(condition.ProcessedEvents);
        }

        sim.Start(Driver());
        sim.Run();

        Assert.That(resumedAt, Is.EqualTo(2.0));
        Assert.That(processedWhenResumed, Is.EqualTo(new SimEvent[] { shortOne! }));
        Assert.That(sim.NowHours, Is.EqualTo(5.0), "the longer timeout still fires, with nobody waiting");
    }

    [Test]
    public void AllOf_fires_when_the_last_of_its_events_does()
    {
        var sim = new Simulation();
        double resumedAt = double.NaN;
        IEnumerable<SimEvent> Paperwork(double hours)
        {
            yield return sim.Timeout(hours);
        }

        IEnumerable<SimEvent> Driver()
        {
            yield return sim.AllOf(sim.Timeout(1), sim.Process(Paperwork(3)), sim.Timeout(2));
            resumedAt = sim.NowHours;
        }

        sim.Start(Driver());
        sim.Run();

        Assert.That(resumedAt, Is.EqualTo(3.0));
    }

    [Test]
    public void An_empty_condition_is_already_done()
    {
        var sim = new Simulation();
        Assert.That(sim.AllOf().IsTriggered, Is.True);
        Assert.That(sim.AnyOf().IsTriggered, Is.True);
    }

    [Test]
    public void An_interrupted_process_stops_waiting_and_sees_the_cause()
    {
        var sim = new Simulation();
        var log = new List<(string What, double AtHours, object? Cause)>();
        IEnumerable<SimEvent> Inspection()
        {
            yield return sim.Timeout(10);
            if (sim.ActiveProcess!.HandleInterrupt())
            {
                log.Add(("interrupted", sim.NowHours, sim.ActiveProcess.InterruptCause));
                yield return sim.Timeout(1);
            }

            log.Add(("done", sim.NowHours, null));
        }

        var inspection = sim.Process(Inspection());
        IEnumerable<SimEvent> Closure()
        {
            yield return sim.Timeout(3);
            inspection.Interrupt("gate closed");
        }

        sim.Start(Closure());
        sim.Run();

        Assert.That(log, Is.EqualTo(new[] { ("interrupted", 3.0, (object?)"gate closed"), ("done", 4.0, null) }));
        Assert.That(inspection.IsAlive, Is.False);
    }

    [Test]
    public void A_process_that_was_not_interrupted_reports_no_interrupt()
    {
        var sim = new Simulation();
        bool? wasInterrupted = null;
        IEnumerable<SimEvent> Driver()
        {
            yield return sim.Timeout(1);
            wasInterrupted = sim.ActiveProcess!.HandleInterrupt();
        }

        sim.Process(Driver());
        sim.Run();

        Assert.That(wasInterrupted, Is.False);
    }

    [Test]
    public void Ignoring_an_interrupt_and_yielding_again_is_an_error()
    {
        var sim = new Simulation();
        IEnumerable<SimEvent> Careless()
        {
            yield return sim.Timeout(10);
            yield return sim.Timeout(10);
        }

        var careless = sim.Process(Careless());
        IEnumerable<SimEvent> Interrupter()
        {
            yield return sim.Timeout(1);
            careless.Interrupt();
        }

        sim.Start(Interrupter());

        Assert.That(() => sim.Run(), Throws.InvalidOperationException.With.Message.Contains("HandleInterrupt"));
    }

    [Test]
    public void Interrupting_an_ended_process_is_an_error()
    {
        var sim = new Simulation();
        IEnumerable<SimEvent> Short()
        {
            yield return sim.Timeout(1);
        }

        var process = sim.Process(Short());
        sim.Run();

        Assert.That(() => process.Interrupt(), Throws.InvalidOperationException);
    }

    [Test]
    public void A_pooled_timeout_can_be_pinned_and_inspected_after_it_fires()
    {
        var sim = new Simulation();
        var timeout = sim.Timeout(2, value: "arrived");
        timeout.Pin();
        sim.Run();

        Assert.That(timeout.IsProcessed, Is.True);
        Assert.That(timeout.Value, Is.EqualTo("arrived"));
        Assert.That(sim.Timeout(1), Is.Not.SameAs(timeout), "a pinned timeout does not go back to the pool");
    }
}
