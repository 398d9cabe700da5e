using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>A journey is its route's phases in order; each phase answers wait, next, go to phase r, or left.</summary>
public class JourneyTests
{
    /// <summary>A staging yard (release quota 5 a day) feeding a gate (one server, 0.5 h, capped at 1 truck a day), then a delivery yard.</summary>
    private static ScenarioSpec CappedGateAfterStaging(int? stagingPlaces = null, double? patienceHours = null) => SpecBuilder.Scenario(
        [
            new DirectionSpec("export", SpecBuilder.Flat(0),
            [
                SpecBuilder.Yard("staging", stagingPlaces, releaseQuota: 5),
                SpecBuilder.Check("gate", 1, new Deterministic(0.5)) with
                {
                    CapPerDay = new ClearanceCapSpec(new TrucksPerDayRange(1, 1), new Dictionary<string, TrucksPerDayRange>()),
                },
                SpecBuilder.Yard("delivery", null),
            ]),
        ],
        days: 3,
        warmUpHours: 0,
        classes: [new CargoClassSpec("general", 1, null, 25, 2, patienceHours is { } p ? new Deterministic(p) : null)]);

    [Test]
    public void The_phase_step_after_next_is_the_following_phase_and_after_go_to_the_named_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhaseStep.Next.NextPhase(3), Is.EqualTo(4));
            Assert.That(PhaseStep.GoTo(1).NextPhase(3), Is.EqualTo(1));
            Assert.That(PhaseStep.Left.HasLeft, Is.True);
            Assert.That(PhaseStep.Next.HasLeft, Is.False);
            Assert.That(PhaseStep.Next.WaitFor, Is.Null);
        });
    }

    [Test]
    public void A_truck_refused_for_the_day_goes_back_to_its_yards_turn_from_a_yard_else_to_its_pool_unit_else_to_the_server()
    {
        var phases = new CrossingModel(CappedGateAfterStaging()).Directions[0].Phases;
        var takeServer = Array.FindIndex(phases, p => p.Kind == PhaseKind.TakeServer);
        Assert.That(phases[takeServer].RetryFrom, Is.EqualTo(Array.FindIndex(phases, p => p.Kind == PhaseKind.AwaitRelease)));

        var withPool = Route.Phases([.. new CrossingModel(CappedGateAfterStaging()).Directions[0].Stages.Select(s => s with { PoolIndex = s.HasServers ? 0 : -1, ReleaseQuotaPerDay = null })]);
        var withPoolServer = Array.FindIndex(withPool, p => p.Kind == PhaseKind.TakeServer);
        Assert.That(withPool[withPoolServer].RetryFrom, Is.EqualTo(withPoolServer - 1));
        Assert.That(withPool[withPoolServer - 1].Kind, Is.EqualTo(PhaseKind.TakeUnit));

        var plain = Route.Phases([.. new CrossingModel(CappedGateAfterStaging()).Directions[0].Stages.Select(s => s with { ReleaseQuotaPerDay = null })]);
        var plainServer = Array.FindIndex(plain, p => p.Kind == PhaseKind.TakeServer);
        Assert.That(plain[plainServer].RetryFrom, Is.EqualTo(plainServer));
    }

    [Test]
    public void Taking_a_server_refused_for_the_day_waits_until_the_next_day_with_the_server_given_back_and_then_goes_to_its_retry_phase()
    {
        var parts = new ReplicationParts(CappedGateAfterStaging());
        var gate = parts.Stage("gate");
        parts.Admission.RefusedUntilHours(parts.NewTruck(), gate); // today's cap of 1 is used
        var route = parts.Model.Directions[0].Phases;
        var p = Array.FindIndex(route, r => r.Kind == PhaseKind.TakeServer);
        var phase = new TakeServer(parts.Phases, 1, gate, route[p].RetryFrom);
        var truck = parts.NewTruck();

        var refused = phase.Step(truck);
        Assert.That(refused.WaitFor, Is.Not.Null);
        Assert.That(gate.Servers!.InUse, Is.Zero, "given back while it waits");
        parts.Simulation.Run(25);
        var after = phase.Step(truck);

        Assert.Multiple(() =>
        {
            Assert.That(after.WaitFor, Is.Null);
            Assert.That(after.NextPhase(p), Is.EqualTo(route[p].RetryFrom));
        });
    }

    [Test]
    public void A_truck_refused_for_the_day_after_its_staging_yard_takes_the_yards_turn_again_is_counted_once_in_the_queue_and_is_served_the_next_day()
    {
        var parts = new ReplicationParts(CappedGateAfterStaging());
        parts.StartJourney();
        parts.StartJourney();
        parts.Simulation.Run(parts.Model.Clock.RunHours);
        var gate = parts.Stage("gate");
        var staging = parts.Stage("staging");
        var gateStarts = parts.Left.Select(t => t.Stages[1].ServiceStartHours).Order().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(gateStarts, Is.EqualTo(new[] { 0.0, 24.0 }));
            Assert.That(gate.Waiting.Max, Is.EqualTo(1), "the first truck left the queue at once; the refused one, back through the yard's turn, is counted once");
            Assert.That(gate.Waiting.Current, Is.Zero);
            Assert.That(staging.QueuedOnward, Is.Zero);
            Assert.That(staging.ReleasedPerDay, Is.EqualTo(new Dictionary<int, int> { [0] = 1, [1] = 1 }), "the second counts on the day it left the yard");
        });
    }

    [Test]
    public void A_truck_whose_patience_runs_out_while_it_waits_for_a_place_leaves_and_its_journey_ends()
    {
        var parts = new ReplicationParts(CappedGateAfterStaging(stagingPlaces: 1, patienceHours: 2));
        var staging = parts.Stage("staging");
        var taken = staging.Places!.Request();
        var phase = new TakePlace(parts.Phases, 0, staging);
        var truck = parts.NewTruck();

        var waiting = phase.Step(truck);
        Assert.That(waiting.WaitFor, Is.Not.Null);
        parts.Simulation.Run(3);
        var after = phase.Step(truck);
        staging.Places.Release(taken);

        Assert.Multiple(() =>
        {
            Assert.That(after.HasLeft, Is.True);
            Assert.That(parts.Left.Single().Outcome, Is.EqualTo(Results.TruckOutcome.GaveUp));
            Assert.That(staging.Places.InUse, Is.Zero, "its request was withdrawn");
        });
    }
}
