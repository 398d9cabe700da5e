using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// The plots planners ask for beyond the time series: the queue by hour of day per direction (mean over the days
/// after the warm-up, with the spread between days), trucks served against trucks arriving per day, and each
/// stage's server-hours split into busy, blocked, idle and closed, the binding stage marked.
/// </summary>
public static class PlannerPlots
{
    public const string HourOfDayFile = "queue_by_hour_of_day";
    public const string ServedVsDemandFile = "served_vs_demand";
    public const string UtilisationFile = "utilisation_split";

    /// <summary>The shares of <see cref="UtilisationFile"/>, in the order of the bars (they sum to 1).</summary>
    public static readonly string[] ServerShares = ["busy", "blocked", "held_back", "idle", "closed"];

    /// <summary>Lower and upper percentiles of the day-to-day band of <see cref="HourOfDayFile"/>.</summary>
    public const double BandLow = 0.10;

    public const double BandHigh = 0.90;

    /// <summary>
    /// The trucks waiting in a direction at each local hour of the day: at every sample after the warm-up the sum of
    /// the mean queues of its checks and roads and the parked trucks of its yards (each truck once, as in the queue
    /// plot; destination yards left out: trucks dwelling there are not queuing); each local day's samples in an
    /// hour averaged; then over days the mean and the 10th–90th percentile (the band: how much days differ).
    /// </summary>
    /// <returns>Per hour 0–23: mean, low, high (NaN for an hour with no sample), and the most days any hour is averaged over.</returns>
    public static (double[] Mean, double[] Low, double[] High, int Days) QueueByHourOfDay(ExperimentResult result, string direction)
    {
        ArgumentNullException.ThrowIfNull(result);
        List<SeriesSummary> series = [.. WaitingSeries(result, direction)];
        var mean = new double[24];
        var low = new double[24];
        var high = new double[24];
        Array.Fill(mean, double.NaN);
        Array.Fill(low, double.NaN);
        Array.Fill(high, double.NaN);
        if (series.Count == 0)
        {
            return (mean, low, high, 0);
        }

        double step = series[0].StepHours;
        int samples = series.Min(s => s.Mean.Length);
        // (date, hour) -> sum and count of the summed means of its samples.
        var cells = new SortedDictionary<(LocalDate Date, int Hour), (double Sum, int Count)>();
        for (int k = 0; k < samples; k++)
        {
            double hours = k * step;
            if (hours < result.WarmUpHours - 1e-9)
            {
                continue;
            }

            double total = 0;
            foreach (SeriesSummary s in series)
            {
                total += s.Mean[k];
            }

            LocalDateTime local = result.LocalTimeAt(hours);
            var key = (local.Date, local.Hour);
            cells.TryGetValue(key, out var cell);
            cells[key] = (cell.Sum + total, cell.Count + 1);
        }

        for (int hour = 0; hour < 24; hour++)
        {
            double[] days = [.. cells.Where(c => c.Key.Hour == hour).Select(c => c.Value.Sum / c.Value.Count).Order()];
            if (days.Length == 0)
            {
                continue;
            }

            mean[hour] = days.Average();
            low[hour] = Percentile(days, BandLow);
            high[hour] = Percentile(days, BandHigh);
        }

        // The whole days averaged: a run's first and last days may be partial (the warm-up ends, the run stops, mid-day);
        // their hours count in the means, but a reader told "20 days" counts whole days.
        int dayCount = cells.Keys.GroupBy(k => k.Date).Count(d => d.Count() == 24);
        return (mean, low, high, dayCount);
    }

    /// <summary>Linear interpolation between order statistics (type 7, as spreadsheets do) of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>The model's trucks waiting at each stage of a direction (<c>waiting_trucks</c>): each truck once, so they add up.</summary>
    internal static IEnumerable<SeriesSummary> WaitingSeries(ExperimentResult result, string direction) =>
        result.TimeSeries.Where(s => s.Direction == direction && s.Name == Plots.WaitingSeriesName);

    /// <summary>One line per direction: trucks waiting by local hour of day, mean over the days after the warm-up, band 10th–90th percentile of the days.</summary>
    public static Plot? QueueByHourOfDayPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        string[] directions = [.. result.Scenario.Directions.Select(d => d.Name).Where(d => WaitingSeries(result, d).Any())];
        if (directions.Length == 0)
        {
            return null;
        }

        string title = $"{lang.Title(result.Scenario)}: " + lang.Say("trucks waiting by hour of day", "số xe chờ theo giờ trong ngày");
        var plot = Plots.NewPlot(title, "", lang.Say("trucks waiting", "số xe đang chờ"));
        int days = 0;
        double top = 0;
        for (int i = 0; i < directions.Length; i++)
        {
            var (mean, low, high, n) = QueueByHourOfDay(result, directions[i]);
            days = Math.Max(days, n);
            int[] hours = [.. Enumerable.Range(0, 24).Where(h => !double.IsNaN(mean[h]))];
            double[] xs = [.. hours.Select(h => (double)h)];
            Color color = Plots.Palette(i);
            var band = plot.Add.FillY(xs, [.. hours.Select(h => low[h])], [.. hours.Select(h => high[h])]);
            band.FillColor = color.WithAlpha(0.18);
            band.LineColor = Colors.Transparent;
            var line = plot.Add.Scatter(xs, [.. hours.Select(h => mean[h])], color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 5;
            line.LegendText = lang.Direction(directions[i]);
            top = Math.Max(top, hours.Select(h => high[h]).DefaultIfEmpty(0).Max());
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int h = 0; h < 24; h += 2)
        {
            ticks.AddMajor(h, $"{h:00}:00");
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(-0.5, 23.5, 0, (top * 1.08) + 1);
        plot.Axes.Bottom.Label.Text = lang.Say(
            $"local hour of day ({lang.TimeZone(result.Scenario.TimeZone.Id)});  line: mean over the days after the warm-up ({days} whole),  band: 10th-90th percentile of the days",
            $"giờ địa phương ({lang.TimeZone(result.Scenario.TimeZone.Id)});  đường: trung bình các ngày sau giai đoạn khởi động ({days} ngày trọn),  dải: phân vị 10-90 giữa các ngày");
        plot.Axes.Bottom.Label.FontSize = 14;
        return Plots.Finish(plot, title, lang);
    }

    /// <summary>
    /// Per direction, trucks served each local day (solid, with 95% whiskers) against trucks that arrived that day
    /// (dashed): where the served line stays below the arrivals, the backlog grows. Closures, appointment-only days
    /// and surges are shaded. Every day is drawn, the warm-up included.
    /// </summary>
    public static Plot? ServedVsDemandPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        List<DaySummary> days = [.. result.Daily.Where(d => d.CargoClass == "all")];
        if (days.Count == 0)
        {
            return null;
        }

        string title = $"{lang.Title(result.Scenario)}: " + lang.Say("trucks served against trucks arriving, per day", "số xe thông quan so với số xe đến, theo ngày");
        var plot = Plots.NewPlot(title, "", lang.Say("trucks per day", "xe mỗi ngày"));
        string[] directions = [.. days.Select(d => d.Direction).Distinct()];
        double top = 1;
        for (int i = 0; i < directions.Length; i++)
        {
            DaySummary[] own = [.. days.Where(d => d.Direction == directions[i]).OrderBy(d => d.Date)];
            double[] xs = [.. own.Select(d => Plots.ToOADate(d.Date.AtMidnight()))];
            Color color = Plots.Palette(i);
            var arrived = plot.Add.Scatter(xs, [.. own.Select(d => d.Arrived.Mean)], color);
            arrived.LinePattern = LinePattern.Dashed;
            arrived.LineWidth = 2;
            arrived.MarkerSize = 0;
            arrived.LegendText = lang.Say($"{lang.Direction(directions[i])}: arrived", $"{lang.Direction(directions[i])}: số xe đến");
            double[] served = [.. own.Select(d => d.Served.Mean)];
            var line = plot.Add.Scatter(xs, served, color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            line.LegendText = lang.Say($"{lang.Direction(directions[i])}: served", $"{lang.Direction(directions[i])}: thông quan");
            var whiskers = plot.Add.ErrorBar(xs, served, [.. own.Select(d => double.IsNaN(d.Served.HalfWidth95) ? 0 : d.Served.HalfWidth95)]);
            whiskers.Color = color;
            whiskers.LineWidth = 1.5f;
            top = Math.Max(top, own.Max(d => Math.Max(d.Arrived.Mean, d.Served.Mean + (double.IsNaN(d.Served.HalfWidth95) ? 0 : d.Served.HalfWidth95))));
        }

        Plots.DailyTicks(plot, [.. days.Select(d => d.Date).Distinct().Order()], lang);
        Plots.ShadeEvents(plot, result, dailyBars: true, lang);
        plot.Axes.Bottom.Label.Text = lang.Say(
            $"local date ({lang.TimeZone(result.Scenario.TimeZone.Id)});  solid: served, dashed: arrived (mean over replications);  whiskers: 95% confidence interval",
            $"ngày địa phương ({lang.TimeZone(result.Scenario.TimeZone.Id)});  nét liền: thông quan, nét đứt: số xe đến (trung bình các lần lặp);  râu: khoảng tin cậy 95%");
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, top * 1.1);
        return Plots.Finish(plot, title, lang);
    }

    /// <summary>
    /// One horizontal bar per stage with servers, split into the shares of its server-hours spent busy, blocked,
    /// idle and closed (mean over replications; they sum to 1); each direction's binding stage (the highest busy
    /// share of open hours) is marked. Stages of a direction are grouped, top to bottom in route order.
    /// </summary>
    public static Plot? UtilisationPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (MetricSummary m in result.Summary)
        {
            means[m.Key.Id] = m.Mean;
        }

        List<MetricKey> stages = [.. result.Summary.Where(m => m.Key.Name == Metrics.UtilisationBusy.Name).Select(m => m.Key)];
        if (stages.Count == 0)
        {
            return null;
        }

        string title = $"{lang.Title(result.Scenario)}: " + lang.Say("how each stage spends its server-hours", "phân bổ thời gian phục vụ của từng khâu");
        var plot = Plots.NewPlot(title, lang.Say("share of server-hours (busy + blocked + held back + idle + closed = 1)", "tỷ lệ giờ phục vụ (bận + bị chặn + bị giữ lại + rảnh + đóng cửa = 1)"), "");
        Color[] colors = [new Color(31, 119, 180), new Color(214, 39, 40), new Color(255, 127, 14), new Color(152, 223, 138), new Color(170, 170, 170)];
        string[] names = [lang.Say("busy", "bận (đang phục vụ)"), lang.Say("blocked", "bị chặn (xe không đi tiếp được)"), lang.Say("held back by a cap or quota", "bị giữ lại (hạn mức, chỉ tiêu)"), lang.Say("idle", "rảnh (mở cửa, không có xe)"), lang.Say("closed", "đóng cửa")];
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var binding = result.DirectionLoads.ToDictionary(l => l.Direction, l => l.BindingStage, StringComparer.Ordinal);
        for (int i = 0; i < stages.Count; i++)
        {
            MetricKey stage = stages[i];
            double y = stages.Count - 1 - i;
            double start = 0;
            for (int s = 0; s < ServerShares.Length; s++)
            {
                double share = means.GetValueOrDefault(new MetricKey("utilisation_" + ServerShares[s], "share", stage.Direction, stage.CargoClass, stage.Stage).Id, 0);
                if (!(share > 0))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = y,
                    ValueBase = start,
                    Value = start + share,
                    FillColor = colors[s],
                    LineWidth = 0,
                    Size = 0.7,
                    Label = share >= 0.06 ? lang.Percent(share) : "",
                    CenterLabel = true,
                });
                start += share;
            }

            bool isBinding = binding.TryGetValue(stage.Direction, out string? b) && b == stage.Stage;
            string label = $"{lang.Direction(stage.Direction)} / {lang.Stage(stage.Stage)}" + (isBinding ? lang.Say("  [binding]", "  [điểm nghẽn]") : "");
            ticks.AddMajor(y, label);
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 13;
        plottable.ValueLabelStyle.ForeColor = Colors.White;
        for (int s = 0; s < ServerShares.Length; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = names[s], FillColor = colors[s] });
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(0, 1, -0.6, stages.Count - 0.4);
        return Plots.Finish(plot, title, lang);
    }

    /// <summary>Pixel height that gives each stage bar of <see cref="UtilisationPlot"/> room for its label.</summary>
    public static int UtilisationHeight(ExperimentResult result) =>
        Math.Max(Plots.HeightPixels, 180 + (result.Summary.Count(m => m.Key.Name == Metrics.UtilisationBusy.Name) * 60));
}
