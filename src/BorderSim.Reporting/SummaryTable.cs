using System.Globalization;
using System.Text;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The console summary of a run: an OVERLOADED warning per direction whose queue grows without bound, then
/// the headline metrics (trucks served per day and still in the system at the end per direction, mean and
/// p95 wait per class beside the mean that counts the trucks still waiting, highway queue in km, backlog
/// growth), each as mean ± 95% half-width with the min and max over replications; then how each stage's
/// server-hours split into busy, blocked, idle and closed, and the binding stage of each direction. Plain
/// aligned text, invariant culture; summary.csv has the rest.
/// </summary>
public static class SummaryTable
{
    /// <summary>A group of rows: the metrics whose name starts with <see cref="NamePrefix"/> and whose statistic (the rest of the name) is wanted.</summary>
    private sealed record Section(string Title, string NamePrefix, string[] Statistics, bool PreferWithoutClass)
    {
        /// <summary>The title in Vietnamese (--lang vi).</summary>
        public string TitleVi { get; init; } = Title;
    }

    // Metric names follow "<quantity>_<statistic>" (wait_hours_p95); the quantity alone when there is one statistic.
    private static readonly Section[] Sections =
    [
        new("Trucks served per day", "served_per_day", [""], PreferWithoutClass: true) { TitleVi = "Số xe thông quan mỗi ngày" },
        new("Trucks still in the system at the end", "in_system_at_end", [""], PreferWithoutClass: true) { TitleVi = "Số xe còn tồn khi kết thúc" },
        new("Oldest wait of a truck still in the system (hours)", "oldest_wait_hours", [""], PreferWithoutClass: true) { TitleVi = "Thời gian chờ lâu nhất của xe còn tồn (giờ)" },
        new("Wait (hours; served trucks, and incl. the waits so far of trucks still in the system: censored)", "wait_hours", ["mean", "p95", "mean_incl_waiting"], PreferWithoutClass: false)
        {
            TitleVi = "Thời gian chờ (giờ; xe đã thông quan, và tính cả thời gian đã chờ của xe còn tồn)",
        },
        new("Highway queue (km)", "highway_queue_km", ["mean", "max"], PreferWithoutClass: false) { TitleVi = "Hàng xe trên quốc lộ (km)" },
        new("Backlog growth (trucks/day, trend of trucks in the system at the end of the run)", "backlog_growth_trucks_per_day", [""], PreferWithoutClass: false)
        {
            TitleVi = "Mức tăng xe tồn (xe/ngày, xu hướng số xe trong hệ thống cuối kỳ)",
        },
        new("Starting backlog: days to clear (to the first moment no truck waits; mean of the replications where it cleared)", "days_to_clear", [""], PreferWithoutClass: false)
        {
            TitleVi = "Xe tồn ban đầu: số ngày để giải tỏa (đến lúc không còn xe chờ; trung bình các lần lặp đã giải tỏa)",
        },
        new("Starting backlog: share of replications where it cleared within the run (below 1: lengthen days)", "backlog_cleared", [""], PreferWithoutClass: false)
        {
            TitleVi = "Xe tồn ban đầu: tỷ lệ lần lặp giải tỏa được trong kỳ (dưới 1: tăng số ngày)",
        },
        new("Starting backlog: trucks served per day while it lasted (to the days to clear; served per day above is the whole run's mean)", "served_per_day_while_backlog", [""], PreferWithoutClass: false)
        {
            TitleVi = "Xe tồn ban đầu: số xe thông quan mỗi ngày trong thời gian còn xe tồn (đến lúc giải tỏa; số ở trên là trung bình cả kỳ)",
        },
    ];

    private static readonly string[] ServerShares = ["busy", "blocked", "held_back", "idle", "closed"];

    // The model's names: served_per_day (direction, class "all" = every class), wait_hours_{mean,p50,p95,max}
    // (direction "all", per class), highway_queue_km_{mean,max} (per direction), utilisation (per stage).
    private static readonly string[] ColumnTitles = ["", "mean", "± 95%", "min", "max"];

    /// <param name="result">The run.</param>
    /// <param name="writer">stdout.</param>
    /// <param name="language">English (default) or Vietnamese: words, and the decimal comma.</param>
    public static void Write(ExperimentResult result, TextWriter writer, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        ReportLanguage lang = language ?? ReportLanguage.English;
        string Number(double value) => FormatNumber(value, lang);
        int replications = result.Replications.Count > 0 ? result.Replications.Count : result.Summary.FirstOrDefault()?.Replications ?? 0;
        writer.Write(lang.IsVietnamese
            ? $"{lang.Title(result.Scenario)}: {replications} lần lặp, mỗi lần {result.Scenario.Days} ngày, khởi động {Number(result.WarmUpHours)} giờ ({Html.ScenarioSection.WarmUpMethod(result.WarmUpMethod, lang)})\n"
            : FormattableString.Invariant(
                $"{lang.Title(result.Scenario)}: {replications} replications of {result.Scenario.Days} days, warm-up {FormatNumber(result.WarmUpHours)} h ({result.WarmUpMethod})\n"));
        foreach (string warning in LoadReport.Warnings(result, lang))
        {
            writer.Write(warning + "\n");
        }

        if (result.Precision is { IsMet: true } precision)
        {
            writer.Write(PrecisionReport.Line(precision) + "\n");
        }

        var rows = new List<string[]>();
        var sectionStarts = new List<(int Row, string Title)>();
        foreach (Section section in Sections)
        {
            List<MetricSummary> metrics = [.. result.Summary.Where(m => Statistic(m.Key.Name, section) is not null)];
            if (section.PreferWithoutClass && metrics.Any(m => IsAll(m.Key.CargoClass)))
            {
                metrics = [.. metrics.Where(m => IsAll(m.Key.CargoClass))];
            }

            if (metrics.Count == 0)
            {
                continue;
            }

            sectionStarts.Add((rows.Count, lang.IsVietnamese ? section.TitleVi : section.Title));
            foreach (MetricSummary metric in metrics)
            {
                rows.Add(
                [
                    "  " + Label(metric.Key, Statistic(metric.Key.Name, section)!, lang),
                    Number(metric.Mean),
                    "± " + Number(metric.HalfWidth95),
                    Number(metric.Min),
                    Number(metric.Max),
                ]);
            }
        }

        if (rows.Count == 0)
        {
            writer.Write(lang.Say("(no headline metrics; see summary.csv)\n", "(không có chỉ tiêu chính; xem summary.csv)\n"));
            return;
        }

        string[] columnTitles = lang.IsVietnamese ? ["", "trung bình", "± 95%", "nhỏ nhất", "lớn nhất"] : ColumnTitles;
        int[] widths = new int[columnTitles.Length];
        foreach (string[] row in rows.Prepend(columnTitles))
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        writer.Write(FormatRow(columnTitles, widths));
        int nextSection = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            if (nextSection < sectionStarts.Count && sectionStarts[nextSection].Row == r)
            {
                writer.Write(sectionStarts[nextSection].Title + "\n");
                nextSection++;
            }

            writer.Write(FormatRow(rows[r], widths));
        }

        foreach (string sentence in BacklogAnswer.Sentences(result, lang))
        {
            writer.Write(sentence + "\n");
        }

        WriteServerTime(result, writer, lang);
    }

    /// <summary>
    /// Per stage with servers, the mean shares of its server-hours spent busy, blocked (holding a served truck
    /// that cannot move on), held back (idle while trucks refused by a cap or quota wait), idle and closed (they
    /// sum to 1); then each direction's binding stage.
    /// </summary>
    private static void WriteServerTime(ExperimentResult result, TextWriter writer, ReportLanguage lang)
    {
        var means = result.Summary.ToDictionary(m => m.Key.Id, m => m.Mean, StringComparer.Ordinal);
        List<MetricKey> stages = [.. result.Summary.Where(m => m.Key.Name == Metrics.UtilisationBusy.Name).Select(m => m.Key)];
        if (stages.Count == 0)
        {
            return;
        }

        string[] titles = lang.IsVietnamese
            ? ["Thời gian phục vụ (tỷ lệ giờ phục vụ)", "bận", "bị chặn", "bị giữ lại", "rảnh", "đóng cửa", "bận/giờ mở"]
            : ["Server time (share of server-hours)", "busy", "blocked", "held back", "idle", "closed", "busy of open"];
        var rows = new List<string[]> { titles };
        foreach (MetricKey stage in stages)
        {
            string Share(string name) => FormatNumber(means.GetValueOrDefault(new MetricKey(name, "share", stage.Direction, stage.CargoClass, stage.Stage).Id, double.NaN), lang);
            rows.Add(["  " + Label(stage, "", lang), .. ServerShares.Select(share => Share("utilisation_" + share)), Share("utilisation")]);
        }

        int[] widths = [.. Enumerable.Range(0, titles.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            writer.Write(FormatRow(row, widths));
        }

        WriteReservedTime(result, means, writer, lang);
        WritePoolTime(result, means, writer);
        foreach (DirectionLoad load in result.DirectionLoads.Where(l => l.BindingStage.Length > 0))
        {
            if (load.BindingStage.StartsWith(LoadCheck.PoolPrefix, StringComparison.Ordinal))
            {
                double inUse = means.GetValueOrDefault(Metrics.PoolUtilisation.Key(stage: load.BindingStage[LoadCheck.PoolPrefix.Length..]).Id, double.NaN);
                writer.Write(FormattableString.Invariant($"Binding stage, {load.Direction}: {load.BindingStage} (in use {FormatNumber(inUse)} of its on-duty unit-hours, above every stage of the direction)\n"));
                continue;
            }

            double busyOfOpen = means.GetValueOrDefault(new MetricKey("utilisation", "share", load.Direction, "", load.BindingStage).Id, double.NaN);
            double heldBack = load.BindingHeldBackOfOpen;
            string heldBackVi = heldBack > 0 ? $", bị giữ lại {lang.Percent(heldBack)} do hạn mức hoặc chỉ tiêu" : "";
            string heldBackEn = heldBack > 0 ? $", held back {lang.Percent(heldBack)} by a cap or quota while trucks waited" : "";
            writer.Write(lang.IsVietnamese
                ? $"Điểm nghẽn, {lang.Side(load.Direction)}: {lang.Stage(load.BindingStage)} (bận {lang.Percent(busyOfOpen)} số giờ mở cửa{heldBackVi}, cao nhất của chiều này)\n"
                : $"Binding stage, {load.Direction}: {lang.Stage(load.BindingStage)} (busy {lang.Percent(busyOfOpen)} of its open server-hours{heldBackEn}, the most of the direction)\n");
        }
    }

    /// <summary>Per check or road that keeps servers for a class: the share of open server-hours in use on the kept servers and on the others.</summary>
    private static void WriteReservedTime(ExperimentResult result, Dictionary<string, double> means, TextWriter writer, ReportLanguage lang)
    {
        List<MetricKey> stages = [.. result.Summary.Where(m => m.Key.Name == Metrics.UtilisationReserved.Name).Select(m => m.Key)];
        if (stages.Count == 0)
        {
            return;
        }

        string[] titles = lang.IsVietnamese
            ? ["Quầy dành riêng cho loại hàng (tỷ lệ giờ mở đang dùng)", "dành riêng", "còn lại"]
            : ["Servers kept for a class (in use of open server-hours)", "kept", "others"];
        var rows = new List<string[]> { titles };
        foreach (MetricKey stage in stages)
        {
            string Share(MetricDefinition metric) => FormatNumber(means.GetValueOrDefault(metric.Key(stage.Direction, stage.CargoClass, stage.Stage).Id, double.NaN), lang);
            rows.Add(["  " + Label(stage, "", lang), Share(Metrics.UtilisationReserved), Share(Metrics.UtilisationUnreserved)]);
        }

        int[] widths = [.. Enumerable.Range(0, titles.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            writer.Write(FormatRow(row, widths));
        }
    }

    /// <summary>Per pool, the shares of its unit-hours with a truck, returning, idle and off duty (they sum to 1), trips a day and the mean wait for a unit.</summary>
    private static void WritePoolTime(ExperimentResult result, Dictionary<string, double> means, TextWriter writer)
    {
        List<MetricKey> pools = [.. result.Summary.Where(m => m.Key.Name == Metrics.PoolUtilisationBusy.Name).Select(m => m.Key)];
        if (pools.Count == 0)
        {
            return;
        }

        string[] titles = ["Pool time (share of unit-hours)", "with truck", "returning", "idle", "off duty", "in use of on duty", "trips/day", "wait h"];
        var rows = new List<string[]> { titles };
        foreach (MetricKey pool in pools)
        {
            string Value(MetricDefinition metric) => FormatNumber(means.GetValueOrDefault(metric.Key(stage: pool.Stage).Id, double.NaN));
            rows.Add(
            [
                "  pool " + pool.Stage, Value(Metrics.PoolUtilisationBusy), Value(Metrics.PoolUtilisationReturning), Value(Metrics.PoolUtilisationIdle),
                Value(Metrics.PoolUtilisationClosed), Value(Metrics.PoolUtilisation), Value(Metrics.PoolTripsPerDay), Value(Metrics.PoolWaitHoursMean),
            ]);
        }

        int[] widths = [.. Enumerable.Range(0, titles.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            writer.Write(FormatRow(row, widths));
        }
    }

    private static string? Statistic(string name, Section section)
    {
        if (!name.StartsWith(section.NamePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string rest = name[section.NamePrefix.Length..];
        string statistic = rest.StartsWith('_') ? rest[1..] : rest;
        return section.Statistics.Contains(statistic) ? statistic : null;
    }

    private static string Label(MetricKey key, string statistic, ReportLanguage lang)
    {
        string what = string.Join(" / ", new[] { lang.Direction(key.Direction), lang.CargoClass(key.CargoClass), lang.Stage(key.Stage) }.Where(p => !IsAll(p) && p != lang.Direction("all") && p != lang.CargoClass("all")));
        if (what.Length == 0)
        {
            return statistic.Length == 0 ? "all" : statistic;
        }

        // wait_hours_mean_incl_waiting: the trucks still in the system count with their waits so far (censored).
        string shown = statistic switch
        {
            "mean_incl_waiting" => lang.Say("mean incl. still waiting", "tb. tính cả xe còn chờ"),
            "mean" => lang.Say("mean", "trung bình"),
            "max" => lang.Say("max", "lớn nhất"),
            _ => statistic,
        };
        return statistic.Length == 0 ? what : $"{what}  {shown}";
    }

    /// <summary>The model writes "all" (or nothing) for a total over directions or classes.</summary>
    private static bool IsAll(string part) => part.Length == 0 || part == "all";

    private static string FormatRow(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c == 0)
            {
                line.Append(cells[c].PadRight(widths[c]));
            }
            else
            {
                line.Append("  ").Append(cells[c].PadLeft(widths[c]));
            }
        }

        return line.ToString().TrimEnd() + "\n";
    }

    /// <summary>As <see cref="FormatNumber(double)"/>, with a decimal comma in Vietnamese (there is no thousands separator to confuse).</summary>
    public static string FormatNumber(double value, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        string text = FormatNumber(value);
        return lang.IsVietnamese ? text.Replace('.', ',') : text;
    }

    /// <summary>About three significant figures, invariant culture; NaN as "-".</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "-";
        }

        double magnitude = Math.Abs(value);
        string format = magnitude switch
        {
            0 => "0",
            >= 100 => "0",
            >= 10 => "0.0",
            >= 1 => "0.00",
            >= 0.001 => "0.000",
            // No exponent: a planner reads 0.000873, not 8.73E-4; below a millionth it is 0.
            _ => "0.######",
        };
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
