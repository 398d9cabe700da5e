namespace BorderSim.Model.Results;

/// <summary>The part of a report (and of the metric reference) where a metric belongs.</summary>
public enum MetricSection
{
    /// <summary>Trucks (and tonnes) served, and the rate they arrive at.</summary>
    Throughput,

    /// <summary>The books of trucks: arrived, served, gave up, still in the system; the starting backlog and its growth.</summary>
    Backlog,

    /// <summary>Waits and times in the system.</summary>
    Waits,

    /// <summary>The queue before the first stage, on the road.</summary>
    HighwayQueue,

    /// <summary>Checks and roads: queues and how their server-hours are spent.</summary>
    Stages,

    /// <summary>Trucks standing in yards.</summary>
    Yards,

    /// <summary>Perishable cargo past its shelf life.</summary>
    Perishables,

    /// <summary>The cost of delay and of the crossing's resources.</summary>
    Costs,

    /// <summary>Pools of units a truck needs (hand-over drivers, automated vehicles).</summary>
    Pools,

    /// <summary>Shared origins and the network of routes as a whole.</summary>
    Network,

    /// <summary>Whether a direction is overloaded (from the capacity check).</summary>
    Overload,
}

/// <summary>The title of each <see cref="MetricSection"/>, in both languages.</summary>
public static class MetricSections
{
    /// <summary>Every section, in the order a report reads them.</summary>
    public static IReadOnlyList<MetricSection> All { get; } = Enum.GetValues<MetricSection>();

    public static Bilingual Title(MetricSection section) => section switch
    {
        MetricSection.Throughput => new("Trucks served", "Thông quan"),
        MetricSection.Backlog => new("Trucks in the system and backlog", "Xe trong hệ thống và xe tồn"),
        MetricSection.Waits => new("Waits and time in the system", "Thời gian chờ và thời gian trong hệ thống"),
        MetricSection.HighwayQueue => new("Highway queue", "Hàng xe trên quốc lộ"),
        MetricSection.Stages => new("Checks and roads", "Khâu kiểm tra và làn đường"),
        MetricSection.Yards => new("Yards", "Bãi xe"),
        MetricSection.Perishables => new("Perishable cargo", "Hàng dễ hư hỏng"),
        MetricSection.Costs => new("Costs", "Chi phí"),
        MetricSection.Pools => new("Pools (hand-over drivers, automated vehicles)", "Đội lái xe chuyên trách, xe tự hành"),
        MetricSection.Network => new("Origins and the network", "Nguồn xe và mạng lưới"),
        MetricSection.Overload => new("Overload", "Quá tải"),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
