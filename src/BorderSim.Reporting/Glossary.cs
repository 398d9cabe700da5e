using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The terms of the trade in both report languages, one place for each: a direction, a cargo class, the nouns the
/// console, the plots, the workbook and the pages share (capacity, demand, replication, round...). A sentence is
/// written at its call site with <see cref="ReportLanguage.Say(string, string)"/>; a term it names comes from here,
/// so "năng lực thông quan" is never "công suất" on the next line. A test checks every term has both languages.
/// </summary>
public static class Glossary
{
    /// <summary>The directions a scenario usually names; another name is shown as written.</summary>
    public static IReadOnlyDictionary<string, Bilingual> Directions { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["export"] = new("export", "xuất khẩu"),
        ["import"] = new("import", "nhập khẩu"),
        ["inbound"] = new("inbound", "chiều vào"),
        ["outbound"] = new("outbound", "chiều ra"),
        ["all"] = new("all directions", "cả hai chiều"),
    };

    /// <summary>The cargo classes a scenario usually names; another name is shown as written.</summary>
    public static IReadOnlyDictionary<string, Bilingual> CargoClasses { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["fruit"] = new("fruit", "trái cây"),
        ["general"] = new("general", "hàng tổng hợp"),
        ["electronics"] = new("electronics", "linh kiện điện tử"),
        ["cold_chain"] = new("cold chain", "hàng đông lạnh"),
        ["empty"] = new("empty", "xe rỗng"),
        ["durian"] = new("durian", "sầu riêng"),
        ["all"] = new("all classes", "mọi loại hàng"),
    };

    /// <summary>What a scenario path sets, by its key (<c>servers</c> in <c>directions.export.stages.cn_inspection.servers</c>), for a lever no scenario names.</summary>
    public static IReadOnlyDictionary<string, Bilingual> Settings { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["servers"] = new("servers", "số bàn"),
        ["lanes"] = new("lanes", "số làn"),
        ["hours"] = new("opening hours", "giờ làm việc"),
        ["trucks_per_day"] = new("trucks a day", "xe mỗi ngày"),
        ["capacity"] = new("capacity", "sức chứa"),
        ["service"] = new("service time", "thời gian phục vụ"),
        ["share"] = new("share", "tỷ lệ"),
    };

    /// <summary>What an observation counts, by its kind as observations.csv names it (<c>cleared_per_day</c>).</summary>
    public static IReadOnlyDictionary<string, Bilingual> ObservationKinds { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["cleared_per_day"] = new("cleared a day", "xe thông quan mỗi ngày"),
        ["arrived_per_day"] = new("arrived a day", "xe đến mỗi ngày"),
        ["waiting_trucks"] = new("trucks in the system", "xe trong hệ thống"),
        ["queue_km"] = new("highway queue (km)", "hàng xe trên quốc lộ (km)"),
    };

    /// <summary>The time zones of the crossings, by IANA id; another is shown as its id.</summary>
    public static IReadOnlyDictionary<string, Bilingual> TimeZones { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["Asia/Ho_Chi_Minh"] = new("Vietnam time, UTC+7", "giờ Việt Nam, UTC+7"),
        ["Asia/Shanghai"] = new("China time, UTC+8", "giờ Trung Quốc, UTC+8"),
    };

    /// <summary>The dated events of a scenario, as <see cref="BorderSim.Model.Experiments.HorizonCut.Event"/> and the dated-entry warnings name them.</summary>
    public static IReadOnlyDictionary<string, Bilingual> Events { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["surge"] = new("surge", "đợt tăng xe"),
        ["ban"] = new("ban", "lệnh cấm"),
        ["suspension"] = new("suspension", "đợt tạm dừng tuyến"),
        ["closure"] = new("closure", "đợt đóng cửa"),
        ["appointment-only period"] = new("appointment-only period", "giai đoạn chỉ thông quan theo hẹn"),
        ["appointment period"] = new("appointment period", "giai đoạn chỉ thông quan theo hẹn"),
        ["advisory"] = new("advisory", "khuyến cáo"),
        ["change"] = new("change", "thay đổi"),
    };

    /// <summary>What a dated event applies to (<see cref="BorderSim.Model.Experiments.HorizonCut.Where"/>: "calendar vn_gate", "stage cn_inspection").</summary>
    public static IReadOnlyDictionary<string, Bilingual> Parts { get; } = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["calendar"] = new("calendar", "giờ làm việc"),
        ["direction"] = new("direction", "chiều"),
        ["origin"] = new("origin", "điểm xuất phát"),
        ["route"] = new("route", "tuyến"),
        ["stage"] = new("stage", "khâu"),
        ["road"] = new("road", "đường"),
        ["class"] = new("class", "loại hàng"),
        ["pool"] = new("pool", "nhóm"),
        ["scenario"] = new("scenario", "kịch bản"),
    };

    /// <summary>The largest demand at which a target still holds.</summary>
    public static Bilingual Capacity { get; } = new("capacity", "năng lực thông quan");

    public static Bilingual Demand { get; } = new("demand", "nhu cầu");

    public static Bilingual Target { get; } = new("target", "mục tiêu");

    public static Bilingual Scenario { get; } = new("scenario", "kịch bản");

    public static Bilingual Replications { get; } = new("replications", "lần lặp");

    public static Bilingual Runs { get; } = new("runs", "lần chạy");

    public static Bilingual Round { get; } = new("round", "vòng");

    public static Bilingual Observations { get; } = new("observations", "số liệu quan sát");

    public static Bilingual Candidates { get; } = new("candidates", "phương án thử");

    public static Bilingual Configurations { get; } = new("configurations", "cấu hình");

    public static Bilingual Factor { get; } = new("factor", "hệ số");

    public static Bilingual TrucksPerDay { get; } = new("trucks/day", "xe/ngày");

    public static Bilingual Hours { get; } = new("h", "giờ");

    public static Bilingual Minutes { get; } = new("min", "phút");

    public static Bilingual Days { get; } = new("days", "ngày");

    public static Bilingual Threads { get; } = new("threads", "luồng");

    public static Bilingual ConfidenceInterval { get; } = new("CI", "khoảng tin cậy");

    public static Bilingual Error { get; } = new("error", "lỗi");

    public static Bilingual Warning { get; } = new("warning", "cảnh báo");

    public static Bilingual Wrote { get; } = new("wrote", "đã ghi");

    public static Bilingual Base { get; } = new("base", "phương án gốc");

    public static Bilingual Alternative { get; } = new("alternative", "phương án thay thế");

    public static Bilingual Difference { get; } = new("difference", "chênh lệch");

    public static Bilingual Significant { get; } = new("significant", "có ý nghĩa");

    public static Bilingual Metric { get; } = new("metric", "chỉ tiêu");

    public static Bilingual Yes { get; } = new("yes", "có");

    public static Bilingual No { get; } = new("no", "không");

    public static Bilingual Overloaded { get; } = new("overloaded", "quá tải");

    public static Bilingual AllRoutes { get; } = new("all routes", "mọi tuyến");

    public static Bilingual WarmUp { get; } = new("warm-up", "giai đoạn khởi động");

    /// <summary>Every term here, named, for the test that each has both languages.</summary>
    public static IEnumerable<(string Name, Bilingual Words)> All()
    {
        foreach (var (name, words) in Directions)
        {
            yield return ("direction " + name, words);
        }

        foreach (var (name, words) in CargoClasses)
        {
            yield return ("cargo class " + name, words);
        }

        foreach (var (name, words) in Settings)
        {
            yield return ("setting " + name, words);
        }

        foreach (var (name, words) in ObservationKinds)
        {
            yield return ("observation kind " + name, words);
        }

        foreach (var (name, words) in TimeZones)
        {
            yield return ("time zone " + name, words);
        }

        foreach (var (name, words) in Events)
        {
            yield return ("event " + name, words);
        }

        foreach (var (name, words) in Parts)
        {
            yield return ("part " + name, words);
        }

        foreach (System.Reflection.PropertyInfo property in typeof(Glossary).GetProperties().Where(p => p.PropertyType == typeof(Bilingual)))
        {
            yield return (property.Name, (Bilingual)property.GetValue(null)!);
        }
    }
}
