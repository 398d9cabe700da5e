using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// Empty trucks that return over part of the other direction (issue 25, item 6: import trucks' empties on the export
/// lanes): they join it at a stage (the road) and leave it after another (the other side's entry check), so they neither
/// queue in its first yard nor dwell in its destination yard, and never return again.
/// </summary>
public class EmptyReturnRangeTests
{
    /// <summary>
    /// import: 3 trucks wait at vn_booth (1 server, 1 h) and are unloaded in vn_delivery (2 h); their empties return
    /// over export from export_lanes to cn_entry. export has a slow first check (10 h) and a destination yard that would
    /// send trucks back through import: neither sees the empties.
    /// </summary>
    private static ScenarioSpec Scenario(string? from, string? to, double importsPerDay = 0)
    {
        var delivery = SpecBuilder.Yard("vn_delivery", null, new Deterministic(2), returnEmptyVia: "export") with { ReturnEmptyFrom = from, ReturnEmptyTo = to };
        var import = new DirectionSpec("import", SpecBuilder.Flat(importsPerDay), [SpecBuilder.Check("vn_booth", 1, new Deterministic(1)), delivery])
        {
            Backlog = [new BacklogSpec("vn_booth", "general", 3, null)],
        };
        var export = new DirectionSpec("export", SpecBuilder.Flat(0), [
            SpecBuilder.Check("vn_exit", 1, new Deterministic(10)),
            SpecBuilder.Check("export_lanes", 1, new Deterministic(0.5)),
            SpecBuilder.Check("cn_entry", 1, new Deterministic(0.25)),
            SpecBuilder.Yard("cn_delivery", null, new Deterministic(5))]);
        return SpecBuilder.Scenario([import, export], days: 1, warmUpHours: 0, replications: 1);
    }

    private static List<TruckRecord> Empties(ScenarioSpec scenario)
    {
        var observer = new Recorder();
        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return [.. observer.Trucks.Where(t => t.CargoClass == CargoClassSpec.EmptyClassName).OrderBy(t => t.ArrivedHours)];
    }

    [Test]
    public void Empties_join_the_return_route_at_its_road_and_leave_after_the_other_side_s_entry_check_at_the_hours_counted_by_hand()
    {
        // By hand: the imports leave vn_booth at 1, 2, 3 h and vn_delivery at 3, 4, 5 h; each empty crosses the lanes
        // (0.5 h) and cn_entry (0.25 h) at once: it leaves at 3.75, 4.75, 5.75 h, never at vn_exit or cn_delivery.
        var empties = Empties(Scenario("export_lanes", "cn_entry"));

        Assert.Multiple(() =>
        {
            Assert.That(empties.Select(t => t.ArrivedHours), Is.EqualTo(new[] { 3.0, 4, 5 }).Within(1e-9));
            Assert.That(empties.Select(t => t.Stages[1].ServiceStartHours), Is.EqualTo(new[] { 3.0, 4, 5 }).Within(1e-9), "on the lanes at once");
            Assert.That(empties.Select(t => t.LeftHours), Is.EqualTo(new[] { 3.75, 4.75, 5.75 }).Within(1e-9));
            Assert.That(empties.Select(t => t.Outcome), Is.All.EqualTo(TruckOutcome.Served));
            Assert.That(empties.Select(t => t.Stages[0].EnteredHours), Is.All.NaN, "not at the first check");
            Assert.That(empties.Select(t => t.Stages[3].EnteredHours), Is.All.NaN, "not in the destination yard");
        });
    }

    [Test]
    public void Without_an_entry_and_an_exit_the_empties_go_through_the_whole_return_route()
    {
        // The default, as before: each empty starts at vn_exit (10 h a truck: 3-13, 13-23, 23-33 h), so in one day only
        // the first has crossed the lanes and cn_entry (13.75 h) and dwelt 5 h in cn_delivery (18.75 h).
        var empties = Empties(Scenario(null, null));

        Assert.Multiple(() =>
        {
            Assert.That(empties.Select(t => t.Stages[0].ServiceStartHours), Is.EqualTo(new[] { 3.0, 13, 23 }).Within(1e-9));
            Assert.That(empties[0].LeftHours, Is.EqualTo(18.75).Within(1e-9));
            Assert.That(empties.Skip(1).Select(t => t.Outcome), Is.All.EqualTo(TruckOutcome.InSystemAtEnd));
        });
    }

    [Test]
    public void The_load_check_puts_the_empties_on_the_stages_they_pass_only()
    {
        // 20 imports a day send 20 empties a day over export_lanes and cn_entry; vn_exit carries none (export has no
        // arrivals of its own). Before, every export stage carried all 20.
        var loads = LoadCheck.For(new CrossingModel(Scenario("export_lanes", "cn_entry", importsPerDay: 20))).Where(l => l.Direction == "export").ToDictionary(l => l.Stage);

        Assert.Multiple(() =>
        {
            Assert.That(loads["vn_exit"].DemandTrucksPerDay, Is.Zero);
            Assert.That(loads["export_lanes"].DemandTrucksPerDay, Is.EqualTo(20).Within(1e-9));
            Assert.That(loads["cn_entry"].DemandTrucksPerDay, Is.EqualTo(20).Within(1e-9));
        });
    }

    [Test]
    public void One_compiled_range_names_the_stages_the_empties_pass_and_the_phases_they_run()
    {
        // export's route has 4 stages. From export_lanes to cn_entry: stages 1..2, and the phases from the first of
        // export_lanes to the last of cn_entry; unnamed: stages 0..3 and every phase.
        var ranged = new CrossingModel(Scenario("export_lanes", "cn_entry"));
        var whole = new CrossingModel(Scenario(null, null));
        var back = ranged.Directions[0].Stages[^1].EmptyReturn!;
        var all = whole.Directions[0].Stages[^1].EmptyReturn!;
        var phases = ranged.Directions[1].Phases;

        Assert.Multiple(() =>
        {
            Assert.That((back.Direction, back.FromStage, back.ToStage), Is.EqualTo((1, 1, 2)));
            Assert.That(Enumerable.Range(0, 4).Select(back.Passes), Is.EqualTo(new[] { false, true, true, false }));
            Assert.That(back.PhaseRange(phases), Is.EqualTo((phases.ToList().FindIndex(p => p.Stage == 1), phases.ToList().FindLastIndex(p => p.Stage == 2) + 1)));
            Assert.That((all.FromStage, all.ToStage), Is.EqualTo((0, 3)));
            Assert.That(all.PhaseRange(whole.Directions[1].Phases), Is.EqualTo((0, whole.Directions[1].Phases.Length)));
            Assert.That(ranged.Directions[1].Stages[^1].EmptyReturn, Is.Null, "export's own yard sends none back");
        });
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
