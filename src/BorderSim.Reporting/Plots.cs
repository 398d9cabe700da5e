using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// The plots of a run, each written as PNG and SVG: queue length per stage over time and the highway
/// queue in km (mean line over a p5–p95 band across replications), the pooled wait distribution per
/// cargo class (CDF), and trucks served per day per direction with 95% confidence whiskers.
/// </summary>
public static class Plots
{
    public const int WidthPixels = 1400;
    public const int HeightPixels = 700;

    public const string QueueFile = "queue_by_stage";
    public const string HighwayFile = "highway_queue_km";
    public const string WaitFile = "wait_cdf_by_class";
    public const string ServedFile = "served_per_day";
    public const string DwellFile = "destination_yards";

    /// <summary>Writes every plot that has data into <paramref name="directory"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentResult result, string directory) => WriteAll(result, new AtomicFolder(directory));

    /// <summary>Writes every plot that has data into <paramref name="directory"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> WriteAll(ExperimentResult result, IOutputFolder directory, ReportLanguage? language = null) =>
        WriteAll(Build(result, language), directory);

    /// <summary>Writes <paramref name="plots"/> as PNG and SVG into <paramref name="directory"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<PlotImage> plots, IOutputFolder directory)
    {
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(directory);
        var written = new List<string>();
        foreach (PlotImage image in plots)
        {
            string png = image.Stem + ".png";
            string svg = image.Stem + ".svg";
            directory.WriteBytes(png, image.Png());
            directory.WriteText(svg, w => w.Write(image.Svg()));
            written.Add(png);
            written.Add(svg);
        }

        return written;
    }

    /// <summary>Every plot of a run that has data, in the order a report shows them, labelled in <paramref name="language"/>.</summary>
    public static IReadOnlyList<PlotImage> Build(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        var plots = new List<PlotImage>();
        void Add(string stem, Plot? plot, int height = HeightPixels)
        {
            if (plot is not null)
            {
                plots.Add(new PlotImage(stem, plot, WidthPixels, height));
            }
        }

        Add(QueueFile, QueueLengthPlot(result, lang));
        Add(PlannerPlots.HourOfDayFile, PlannerPlots.QueueByHourOfDayPlot(result, lang));
        Add(DwellFile, DestinationYardPlot(result, lang));
        Add(HighwayFile, HighwayQueuePlot(result, lang));
        Add(WaitFile, WaitDistributionPlot(result, lang));
        Add(ServedFile, ServedPerDayPlot(result, lang));
        Add(PlannerPlots.ServedVsDemandFile, PlannerPlots.ServedVsDemandPlot(result, lang));
        Add(PlannerPlots.UtilisationFile, PlannerPlots.UtilisationPlot(result, lang), PlannerPlots.UtilisationHeight(result));
        Add(BacklogPlots.BacklogFile, BacklogPlots.BacklogOverTimePlot(result, lang));
        Add(BacklogPlots.OldestWaitFile, BacklogPlots.OldestWaitPlot(result, lang));
        if (result.Scenario.Observations.Count > 0 && ObservedPlot.Image(BorderSim.Model.Experiments.ObservationComparison.Compare(result), lang, lang.Title(result.Scenario)) is { } observed)
        {
            plots.Add(observed);
        }

        return plots;
    }

    /// <summary>The model's series of the trucks waiting at a stage, each truck of its direction once.</summary>
    internal const string WaitingSeriesName = "waiting_trucks";

    /// <summary>
    /// Trucks waiting at every stage over time, each truck drawn once, as the model counts them (<c>waiting_trucks</c>):
    /// a check's or road's queue (wherever its trucks stand), a yard's trucks that are not in the next check's queue,
    /// and the trucks waiting for a place at a first stage (on the highway, or upstream). Destination yards, where
    /// trucks dwell to unload rather than queue, are in <see cref="DestinationYardPlot"/>.
    /// </summary>
    public static Plot? QueueLengthPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        List<SeriesSummary> series = [.. result.TimeSeries.Where(s => s.Name == WaitingSeriesName)];
        return series.Count == 0 ? null : BandPlot(
            result,
            series,
            $"{lang.Title(result.Scenario)}: " + lang.Say("queue length per stage (each truck once)", "hàng đợi tại từng khâu (mỗi xe tính một lần)"),
            lang.Say("trucks waiting", "số xe đang chờ"),
            lang);
    }

    /// <summary>Trucks dwelling in a destination yard (the last stage of a route): not a queue, so drawn apart from the queues.</summary>
    public static Plot? DestinationYardPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        List<SeriesSummary> series = [.. result.TimeSeries.Where(s => s.Name == "yard_occupancy_trucks" && IsDestinationYard(result, s))];
        return series.Count == 0 ? null : BandPlot(
            result,
            series,
            $"{lang.Title(result.Scenario)}: " + lang.Say("trucks in destination yards (dwell, not a queue)", "xe tại bãi đích (lưu bãi, không phải xếp hàng)"),
            lang.Say("trucks in the yard", "số xe trong bãi"),
            lang);
    }

    /// <summary>Whether the series is of a yard that ends its direction's route.</summary>
    internal static bool IsDestinationYard(ExperimentResult result, SeriesSummary s) =>
        result.Scenario.Directions.Any(d => d.Name == s.Direction && d.DestinationYard?.Name == s.Stage);

    /// <summary>Highway queue (km) over time: a mean line and the p5–p95 band.</summary>
    public static Plot? HighwayQueuePlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        List<SeriesSummary> series = [.. result.TimeSeries.Where(s => IsUnit(s.Unit, "km"))];
        return series.Count == 0 ? null : BandPlot(
            result,
            series,
            $"{lang.Title(result.Scenario)}: " + lang.Say("highway queue", "dòng xe xếp hàng trên quốc lộ"),
            lang.Say("queue length (km)", "chiều dài hàng xe (km)"),
            lang);
    }

    /// <summary>The pooled waiting-time CDF of each cargo class.</summary>
    public static Plot? WaitDistributionPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        List<WaitDistribution> classes = [.. result.WaitByClass.Where(w => w.Quantiles.Count > 0)];
        if (classes.Count == 0)
        {
            return null;
        }

        var plot = NewPlot(
            $"{lang.Title(result.Scenario)}: " + lang.Say("waiting time by cargo class", "thời gian chờ theo loại hàng"),
            lang.Say("wait (hours)", "thời gian chờ (giờ)"),
            lang.Say("share of trucks that waited at most this long", "tỷ lệ xe chờ không quá thời gian này"));
        for (int i = 0; i < classes.Count; i++)
        {
            WaitDistribution w = classes[i];
            double[] hours = [.. w.Quantiles.Select(q => q.Hours)];
            double[] shares = [.. w.Quantiles.Select(q => q.Probability)];
            var line = plot.Add.ScatterLine(hours, shares, Palette(i));
            line.LineWidth = 2.5f;
            // No thousands separator: a comma reads as a decimal comma in Vietnam, a point as one in English.
            line.LegendText = FormattableString.Invariant($"{lang.CargoClass(w.CargoClass)} ({w.Trucks} {lang.Say("trucks", "xe")})");
        }

        plot.Axes.SetLimitsY(0, 1.02);
        plot.Axes.SetLimitsX(0, classes.Max(c => c.Quantiles.Max(q => q.Hours)) * 1.02 + 1e-9);
        plot.Add.HorizontalLine(0.95, 1, Colors.Gray, LinePattern.Dotted).LegendText = lang.Say("95% of trucks", "95% số xe");
        return Finish(plot, plot.Axes.Title.Label.Text, lang);
    }

    /// <summary>Trucks served per local day and direction: mean over replications with 95% confidence whiskers.</summary>
    public static Plot? ServedPerDayPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        if (result.ServedPerDay.Count == 0)
        {
            return null;
        }

        var plot = NewPlot($"{lang.Title(result.Scenario)}: " + lang.Say("trucks served per day", "số xe thông quan mỗi ngày"), "", lang.Say("trucks per day", "xe mỗi ngày"));
        string[] directions = [.. result.ServedPerDay.Select(d => d.Direction).Distinct()];
        for (int i = 0; i < directions.Length; i++)
        {
            DailySummary[] days = [.. result.ServedPerDay.Where(d => d.Direction == directions[i]).OrderBy(d => d.Date)];
            double[] xs = [.. days.Select(d => d.Date.AtMidnight().ToDateTimeUnspecified().ToOADate())];
            double[] ys = [.. days.Select(d => d.MeanTrucks)];
            double[] errors = [.. days.Select(d => double.IsNaN(d.HalfWidth95) ? 0 : d.HalfWidth95)];
            Color color = Palette(i);
            var line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = lang.Direction(directions[i]);
            var whiskers = plot.Add.ErrorBar(xs, ys, errors);
            whiskers.Color = color;
            whiskers.LineWidth = 1.5f;
        }

        DailyTicks(plot, [.. result.ServedPerDay.Select(d => d.Date).Distinct().Order()], lang);
        ShadeEvents(plot, result, dailyBars: true, lang);
        plot.Axes.Bottom.Label.Text = lang.Say(
            $"local date ({lang.TimeZone(result.Scenario.TimeZone.Id)});  whiskers: 95% confidence interval of the mean over replications",
            $"ngày địa phương ({lang.TimeZone(result.Scenario.TimeZone.Id)});  râu: khoảng tin cậy 95% của trung bình các lần lặp");
        plot.Axes.Bottom.Label.FontSize = 14;
        // From zero, so the gap between directions is not exaggerated.
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, result.ServedPerDay.Max(d => d.MeanTrucks + (double.IsNaN(d.HalfWidth95) ? 0 : d.HalfWidth95)) * 1.1 + 1);
        return Finish(plot, plot.Axes.Title.Label.Text, lang);
    }

    /// <summary>One labelled tick per day (every few days on long runs), placed by hand: the data are daily.</summary>
    internal static void DailyTicks(Plot plot, LocalDate[] dates, ReportLanguage lang)
    {
        int every = Math.Max(1, (int)Math.Ceiling(dates.Length / 14.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < dates.Length; k += every)
        {
            ticks.AddMajor(ToOADate(dates[k].AtMidnight()), lang.ShortDate(dates[k].AtMidnight().ToDateTimeUnspecified()));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>More points than this per series are merged into buckets: the image is 1,400 pixels wide.</summary>
    public const int MaxPointsPerSeries = 2000;

    internal static Plot BandPlot(ExperimentResult result, List<SeriesSummary> series, string title, string yLabel, ReportLanguage lang)
    {
        var plot = NewPlot(title, "", yLabel);
        var bucketHours = 0.0;
        for (int i = 0; i < series.Count; i++)
        {
            var (xs, mean, lower, upper, bucket) = Bucketed(result, series[i]);
            bucketHours = Math.Max(bucketHours, bucket);
            Color color = Palette(i);
            var band = plot.Add.FillY(xs, lower, upper);
            band.FillColor = color.WithAlpha(0.18);
            band.LineColor = Colors.Transparent;
            var line = plot.Add.ScatterLine(xs, mean, color);
            line.LineWidth = 1.8f;
            line.LegendText = series.Count == 1 ? $"{SeriesLabel(series[i], lang)}: {lang.Say("mean", "trung bình")}" : SeriesLabel(series[i], lang);
            if (series.Count == 1)
            {
                band.LegendText = lang.Say("5th-95th percentile", "phân vị 5-95");
            }
        }

        string zone = lang.TimeZone(result.Scenario.TimeZone.Id);
        string bucketText = lang.Number(bucketHours);
        var explanation = bucketHours > 0
            ? lang.Say(
                $"local date ({zone});  per {bucketText} h: line mean,  band lowest 5th to highest 95th percentile across replications",
                $"ngày địa phương ({zone});  mỗi {bucketText} giờ: đường trung bình,  dải từ phân vị 5 thấp nhất đến phân vị 95 cao nhất giữa các lần lặp")
            : lang.Say(
                $"local date ({zone});  line: mean,  band: 5th-95th percentile across replications",
                $"ngày địa phương ({zone});  đường: trung bình,  dải: phân vị 5-95 giữa các lần lặp");
        DateAxis(plot, explanation, lang);
        plot.Axes.Margins(bottom: 0);
        ShadeEvents(plot, result, dailyBars: false, lang);

        // An all-zero series (no highway queue at all) keeps an axis from 0, not one centred on 0.
        if (series.All(s => s.Upper.All(v => !(v > 0)) && s.Mean.All(v => !(v > 0))))
        {
            plot.Axes.SetLimitsY(0, 1);
        }

        return Finish(plot, title, lang);
    }

    /// <summary>
    /// Shades the scenario's closures (grey), appointment-only periods (orange) and arrival surges (green) that fall in
    /// the run, each from local midnight of its first day to local midnight after its last, in the calendar's own zone
    /// for closures and appointments. One legend entry per kind. With <paramref name="dailyBars"/> (a plot of one point
    /// per day, drawn at midnight) a span is shifted half a day back so it covers its days' points.
    /// </summary>
    internal static void ShadeEvents(Plot plot, ExperimentResult result, bool dailyBars, ReportLanguage lang)
    {
        ScenarioSpec scenario = result.Scenario;
        double runStart = ToOADate(result.LocalTimeAt(0));
        double runEnd = ToOADate(result.LocalTimeAt(scenario.RunHours));
        double shift = dailyBars ? 0.5 : 0;
        double Local(LocalDate date, DateTimeZone zone) => zone.AtStartOfDay(date).ToInstant().InZone(scenario.TimeZone).LocalDateTime.ToDateTimeUnspecified().ToOADate();

        var events = new List<(double From, double To, string Kind, Color Color)>();
        foreach (CalendarSpec calendar in scenario.Calendars)
        {
            events.AddRange(calendar.Closures.Select(c => (Local(c.From, calendar.TimeZone), Local(c.To.PlusDays(1), calendar.TimeZone), lang.Say("closed", "đóng cửa"), Colors.Gray)));
            events.AddRange(calendar.AppointmentOnly.Select(a => (Local(a.From, calendar.TimeZone), Local(a.To.PlusDays(1), calendar.TimeZone), lang.Say("appointment only", "chỉ xe đăng ký trước"), Colors.Orange)));
        }

        foreach (DirectionSpec direction in scenario.Directions)
        {
            events.AddRange(direction.Arrivals.Surges.Select(sg => (Local(sg.From, scenario.TimeZone), Local(sg.To.PlusDays(1), scenario.TimeZone), lang.Say($"arrival surge, {direction.Name}", $"cao điểm xe đến, {lang.Direction(direction.Name)}"), Colors.Green)));
        }

        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, to, kind, color) in events.Distinct())
        {
            double x1 = Math.Max(from, runStart) - shift;
            double x2 = Math.Min(to, runEnd) - shift;
            if (x2 <= x1)
            {
                continue;
            }

            var span = plot.Add.HorizontalSpan(x1, x2, color.WithAlpha(0.12));
            span.LineStyle.Width = 0;
            span.LegendText = labelled.Add(kind) ? kind : "";
            plot.MoveToBack(span);
        }
    }

    /// <summary>
    /// The series as plotted: as sampled, or for long runs merged into equal buckets of consecutive
    /// samples (whole days once buckets would exceed 2 h) (mean of the means; band from the lowest 5th to the highest 95th percentile, so no
    /// excursion is hidden). Returns the bucket length in hours, 0 when not merged.
    /// </summary>
    internal static (double[] Xs, double[] Mean, double[] Lower, double[] Upper, double BucketHours) Bucketed(ExperimentResult result, SeriesSummary s)
    {
        int perBucket = Math.Max(1, (int)Math.Ceiling(s.Mean.Length / (double)MaxPointsPerSeries));
        if (perBucket * s.StepHours > 2)
        {
            // Buckets of a few hours would draw the daily cycle as a solid block: use whole days instead.
            perBucket = Math.Max(perBucket, (int)Math.Round(24 / s.StepHours));
        }

        int points = (s.Mean.Length + perBucket - 1) / perBucket;
        var xs = new double[points];
        var mean = new double[points];
        var lower = new double[points];
        var upper = new double[points];
        for (int p = 0; p < points; p++)
        {
            int first = p * perBucket;
            int end = Math.Min(s.Mean.Length, first + perBucket);
            double sum = 0, low = double.PositiveInfinity, high = double.NegativeInfinity;
            for (int k = first; k < end; k++)
            {
                sum += s.Mean[k];
                low = Math.Min(low, s.Lower[k]);
                high = Math.Max(high, s.Upper[k]);
            }

            xs[p] = ToOADate(result.LocalTimeAt(first * s.StepHours));
            mean[p] = sum / (end - first);
            lower[p] = low;
            upper[p] = high;
        }

        return (xs, mean, lower, upper, perBucket > 1 ? perBucket * s.StepHours : 0);
    }

    private static string SeriesLabel(SeriesSummary s, ReportLanguage lang)
    {
        string label = string.Join(" / ", new[] { lang.Direction(s.Direction), s.Stage.Length > 0 ? lang.Stage(s.Stage) : "" }.Where(p => p.Length > 0));
        return label.Length > 0 ? label
            : s.Name.StartsWith("network_", StringComparison.Ordinal) ? lang.Say("whole network (every gate and direction)", "toàn mạng lưới (mọi cửa khẩu, mọi chiều)")
            : s.Name;
    }

    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        return plot;
    }

    /// <summary>A date axis at the bottom with unambiguous labels ("3 Jun", "3 Jun 12:00"); replaces the bottom axis, so its label is set here.</summary>
    internal static void DateAxis(Plot plot, string label, ReportLanguage lang)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = time => time.TimeOfDay == TimeSpan.Zero
                ? lang.ShortDate(time)
                : lang.ShortDate(time) + time.ToString(" HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }

        axis.LabelText = label;
        axis.LabelFontSize = 14;
    }

    /// <summary>Legend outside the data area on the right, so it never hides a line; a font that draws the title.</summary>
    internal static Plot Finish(Plot plot, string title, ReportLanguage? lang = null)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        plot.Font.Set(FontFor(title));
        InvariantTicks.Apply(plot, lang);
        return plot;
    }

    /// <summary>
    /// The font for a plot whose text includes <paramref name="text"/>: a sans face, which draws Vietnamese; a CJK
    /// scenario name needs a font that has the glyphs (boxes if none is installed).
    /// </summary>
    public static string FontFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string cjkFont = text.Any(c => c >= '\u2E80') ? Fonts.Detect(text) : "";
        return string.IsNullOrEmpty(cjkFont) ? SansFont.Value : cjkFont;
    }

    // ScottPlot's Fonts.Sans falls back to a serif face on Linux boxes without its preferred fonts.
    private static readonly Lazy<string> SansFont = new(() =>
    {
        string[] installed = [.. SkiaSharp.SKFontManager.Default.FontFamilies];
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];
        return preferred.FirstOrDefault(f => installed.Contains(f, StringComparer.OrdinalIgnoreCase)) ?? Fonts.Default;
    });

    private static bool IsUnit(string unit, string expected) => string.Equals(unit.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    internal static double ToOADate(LocalDateTime time) => time.ToDateTimeUnspecified().ToOADate();

    internal static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
