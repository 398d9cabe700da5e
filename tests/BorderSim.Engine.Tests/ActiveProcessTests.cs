namespace BorderSim.Engine.Tests;

/// <summary>
/// <see cref="Simulation.ActiveProcess"/> is kept as a place in a table of processes (an int per step, not a
/// reference): these tests hold it to the process whose step runs, whichever kind, and across places reused.
/// </summary>
public class ActiveProcessTests
{
    [Test]
    public void Active_process_is_null_between_steps_and_the_running_handle_during_one()
    {
        var sim = new Simulation();
        var seen = new List<Process?>();
        Process? handle = null;
        IEnumerable<SimEvent> Steps()
        {
            seen.Add(sim.ActiveProcess);
            yield return sim.Timeout(1);
            seen.Add(sim.ActiveProcess);
        }

        handle = sim.Process(Steps());
        Assert.That(sim.ActiveProcess, Is.Null, "before the run");
        sim.Run();

        Assert.That(seen, Is.EqualTo(new[] { handle, handle }));
        Assert.That(sim.ActiveProcess, Is.Null, "after the run");
    }

    [Test]
    public void A_pooled_process_sees_itself_as_active_and_not_any_other()
    {
        var sim = new Simulation();
        var seenByFirst = new List<Process?>();
        var seenBySecond = new List<Process?>();
        IEnumerable<SimEvent> Steps(List<Process?> seen)
        {
            seen.Add(sim.ActiveProcess);
            yield return sim.Timeout(1);
            seen.Add(sim.ActiveProcess);
        }

        sim.Start(Steps(seenByFirst));
        sim.Start(Steps(seenBySecond));
        sim.Run();

        Assert.Multiple(() =>
        {
            Assert.That(seenByFirst, Has.All.Not.Null);
            Assert.That(seenByFirst[0], Is.SameAs(seenByFirst[1]), "one handle for both steps");
            Assert.That(seenBySecond[0], Is.SameAs(seenBySecond[1]));
            Assert.That(seenBySecond[0], Is.Not.SameAs(seenByFirst[0]), "two processes alive at once, two handles");
        });
    }

    [Test]
    public void A_process_started_after_others_ended_is_the_active_one_in_its_steps()
    {
        // 1,000 unpooled processes end one after another and give back their place; each later one must still
        // see itself, never an ended process that held its place before.
        var sim = new Simulation();
        var mismatches = 0;
        var handles = new List<Process>();
        IEnumerable<SimEvent> Short(int index)
        {
            if (!ReferenceEquals(sim.ActiveProcess, handles[index]))
            {
                mismatches++;
            }

            yield return sim.Timeout(1);
            if (!ReferenceEquals(sim.ActiveProcess, handles[index]))
            {
                mismatches++;
            }
        }

        IEnumerable<SimEvent> Starter()
        {
            for (var i = 0; i < 1_000; i++)
            {
                handles.Add(sim.Process(Short(i)));
                yield return sim.Timeout(i % 3 == 0 ? 2 : 0.5);
            }
        }

        sim.Start(Starter());
        sim.Run();

        Assert.That(handles, Has.Count.EqualTo(1_000));
        Assert.That(handles.All(h => !h.IsAlive), "every process ended");
        Assert.That(mismatches, Is.Zero);
    }
}
