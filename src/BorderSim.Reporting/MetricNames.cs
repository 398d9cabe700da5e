using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>Metric names as a planner reads them, in English or Vietnamese; the id (summary.csv's metric column) stays the key.</summary>
public static class MetricNames
{
    /// <summary>What the metric measures, without its scope: "mean wait" / "thời gian chờ trung bình".</summary>
    public static string What(string name, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return name switch
        {
            "served_per_day" => lang.Say("trucks served per day", "số xe thông quan mỗi ngày"),
            "served_tonnes_per_day" => lang.Say("tonnes served per day", "số tấn hàng thông quan mỗi ngày"),
            "arrived" => lang.Say("trucks arrived", "số xe đến"),
            "served" => lang.Say("trucks served", "số xe đã thông quan"),
            "gave_up" => lang.Say("trucks that gave up", "số xe bỏ cuộc"),
            "in_system_at_warm_up" => lang.Say("trucks in the system at the end of the warm-up", "số xe trong hệ thống khi hết giai đoạn khởi động"),
            "in_system_at_end" => lang.Say("trucks still in the system at the end", "số xe còn tồn khi kết thúc"),
            "oldest_wait_hours" => lang.Say("oldest wait of a truck still in the system", "thời gian chờ lâu nhất của xe còn tồn"),
            "wait_hours_mean" => lang.Say("mean wait", "thời gian chờ trung bình"),
            "wait_hours_p50" => lang.Say("median wait", "thời gian chờ trung vị"),
            "wait_hours_p95" => lang.Say("wait of the 95th percentile", "thời gian chờ phân vị 95"),
            "wait_hours_max" => lang.Say("longest wait", "thời gian chờ lâu nhất"),
            "wait_hours_mean_incl_waiting" => lang.Say("mean wait incl. trucks still waiting", "thời gian chờ trung bình, tính cả xe còn chờ"),
            "time_in_system_hours_mean" => lang.Say("mean time in the system", "thời gian trong hệ thống trung bình"),
            "time_in_system_hours_p95" => lang.Say("time in the system, 95th percentile", "thời gian trong hệ thống phân vị 95"),
            "in_system_trucks_mean" => lang.Say("trucks in the system, mean", "số xe trong hệ thống trung bình"),
            "highway_queue_km_mean" => lang.Say("highway queue, mean", "hàng xe trên quốc lộ, trung bình"),
            "highway_queue_km_max" => lang.Say("highway queue, longest", "hàng xe trên quốc lộ, dài nhất"),
            "highway_queue_trucks_mean" => lang.Say("trucks queuing on the highway, mean", "số xe xếp hàng trên quốc lộ, trung bình"),
            "highway_queue_trucks_max" => lang.Say("trucks queuing on the highway, most", "số xe xếp hàng trên quốc lộ, nhiều nhất"),
            "backlog_growth_trucks_per_day" => lang.Say("backlog growth", "mức tăng xe tồn"),
            "overloaded" => lang.Say("overloaded (1 = yes)", "quá tải (1 = có)"),
            "queue_trucks_mean" => lang.Say("queue, mean", "hàng đợi trung bình"),
            "queue_trucks_max" => lang.Say("queue, longest", "hàng đợi dài nhất"),
            "utilisation" => lang.Say("busy share of open hours", "tỷ lệ bận trong giờ mở cửa"),
            "utilisation_busy" => lang.Say("share busy", "tỷ lệ bận"),
            "utilisation_blocked" => lang.Say("share blocked", "tỷ lệ bị chặn"),
            "utilisation_idle" => lang.Say("share idle", "tỷ lệ rảnh"),
            "utilisation_closed" => lang.Say("share closed", "tỷ lệ đóng cửa"),
            "yard_occupancy_trucks_mean" => lang.Say("trucks in the yard, mean", "số xe trong bãi, trung bình"),
            "yard_occupancy_trucks_max" => lang.Say("trucks in the yard, most", "số xe trong bãi, nhiều nhất"),
            "past_shelf_life" => lang.Say("trucks past shelf life", "số xe quá hạn bảo quản"),
            "past_shelf_life_share" => lang.Say("share past shelf life", "tỷ lệ xe quá hạn bảo quản"),
            "delay_cost_usd_per_day" => lang.Say("cost of delay", "chi phí chờ đợi"),
            "cost_usd_per_day" => lang.Say("cost a day (resources and delay)", "chi phí mỗi ngày (nguồn lực và chờ đợi)"),
            "arrival_rate_per_hour" => lang.Say("arrival rate", "tốc độ xe đến"),
            _ => name.Replace('_', ' '),
        };
    }

    /// <summary>A unit as written in the report: "trucks/day" / "xe/ngày", "h" / "giờ".</summary>
    public static string Unit(string unit, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return unit switch
        {
            "trucks/day" => lang.Say("trucks/day", "xe/ngày"),
            "trucks" => lang.Say("trucks", "xe"),
            "h" => lang.Say("h", "giờ"),
            "tonnes/day" => lang.Say("tonnes/day", "tấn/ngày"),
            "share" => lang.Say("share", "tỷ lệ"),
            "USD/day" => lang.Say("USD/day", "USD/ngày"),
            "trucks/h" => lang.Say("trucks/h", "xe/giờ"),
            _ => unit,
        };
    }

    /// <summary>The metric with its scope and unit: "mean wait, fruit (h)" / "thời gian chờ trung bình, trái cây (giờ)".</summary>
    public static string Label(MetricKey key, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lang);
        string[] scope = [.. new[] { Part(key.Direction, lang.Direction), Part(key.CargoClass, lang.CargoClass), key.Stage }.Where(p => p.Length > 0)];
        string unit = key.Unit.Length > 0 ? $" ({Unit(key.Unit, lang)})" : "";
        return What(key.Name, lang) + (scope.Length > 0 ? ", " + string.Join(" / ", scope) : "") + unit;
    }

    private static string Part(string value, Func<string, string> say) => value.Length == 0 || value == "all" ? "" : say(value);
}
