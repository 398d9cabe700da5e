using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The headline metrics of a comparison, in the order a planner reads them: trucks served per day per
/// direction, mean and 95th-percentile wait per cargo class, highway queue (km) per direction, and the
/// total cost of delay. Every other metric is in the CSV files.
/// </summary>
public static class KeyMetrics
{
    private const string All = "all";

    /// <summary>The key metrics among <paramref name="keys"/>, in headline order (stable within a group).</summary>
    public static IReadOnlyList<MetricKey> Select(IEnumerable<MetricKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        List<MetricKey> list = [.. keys.Distinct()];
        var selected = new List<MetricKey>();
        selected.AddRange(list.Where(k => k.Name == "served_per_day" && k.Direction != All && k.CargoClass == All));
        foreach (string cargoClass in list.Where(k => k.Name == "wait_hours_mean" && k.Direction == All).Select(k => k.CargoClass).Distinct())
        {
            selected.AddRange(list.Where(k => k.Name == "wait_hours_mean" && k.Direction == All && k.CargoClass == cargoClass));
            selected.AddRange(list.Where(k => k.Name == "wait_hours_p95" && k.Direction == All && k.CargoClass == cargoClass));
        }

        selected.AddRange(list.Where(k => k.Name == "highway_queue_km_mean"));
        selected.AddRange(list.Where(k => k.Name == "delay_cost_usd_per_day" && k.Direction == All));
        return selected;
    }

    /// <summary>A label a planner reads: "served per day, export (trucks/day)", "wait p95, fruit (h)".</summary>
    public static string Label(MetricKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string what = key.Name switch
        {
            "served_per_day" => "served per day",
            "wait_hours_mean" => "wait mean",
            "wait_hours_p95" => "wait p95",
            "highway_queue_km_mean" => "highway queue mean",
            "delay_cost_usd_per_day" => "delay cost",
            _ => key.Name.Replace('_', ' '),
        };
        string[] parts = [.. new[] { key.Direction, key.CargoClass, key.Stage }.Where(p => p.Length > 0 && p != All)];
        string scope = parts.Length == 0 ? "" : ", " + string.Join(" / ", parts);
        return $"{what}{scope} ({key.Unit})";
    }
}
