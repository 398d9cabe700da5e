using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The columns that name a metric, first in every per-metric CSV (summary.csv, comparison.csv):
/// metric (the <see cref="MetricKey.Id"/>), name, direction, class, stage, unit.
/// </summary>
internal static class MetricKeyColumns
{
    public static readonly string[] Header = ["metric", "name", "direction", "class", "stage", "unit"];

    /// <summary>The key's fields in <see cref="Header"/> order.</summary>
    public static string[] Fields(MetricKey key) =>
        [key.Id, key.Name, key.Direction, key.CargoClass, key.Stage, key.Unit];
}
