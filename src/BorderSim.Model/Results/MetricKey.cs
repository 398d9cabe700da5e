namespace BorderSim.Model.Results;

/// <summary>
/// Names one metric of a run: what it measures and in which unit, for which direction, cargo class
/// and stage ("" where it does not apply). <see cref="Id"/> is the stable text key used in CSV files,
/// baselines and <c>--metric</c>, e.g. <c>wait_hours_p95/export/fruit</c>.
/// </summary>
public sealed record MetricKey(string Name, string Unit, string Direction = "", string CargoClass = "", string Stage = "")
{
    public string Id => string.Join('/', new[] { Name, Direction, CargoClass, Stage }.Where(p => p.Length > 0));

    public override string ToString() => Id;
}

/// <summary>One metric's value in one replication.</summary>
public readonly record struct MetricValue(MetricKey Key, double Value);
