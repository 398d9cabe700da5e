namespace BorderSim.Model.Results;

/// <summary>
/// Questions a view asks of the table of metrics (<see cref="Metrics"/>, where <see cref="Metrics.Find"/> gives a
/// metric's definition and labels): the headline metrics of a comparison, in the order a planner reads them.
/// </summary>
public static class MetricCatalog
{
    /// <summary>
    /// The headline metrics among <paramref name="keys"/>, in headline order: by rank; within a rank, class by
    /// class in the order the classes first appear, and for each class the metrics in the order of the table.
    /// Every other metric is in the CSV files.
    /// </summary>
    public static IReadOnlyList<MetricKey> Headlines(IEnumerable<MetricKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        List<MetricKey> list = [.. keys.Distinct()];
        var selected = new List<MetricKey>();
        foreach (var rank in Metrics.All.Where(m => m.Headline is not null).GroupBy(m => m.Headline!.Rank).OrderBy(g => g.Key))
        {
            MetricDefinition[] group = [.. rank];
            List<MetricKey> shown = [.. list.Where(k => group.Any(m => m.Name == k.Name && m.Headline!.Shows(k)))];
            foreach (var cargoClass in shown.Select(k => k.CargoClass).Distinct())
            {
                foreach (var metric in group)
                {
                    selected.AddRange(shown.Where(k => k.Name == metric.Name && k.CargoClass == cargoClass));
                }
            }
        }

        return selected;
    }
}
