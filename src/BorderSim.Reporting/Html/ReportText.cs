using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Html;

/// <summary>The words of a run's report: its warnings, the answer in sentences, its tables and plot captions.</summary>
public static class ReportText
{
    /// <summary>Runs longer than this have no day-by-day table in the report (daily.csv has it).</summary>
    public const int MaxDaysInTable = 100;

    /// <summary>Below this many replications an interval rests on very few values: say so.</summary>
    public const int FewReplications = 5;

    /// <summary>Trucks still in the system at the end worth a warning: more than this share of a day's service.</summary>
    public const double StuckShareOfDay = 0.25;

    /// <summary>"95% CI 687 to 697" / "KTC 95%: 687 đến 697"; "no interval (one replication)" when there is none.</summary>
    public static string Interval(double mean, double halfWidth, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return double.IsNaN(halfWidth)
            ? lang.Say("no interval (one replication)", "không có khoảng tin cậy (một lần lặp)")
            : lang.Say($"95% CI {lang.Number(mean - halfWidth)} to {lang.Number(mean + halfWidth)}", $"khoảng tin cậy 95%: {lang.Number(mean - halfWidth)} đến {lang.Number(mean + halfWidth)}");
    }

    /// <summary>
    /// What a reader must know before quoting a number: each overloaded direction (its means depend on the run's
    /// length), many trucks still in the system at the end, no warm-up or a long one, few replications.
    /// </summary>
    public static IReadOnlyList<string> Warnings(ExperimentResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        var warnings = new List<string>(HorizonText.Warnings(result.HorizonCuts, lang));
        warnings.AddRange(OverloadWarnings(result, lang));
        Dictionary<string, MetricSummary> m = ById(result);
        foreach (string direction in result.Scenario.Directions.Select(d => d.Name))
        {
            if (!m.TryGetValue(Metrics.InSystemAtEnd.Key(direction, "all").Id, out MetricSummary? left) || !m.TryGetValue(Metrics.ServedPerDay.Key(direction, "all").Id, out MetricSummary? served))
            {
                continue;
            }

            if (left.Mean > StuckShareOfDay * served.Mean && left.Mean >= 1)
            {
                double oldest = m.TryGetValue(Metrics.OldestWaitHours.Key(direction, "all").Id, out MetricSummary? o) ? o.Mean : double.NaN;
                warnings.Add(lang.Say(
                    $"{lang.Whole(left.Mean)} {lang.Direction(direction)} trucks ({Interval(left.Mean, left.HalfWidth95, lang)}) were still in the system when the run ended, more than a quarter of a day's service; the oldest had waited {lang.Number(oldest)} h. The mean wait of served trucks leaves them out: see the mean incl. trucks still waiting.",
                    $"{lang.Whole(left.Mean)} xe {lang.Direction(direction)} ({Interval(left.Mean, left.HalfWidth95, lang)}) vẫn còn tồn khi kết thúc mô phỏng, hơn một phần tư lượng thông quan trong ngày; xe chờ lâu nhất đã chờ {lang.Number(oldest)} giờ. Thời gian chờ trung bình của xe đã thông quan không tính các xe này: xem chỉ tiêu tính cả xe còn chờ."));
            }
        }

        if (result.WarmUpHours <= 0 && BacklogAnswer.HasStartingBacklog(result.Scenario))
        {
            int trucks = result.Scenario.Directions.Sum(BacklogAnswer.StartingTrucks);
            warnings.Add(lang.Say(
                $"The run starts with {lang.Whole(trucks)} trucks already waiting (the starting backlog) and, as a backlog run should, has no warm-up: every statistic includes the clearing of that backlog, so the means describe these {result.Scenario.Days} days, not a steady state; quote the days to clear and the daily series.",
                $"Kỳ mô phỏng bắt đầu với {lang.Whole(trucks)} xe đang chờ (xe tồn ban đầu) và, đúng với bài toán giải tỏa, không có giai đoạn khởi động: mọi thống kê tính cả quá trình giải tỏa, nên các giá trị trung bình mô tả {result.Scenario.Days} ngày này, không phải trạng thái ổn định; hãy dẫn số ngày giải tỏa và số liệu theo ngày."));
        }
        else if (result.WarmUpHours <= 0)
        {
            warnings.Add(lang.Say(
                "No warm-up: the statistics include the start of the run, when the crossing is still empty, so waits and queues may read low.",
                "Không có giai đoạn khởi động: thống kê tính cả lúc bắt đầu, khi cửa khẩu còn trống xe, nên thời gian chờ và hàng đợi có thể thấp hơn thực tế."));
        }
        else if (result.WarmUpHours > result.Scenario.RunHours / 2)
        {
            warnings.Add(lang.Say(
                $"The warm-up ({lang.Number(result.WarmUpHours)} h) is more than half the run: the statistics rest on the last {lang.Number(result.Scenario.RunHours - result.WarmUpHours)} h only.",
                $"Giai đoạn khởi động ({lang.Number(result.WarmUpHours)} giờ) dài hơn nửa kỳ mô phỏng: thống kê chỉ dựa trên {lang.Number(result.Scenario.RunHours - result.WarmUpHours)} giờ cuối."));
        }

        int replications = RunReport.ReplicationCount(result);
        if (replications < FewReplications)
        {
            warnings.Add(lang.Say(
                $"Only {replications} replications: the 95% intervals rest on few values and are wide; run more (--replications) before quoting them.",
                $"Chỉ có {replications} lần lặp: khoảng tin cậy 95% dựa trên ít giá trị nên rộng; hãy chạy thêm (--replications) trước khi trích dẫn."));
        }

        return warnings;
    }

    /// <summary>One sentence per overloaded direction: the stage whose demand reaches its capacity, the growth of the backlog, and that its means depend on the run's length.</summary>
    public static IEnumerable<string> OverloadWarnings(ExperimentResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        int days = result.Scenario.Days;
        foreach (DirectionLoad load in result.DirectionLoads.Where(l => l.IsOverloaded))
        {
            string dir = lang.Direction(load.Direction), side = lang.Side(load.Direction);
            StageLoad? stage = result.StageLoads.Where(l => l.Direction == load.Direction && l.IsOverloaded).OrderByDescending(l => l.Ratio).FirstOrDefault();
            string why = stage is null
                ? ""
                : lang.Say(
                    $" Demand {lang.Whole(stage.DemandTrucksPerDay)} trucks a day reaches the capacity of {lang.Stage(stage.Stage)}, {lang.Whole(stage.CapacityTrucksPerDay)} a day.",
                    $" Nhu cầu {lang.Whole(stage.DemandTrucksPerDay)} xe/ngày vượt năng lực của {lang.Stage(stage.Stage)} là {lang.Whole(stage.CapacityTrucksPerDay)} xe/ngày.");
            string growth = double.IsNaN(load.GrowthTrucksPerDay)
                ? lang.Say(" The backlog growth could not be measured (fewer than 3 whole days after the warm-up).", " Chưa đo được mức tăng xe tồn (ít hơn 3 ngày trọn sau giai đoạn khởi động).")
                : lang.Say(
                    $" Trucks in the system grow by {lang.Number(load.GrowthTrucksPerDay)} a day ({Interval(load.GrowthTrucksPerDay, load.GrowthHalfWidth95, lang)}).",
                    $" Số xe tồn tăng {lang.Number(load.GrowthTrucksPerDay)} xe mỗi ngày ({Interval(load.GrowthTrucksPerDay, load.GrowthHalfWidth95, lang)}).");
            yield return lang.Say(
                $"OVERLOADED, {dir}: the queue grows without a steady state.{why}{growth} This direction's waits and queues grow with the run's length ({days} days): quote the growth and the trucks served per day, not the mean wait.",
                $"QUÁ TẢI, {side}: hàng xe tăng mãi, không đạt trạng thái ổn định.{why}{growth} Thời gian chờ và hàng đợi của chiều này tăng theo độ dài kỳ mô phỏng ({days} ngày): hãy dẫn mức tăng xe tồn và số xe thông quan mỗi ngày, không dẫn thời gian chờ trung bình.");
        }
    }

    /// <summary>A precision target missed at --max-replications, in the report's language.</summary>
    public static string PrecisionWarning(PrecisionOutcome p, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(lang);
        return lang.Say(
            PrecisionReport.Line(p),
            $"CHƯA ĐẠT ĐỘ CHÍNH XÁC: nửa độ rộng khoảng tin cậy 95% của {p.MetricId} là {lang.Percent(p.ReachedShare)} giá trị trung bình sau {p.Replications} lần lặp, lớn hơn mức {lang.Percent(p.WantedShare)} yêu cầu (đã dừng ở --max-replications; mã thoát 1).");
    }

    /// <summary>The warnings box, or a short line saying there is none.</summary>
    /// <param name="page">The report.</param>
    /// <param name="warnings">What to read first.</param>
    /// <param name="noWarnings">What was checked, said when nothing was found [default: a run's checks].</param>
    public static void WriteWarnings(ReportPage page, IReadOnlyList<string> warnings, string? noWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(warnings);
        ReportLanguage lang = page.Language;
        if (warnings.Count == 0)
        {
            page.BeginSection("fine").Paragraph(noWarnings ?? lang.Say(
                "No warnings: no direction is overloaded, few trucks are left in the system at the end, the warm-up and the replications are adequate.",
                "Không có cảnh báo: không chiều nào quá tải, ít xe còn tồn khi kết thúc, giai đoạn khởi động và số lần lặp phù hợp.")).EndSection();
            return;
        }

        page.BeginSection("warnings").Heading(2, lang.Say("Read this first", "Lưu ý trước khi đọc")).List(warnings).EndSection();
    }

    /// <summary>The answer in sentences, one per direction, then the binding stages and the cost of delay.</summary>
    public static IReadOnlyList<string> Answer(ExperimentResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        Dictionary<string, MetricSummary> m = ById(result);
        var sentences = new List<string>();
        foreach (string direction in result.Scenario.Directions.Select(d => d.Name))
        {
            if (!m.TryGetValue(Metrics.ServedPerDay.Key(direction, "all").Id, out MetricSummary? served))
            {
                continue;
            }

            string dir = lang.Direction(direction);
            string text = lang.Say(
                $"{Capital(dir)}: {lang.Whole(served.Mean)} trucks served a day ({Interval(served.Mean, served.HalfWidth95, lang)})",
                $"{Capital(lang.Side(direction))}: {lang.Whole(served.Mean)} xe thông quan mỗi ngày ({Interval(served.Mean, served.HalfWidth95, lang)})");
            if (m.TryGetValue(Metrics.WaitHoursMean.Key(direction, "all").Id, out MetricSummary? wait))
            {
                text += lang.Say(
                    $"; a served truck waited {lang.Number(wait.Mean)} h on average ({Interval(wait.Mean, wait.HalfWidth95, lang)})",
                    $"; mỗi xe đã thông quan chờ trung bình {lang.Number(wait.Mean)} giờ ({Interval(wait.Mean, wait.HalfWidth95, lang)})");
            }

            if (m.TryGetValue(Metrics.WaitHoursP95.Key(direction, "all").Id, out MetricSummary? p95))
            {
                text += lang.Say($", and 95% of trucks waited at most {lang.Number(p95.Mean)} h", $", 95% số xe chờ không quá {lang.Number(p95.Mean)} giờ");
            }

            if (m.TryGetValue(Metrics.HighwayQueueKmMean.Key(direction).Id, out MetricSummary? km) && m.TryGetValue(Metrics.HighwayQueueKmMax.Key(direction).Id, out MetricSummary? kmMax))
            {
                text += km.Mean > 0 || kmMax.Mean > 0
                    ? lang.Say(
                        $"; the queue on the highway was {lang.Number(km.Mean)} km long on average ({Interval(km.Mean, km.HalfWidth95, lang)}) and {lang.Number(kmMax.Mean)} km at its longest",
                        $"; hàng xe trên quốc lộ dài trung bình {lang.Number(km.Mean)} km ({Interval(km.Mean, km.HalfWidth95, lang)}), dài nhất {lang.Number(kmMax.Mean)} km")
                    : lang.Say("; no truck queued on the highway", "; không có xe xếp hàng trên quốc lộ");
            }

            DirectionLoad? load = result.DirectionLoads.FirstOrDefault(l => l.Direction == direction);
            if (load?.IsOverloaded == true)
            {
                text += lang.Say(
                    $". It is overloaded: these waits and queues hold for these {result.Scenario.Days} days only, and grow with a longer run",
                    $". Chiều này quá tải: thời gian chờ và hàng đợi trên chỉ đúng cho {result.Scenario.Days} ngày này, kỳ dài hơn sẽ lớn hơn");
            }

            if (load is { BindingStage.Length: > 0 } && m.TryGetValue(Metrics.Utilisation.Key(direction, stage: load.BindingStage).Id, out MetricSummary? busy))
            {
                text += lang.Say(
                    $". Its binding stage is {lang.Stage(load.BindingStage)}, busy {lang.Percent(busy.Mean)} of its open hours",
                    $". Khâu nghẽn nhất là {lang.Stage(load.BindingStage)}, bận {lang.Percent(busy.Mean)} thời gian mở cửa");
                if (load.BindingHeldBackOfOpen > 0)
                {
                    text += lang.Say(
                        $" and held back {lang.Percent(load.BindingHeldBackOfOpen)} by its cap or quota while trucks waited",
                        $" và bị giữ lại {lang.Percent(load.BindingHeldBackOfOpen)} do hạn mức hoặc chỉ tiêu trong khi xe vẫn chờ");
                }
            }

            sentences.Add(text + ".");
        }

        sentences.AddRange(BacklogAnswer.Sentences(result, lang));
        if (m.TryGetValue(Metrics.DelayCostUsdPerDay.Key("all", "all").Id, out MetricSummary? cost) || m.TryGetValue("delay_cost_usd_per_day/all", out cost))
        {
            // The cost is the served trucks' waits: with a direction overloaded it grows with the run, as they do.
            string onlyThisRun = result.DirectionLoads.Any(l => l.IsOverloaded)
                ? lang.Say(
                    $" It holds for these {result.Scenario.Days} days only: an overloaded direction's waits, and so the cost, grow with a longer run.",
                    $" Con số này chỉ đúng cho {result.Scenario.Days} ngày này: thời gian chờ của chiều quá tải, và do đó chi phí, sẽ lớn hơn nếu kỳ dài hơn.")
                : "";
            sentences.Add(lang.Say(
                $"Waiting costs {lang.Whole(cost.Mean)} USD a day over both directions ({Interval(cost.Mean, cost.HalfWidth95, lang)}), at each cargo class's value of delay.",
                $"Chi phí chờ đợi là {lang.Whole(cost.Mean)} USD mỗi ngày cho cả hai chiều ({Interval(cost.Mean, cost.HalfWidth95, lang)}), theo giá trị thời gian của từng loại hàng.") + onlyThisRun);
        }

        return sentences;
    }

    /// <summary>The headline metrics: per direction served, left at the end, waits, highway queue, backlog growth; waits per class; cost.</summary>
    public static void WriteHeadlineTable(ReportPage page, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = page.Language;
        Dictionary<string, MetricSummary> m = ById(result);
        var rows = new List<IReadOnlyList<string>>();
        void Row(string id)
        {
            if (m.TryGetValue(id, out MetricSummary? metric))
            {
                string label = lang.MetricWhat(metric.Key.Name);
                rows.Add([label, lang.Unit(metric.Key.Unit), lang.Number(metric.Mean), HalfWidth(metric.HalfWidth95, lang), lang.Number(metric.Min), lang.Number(metric.Max)]);
            }
        }

        foreach (string d in result.Scenario.Directions.Select(x => x.Name))
        {
            rows.Add(["§" + Capital(lang.Direction(d))]);
            Row(Metrics.ServedPerDay.Key(d, "all").Id);
            Row(Metrics.InSystemAtEnd.Key(d, "all").Id);
            Row(Metrics.OldestWaitHours.Key(d, "all").Id);
            Row(Metrics.WaitHoursMean.Key(d, "all").Id);
            Row(Metrics.WaitHoursP95.Key(d, "all").Id);
            Row(Metrics.WaitHoursMeanInclWaiting.Key(d, "all").Id);
            Row(Metrics.HighwayQueueKmMean.Key(d).Id);
            Row(Metrics.HighwayQueueKmMax.Key(d).Id);
            Row(Metrics.BacklogGrowthTrucksPerDay.Key(d).Id);
            Row(Metrics.DaysToClear.Key(d).Id);
            Row(Metrics.BacklogCleared.Key(d).Id);
            Row(Metrics.ServedPerDayWhileBacklog.Key(d).Id);
            Row(Metrics.DelayCostUsdPerDay.Key(d, "all").Id);
        }

        string[] classes = [.. result.Summary.Where(x => x.Key.Name == Metrics.WaitHoursMean.Name && x.Key.Direction == "all").Select(x => x.Key.CargoClass).Distinct()];
        foreach (string c in classes)
        {
            rows.Add(["§" + lang.Say($"Cargo class {lang.CargoClass(c)} (both directions)", $"Loại hàng: {lang.CargoClass(c)} (cả hai chiều)")]);
            Row(Metrics.WaitHoursMean.Key("all", c).Id);
            Row(Metrics.WaitHoursP95.Key("all", c).Id);
            Row(Metrics.WaitHoursMeanInclWaiting.Key("all", c).Id);
            Row(Metrics.PastShelfLifeShare.Key("all", c).Id);
        }

        if (m.ContainsKey(Metrics.DelayCostUsdPerDay.Key("all", "all").Id))
        {
            rows.Add(["§" + lang.Say("Both directions", "Cả hai chiều")]);
            Row(Metrics.DelayCostUsdPerDay.Key("all", "all").Id);
        }

        page.Heading(3, lang.Say("Headline metrics", "Các chỉ tiêu chính"));
        page.Table(
            [lang.Say("metric", "chỉ tiêu"), lang.Say("unit", "đơn vị"), lang.Say("mean", "trung bình"), lang.Say("± 95%", "± 95%"), lang.Say("min", "nhỏ nhất"), lang.Say("max", "lớn nhất")],
            rows,
            caption: lang.Say(
                "Mean over replications after the warm-up, ± the half-width of its 95% confidence interval, and the smallest and largest replication. Every metric is in summary.csv.",
                "Trung bình các lần lặp sau giai đoạn khởi động, ± nửa độ rộng khoảng tin cậy 95%, cùng giá trị nhỏ nhất và lớn nhất giữa các lần lặp. Mọi chỉ tiêu có trong summary.csv."));
    }

    /// <summary>How each stage's server-hours split, the binding stage of each direction in bold.</summary>
    public static void WriteServerTimeTable(ReportPage page, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = page.Language;
        Dictionary<string, MetricSummary> m = ById(result);
        List<MetricKey> stages = [.. result.Summary.Where(x => x.Key.Name == Metrics.UtilisationBusy.Name).Select(x => x.Key)];
        if (stages.Count == 0)
        {
            return;
        }

        var binding = result.DirectionLoads.ToDictionary(l => l.Direction, l => l.BindingStage, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<string>>();
        var bold = new HashSet<int>();
        foreach (MetricKey stage in stages)
        {
            string Share(string name) => m.TryGetValue(new MetricKey(name, "share", stage.Direction, "", stage.Stage).Id, out MetricSummary? v) ? lang.Percent(v.Mean) : "–";
            bool isBinding = binding.TryGetValue(stage.Direction, out string? b) && b == stage.Stage;
            if (isBinding)
            {
                bold.Add(rows.Count);
            }

            rows.Add([$"{lang.Direction(stage.Direction)} / {lang.Stage(stage.Stage)}" + (isBinding ? lang.Say(" (binding)", " (điểm nghẽn)") : ""), Share("utilisation_busy"), Share("utilisation_blocked"), Share("utilisation_held_back"), Share("utilisation_idle"), Share("utilisation_closed"), Share("utilisation")]);
        }

        page.Heading(3, lang.Say("Server time", "Thời gian phục vụ"));
        page.Table(
            [lang.Say("direction / stage", "chiều / khâu"), lang.Say("busy", "bận"), lang.Say("blocked", "bị chặn"), lang.Say("held back", "bị giữ lại"), lang.Say("idle", "rảnh"), lang.Say("closed", "đóng cửa"), lang.Say("busy of open hours", "bận / giờ mở cửa")],
            rows,
            i => bold.Contains(i) ? "key" : null,
            lang.Say(
                "Shares of each stage's server-hours (they sum to 100%): busy serving; blocked holding a served truck that cannot move on; held back: open and idle while trucks its clearance cap or appointment quota refused for the day wait; idle while open; closed. The binding stage of a direction is the one busy or held back the most of its open hours.",
                "Tỷ lệ giờ phục vụ của mỗi khâu (tổng 100%): bận phục vụ; bị chặn vì xe đã xong không đi tiếp được; bị giữ lại: mở cửa nhưng không phục vụ vì hạn mức thông quan hoặc chỉ tiêu hẹn trước đã hết trong khi xe vẫn chờ; rảnh khi mở cửa; đóng cửa. Điểm nghẽn của một chiều là khâu bận hoặc bị giữ lại nhiều nhất trong giờ mở cửa."));
        WriteReservedTable(page, result, m);
    }

    /// <summary>Where a check or road keeps servers for a class: the share of open hours in use on those and on the others.</summary>
    private static void WriteReservedTable(ReportPage page, ExperimentResult result, Dictionary<string, MetricSummary> m)
    {
        ReportLanguage lang = page.Language;
        List<MetricKey> stages = [.. result.Summary.Where(x => x.Key.Name == Metrics.UtilisationReserved.Name).Select(x => x.Key)];
        if (stages.Count == 0)
        {
            return;
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (MetricKey stage in stages)
        {
            string Share(MetricDefinition metric) => m.TryGetValue(metric.Key(stage.Direction, "", stage.Stage).Id, out MetricSummary? v) ? lang.Percent(v.Mean) : "–";
            rows.Add([$"{lang.Direction(stage.Direction)} / {lang.Stage(stage.Stage)}", Share(Metrics.UtilisationReserved), Share(Metrics.UtilisationUnreserved)]);
        }

        page.Table(
            [lang.Say("direction / stage", "chiều / khâu"), lang.Say("kept for a class: in use", "dành riêng: đang dùng"), lang.Say("the others: in use", "còn lại: đang dùng")],
            rows,
            caption: lang.Say(
                "Servers kept for a class (reserved capacity): the share of their open hours in use, serving or holding a finished truck, against the same share of the other servers.",
                "Quầy hoặc làn dành riêng cho một loại hàng: tỷ lệ giờ mở cửa đang dùng (phục vụ hoặc giữ xe đã xong), so với các quầy còn lại."));
    }

    /// <summary>Per local day and direction: arrived, served (± 95%), backlog at the end of the day, mean wait; warm-up days greyed.</summary>
    public static void WriteDailyTable(ReportPage page, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = page.Language;
        List<DaySummary> days = [.. result.Daily.Where(d => d.CargoClass == "all").OrderBy(d => d.Date).ThenBy(d => d.Direction, StringComparer.Ordinal)];
        if (days.Count == 0)
        {
            return;
        }

        page.Heading(3, lang.Say("Day by day", "Theo từng ngày"));
        if (result.Scenario.Days > MaxDaysInTable)
        {
            // A table of hundreds of days is no reading; the plot of served against arrived shows them all.
            page.Paragraph(lang.Say(
                $"{result.Scenario.Days} days are too many for a table here: daily.csv has every day, and the plot of trucks served against trucks arriving shows them.",
                $"{result.Scenario.Days} ngày là quá nhiều cho một bảng ở đây: daily.csv có đủ từng ngày, biểu đồ số xe thông quan so với số xe đến thể hiện toàn bộ."));
            return;
        }

        var rows = new List<IReadOnlyList<string>>();
        var warm = new HashSet<int>();
        foreach (DaySummary d in days)
        {
            if (d.InWarmUp)
            {
                warm.Add(rows.Count);
            }

            rows.Add(
            [
                lang.Date(d.Date) + (d.InWarmUp ? lang.Say(" (warm-up)", " (khởi động)") : ""),
                lang.Direction(d.Direction),
                lang.Number(d.Arrived.Mean),
                lang.Number(d.Served.Mean),
                HalfWidth(d.Served.HalfWidth95, lang),
                lang.Number(d.BacklogAtEnd.Mean),
                d.WaitHours.Replications == 0 ? "–" : lang.Number(d.WaitHours.Mean),
            ]);
        }

        page.Table(
            [lang.Say("local date", "ngày"), lang.Say("direction", "chiều"), lang.Say("arrived", "số xe đến"), lang.Say("served", "thông quan"), "± 95%", lang.Say("left at the end of the day", "tồn cuối ngày"), lang.Say("mean wait (h)", "chờ trung bình (giờ)")],
            rows,
            i => warm.Contains(i) ? "warm" : null,
            lang.Say(
                "Trucks per local day, mean over replications (daily.csv has every class and the intervals of each column). Warm-up days are grey: outside the statistics above.",
                "Số xe theo ngày địa phương, trung bình các lần lặp (daily.csv có từng loại hàng và khoảng tin cậy của mỗi cột). Ngày khởi động tô xám: không tính vào thống kê ở trên."));
    }

    /// <summary>What a plot shows, under it.</summary>
    public static string Caption(string stem, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return stem switch
        {
            Plots.QueueFile => lang.Say("Trucks waiting at each stage over time (each truck once): mean over replications, band 5th–95th percentile. Shaded: closures (grey), appointment-only days (orange), arrival surges (green).", "Số xe chờ tại từng khâu theo thời gian (mỗi xe tính một lần): trung bình các lần lặp, dải phân vị 5–95. Tô màu: đóng cửa (xám), chỉ xe đăng ký trước (cam), cao điểm xe đến (xanh lá)."),
            PlannerPlots.HourOfDayFile => lang.Say("Trucks waiting in each direction by local hour of the day: mean over the days after the warm-up; band: the 10th–90th percentile of the days (how much one day differs from another).", "Số xe chờ của mỗi chiều theo giờ trong ngày: trung bình các ngày sau giai đoạn khởi động; dải: phân vị 10–90 giữa các ngày (mức chênh lệch giữa các ngày)."),
            Plots.DwellFile => lang.Say("Trucks dwelling in destination yards (unloading, hand-over): not a queue.", "Số xe lưu tại bãi đích (dỡ hàng, giao nhận): không phải hàng đợi."),
            Plots.HighwayFile => lang.Say("Length of the queue on the highway (km), mean and 5th–95th percentile band.", "Chiều dài hàng xe trên quốc lộ (km), trung bình và dải phân vị 5–95."),
            Plots.WaitFile => lang.Say("Share of trucks that waited at most x hours, per cargo class, pooled over replications; the dotted line marks 95%.", "Tỷ lệ xe chờ không quá x giờ, theo loại hàng, gộp mọi lần lặp; đường chấm là mức 95%."),
            Plots.ServedFile => lang.Say("Trucks served per local day and direction, with the 95% confidence interval; every day, warm-up included.", "Số xe thông quan theo ngày và chiều, kèm khoảng tin cậy 95%; mọi ngày, kể cả giai đoạn khởi động."),
            PlannerPlots.ServedVsDemandFile => lang.Say("Trucks served per day (solid) against trucks arriving (dashed): where served stays below arrived, the backlog grows.", "Số xe thông quan mỗi ngày (nét liền) so với số xe đến (nét đứt): khi thông quan thấp hơn số xe đến, xe tồn tăng lên."),
            PlannerPlots.UtilisationFile => lang.Say("How each stage's server-hours split into busy, blocked, idle and closed; the binding stage of each direction is marked.", "Phân bổ giờ phục vụ của từng khâu: bận, bị chặn, rảnh, đóng cửa; điểm nghẽn của mỗi chiều được đánh dấu."),
            ObservedPlot.FileStem => lang.Say("Each observed figure (red diamond, at 100%) against the model: the mean over replications (dot) and the 95% prediction band of one replication (bar), as a percentage of the observed figure. Inside the bar: the model could have produced the observation.", "Mỗi số liệu quan sát (hình thoi đỏ, ở mức 100%) so với mô hình: trung bình các lần lặp (chấm) và dải dự báo 95% của một lần lặp (thanh), tính theo phần trăm số liệu quan sát. Nằm trong thanh: mô hình có thể cho ra số liệu đó."),
            BacklogPlots.BacklogFile => lang.Say("Trucks in the system (the backlog) over time in each direction and over the whole network, every gate and direction together: mean over replications, band 5th–95th percentile.", "Số xe trong hệ thống (xe tồn) theo thời gian, từng chiều và toàn mạng lưới (mọi cửa khẩu, mọi chiều): trung bình các lần lặp, dải phân vị 5–95."),
            BacklogPlots.OldestWaitFile => lang.Say("The oldest wait of a truck still in the system over time (hours waited so far), per direction and over the whole network: mean over replications, band 5th–95th percentile.", "Thời gian chờ lâu nhất của xe còn trong hệ thống theo thời gian (số giờ đã chờ), từng chiều và toàn mạng lưới: trung bình các lần lặp, dải phân vị 5–95."),
            _ => stem,
        };
    }

    /// <summary>"mean wait, inbound, at most 0.2 h" / "thời gian chờ trung bình, nhập khẩu, không quá 0,2 giờ": a target in words.</summary>
    public static string TargetText(Target target, MetricKey key, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(lang);
        string what = lang.MetricLabel(key with { Unit = "" });
        string bound = target.IsAtMost ? lang.Say("at most", "không quá") : lang.Say("at least", "ít nhất");
        string unit = key.Unit.Length > 0 && key.Unit != "share" ? " " + lang.Unit(key.Unit) : "";
        return $"{what}, {bound} {InvariantTicks.Format(target.Value, lang)}{unit}";
    }

    internal static string HalfWidth(double halfWidth, ReportLanguage lang) => double.IsNaN(halfWidth) ? "–" : "± " + lang.Number(halfWidth);

    internal static Dictionary<string, MetricSummary> ById(ExperimentResult result)
    {
        var byId = new Dictionary<string, MetricSummary>(StringComparer.Ordinal);
        foreach (MetricSummary metric in result.Summary)
        {
            byId[metric.Key.Id] = metric;
        }

        return byId;
    }

    internal static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
