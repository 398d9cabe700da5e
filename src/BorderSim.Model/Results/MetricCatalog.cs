using BorderSim.Model.Crossing;

namespace BorderSim.Model.Results;

/// <summary>
/// The metric ids a scenario can report in summary.csv, worked out from the compiled model (directions,
/// stages, classes) without running a replication, so a target or a <c>--metric</c> naming an id that does
/// not exist is refused before any work. It mirrors <c>CrossingReplication.CollectMetrics</c>; a test runs
/// every shipped scenario and checks that each id a replication reports is listed here. A class-level id is
/// listed for every direction, though a replication reports it only when trucks of that class used it.
/// </summary>
public static class MetricCatalog
{
    private const string All = "all";

    private static readonly string[] SampleSuffixes = ["_mean", "_p50", "_p95", "_max"];

    public static IReadOnlyList<string> For(CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ids = new List<string>();
        void Add(string name, string direction = "", string cargoClass = "", string stage = "") =>
            ids.Add(new MetricKey(name, "", direction, cargoClass, stage).Id);

        foreach (var direction in model.Directions)
        {
            var d = direction.Name;
            Add("served_per_day", d, All);
            foreach (var cargoClass in model.ClassNames)
            {
                Add("served_per_day", d, cargoClass);
            }

            foreach (var name in new[] { "served_tonnes_per_day", "arrived", "served", "gave_up", "in_system_at_warm_up", "in_system_at_end" })
            {
                Add(name, d, All);
            }

            foreach (var cargoClass in model.ClassNames)
            {
                Add("in_system_at_end", d, cargoClass);
            }

            Add("oldest_wait_hours", d, All);
            Add("backlog_growth_trucks_per_day", d);
            Add("in_system_trucks_mean", d, All);
            Add("arrival_rate_per_hour", d, All);
            AddSample("wait_hours", d, All);
            Add("wait_hours_mean_incl_waiting", d, All);
            AddSample("time_in_system_hours", d, All);
            foreach (var name in new[] { "highway_queue_trucks_mean", "highway_queue_trucks_max", "highway_queue_km_mean", "highway_queue_km_max" })
            {
                Add(name, d);
            }

            Add("delay_cost_usd_per_day", d, All);
            Add("overloaded", d); // added by OverloadCheck.WithVerdicts after the run
            foreach (var stage in direction.Stages)
            {
                string[] names = stage.HasServers
                    ? ["queue_trucks_mean", "queue_trucks_max", "utilisation", "utilisation_busy", "utilisation_blocked", "utilisation_idle", "utilisation_closed"]
                    : ["yard_occupancy_trucks_mean", "yard_occupancy_trucks_max"];
                foreach (var name in names)
                {
                    Add(name, d, stage: stage.Name);
                }
            }
        }

        Add("delay_cost_usd_per_day", All, All);
        foreach (var cargoClass in model.Classes)
        {
            AddSample("wait_hours", All, cargoClass.Name);
            Add("wait_hours_mean_incl_waiting", All, cargoClass.Name);
            AddSample("time_in_system_hours", All, cargoClass.Name);
            if (cargoClass.ShelfLifeHours is not null)
            {
                Add("past_shelf_life", All, cargoClass.Name);
                Add("past_shelf_life_share", All, cargoClass.Name);
            }
        }

        return ids;

        void AddSample(string name, string direction, string cargoClass)
        {
            foreach (var suffix in SampleSuffixes)
            {
                Add(name + suffix, direction, cargoClass);
            }
        }
    }
}
