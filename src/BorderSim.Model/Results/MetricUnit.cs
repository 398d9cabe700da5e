namespace BorderSim.Model.Results;

/// <summary>A unit a metric is measured in: its id (summary.csv's <c>unit</c> column) and how a report writes it.</summary>
public sealed record MetricUnit(string Id, Bilingual Label);

/// <summary>
/// Every unit of <see cref="Metrics"/>, with the words a report writes: the one glossary of units ("xe/ngày",
/// "giờ", "tỷ lệ"), so a Vietnamese page never shows an English unit.
/// </summary>
public static class MetricUnits
{
    public static readonly MetricUnit TrucksPerDay = new("trucks/day", new("trucks/day", "xe/ngày"));
    public static readonly MetricUnit Trucks = new("trucks", new("trucks", "xe"));
    public static readonly MetricUnit Hours = new("h", new("h", "giờ"));
    public static readonly MetricUnit Days = new("days", new("days", "ngày"));
    public static readonly MetricUnit TonnesPerDay = new("t/day", new("t/day", "tấn/ngày"));
    public static readonly MetricUnit TrucksPerHour = new("trucks/h", new("trucks/h", "xe/giờ"));
    public static readonly MetricUnit Km = new("km", new("km", "km"));
    public static readonly MetricUnit Share = new("share", new("share", "tỷ lệ"));
    public static readonly MetricUnit UsdPerDay = new("USD/day", new("USD/day", "USD/ngày"));
    public static readonly MetricUnit TripsPerDay = new("trips/day", new("trips/day", "chuyến/ngày"));

    /// <summary>1 or 0 in each replication; its mean over replications is a share.</summary>
    public static readonly MetricUnit Flag = new("flag", new("flag", "0/1"));

    /// <summary>Every unit, in the order of this table.</summary>
    public static IReadOnlyList<MetricUnit> All { get; } = [TrucksPerDay, Trucks, Hours, Days, TonnesPerDay, TrucksPerHour, Km, Share, UsdPerDay, TripsPerDay, Flag];

    /// <summary>The unit whose id is <paramref name="id"/>, or null.</summary>
    public static MetricUnit? Find(string id) => All.FirstOrDefault(u => u.Id == id);
}
