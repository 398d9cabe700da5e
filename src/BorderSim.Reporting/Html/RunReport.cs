using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Reporting.Html;

/// <summary>What report.html of a run is made from.</summary>
/// <param name="Result">The run.</param>
/// <param name="Plots">The run's plots (drawn in the report's language).</param>
/// <param name="Source">The scenario file as read.</param>
/// <param name="Provenance">What reproduces it.</param>
/// <param name="Notes">Warnings the caller found (dated entries outside the run, precision not met), in the report's language.</param>
public sealed record RunReportInput(ExperimentResult Result, IReadOnlyList<PlotImage> Plots, ScenarioSource Source, ReportProvenance Provenance, IReadOnlyList<string> Notes)
{
    /// <summary>The plots were left out (--no-plots): the report says so in one line instead of drawing them.</summary>
    public bool PlotsLeftOut { get; init; }
}

/// <summary>
/// report.html of <c>run</c>: warnings first (overload, trucks still in the system, warm-up, few replications), the
/// answer in sentences with 95% confidence intervals, what was simulated (stages, hours, demand against capacity),
/// the tables (headline metrics, server time, days), every plot inline (or one line saying --no-plots left them out), the scenario's assumptions and sources, and
/// the provenance.
/// </summary>
public static class RunReport
{
    public static string Build(RunReportInput input, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(language);
        ExperimentResult result = input.Result;
        ScenarioSpec s = result.Scenario;
        ReportLanguage lang = language.WithLabelsOf(s);
        var page = new ReportPage($"{lang.Title(s)} – BorderSim", lang);
        page.Heading(1, lang.Title(s));
        page.Paragraph(lang.Say(
            $"BorderSim report of a run: {s.Days} days from {lang.Date(s.Start.Date)}, {ReplicationCount(result)} replications",
            $"Báo cáo kết quả mô phỏng BorderSim: {s.Days} ngày từ {lang.Date(s.Start.Date)}, {ReplicationCount(result)} lần lặp"), "sub");

        ReportText.WriteWarnings(page, [.. ReportText.Warnings(result, lang), .. input.Notes]);

        page.BeginSection("answer").Heading(2, lang.Say("The answer", "Kết luận"));
        foreach (string sentence in ReportText.Answer(result, lang))
        {
            page.Paragraph(sentence);
        }

        page.EndSection();
        ScenarioSection.WriteWhatWasSimulated(page, result, lang.Say("What was simulated", "Nội dung mô phỏng"));

        page.Heading(2, lang.Say("Results", "Kết quả"));
        ReportText.WriteHeadlineTable(page, result);
        ReportText.WriteServerTimeTable(page, result);
        ReportText.WriteDailyTable(page, result);
        ObservedSection.Write(page, result, lang);

        if (input.PlotsLeftOut)
        {
            page.Paragraph(lang.Say("Plots: left out (--no-plots).", "Biểu đồ: không vẽ (--no-plots)."));
        }
        else if (input.Plots.Count > 0)
        {
            page.Heading(2, lang.Say("Plots", "Biểu đồ"));
            foreach (PlotImage plot in input.Plots)
            {
                page.Figure(plot, ReportText.Caption(plot.Stem, lang));
            }
        }

        ScenarioSection.WriteAssumptions(page, [(lang.Name(s), input.Source)]);
        ScenarioSection.WriteProvenance(page, input.Provenance,
        [
            (lang.Say("seed", "hạt giống ngẫu nhiên"), s.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (lang.Say("replications", "số lần lặp"), ReplicationCount(result).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (lang.Say("warm-up", "giai đoạn khởi động"), $"{lang.Number(result.WarmUpHours)} {lang.Say(Glossary.Hours)} ({ScenarioSection.WarmUpMethod(result.WarmUpMethod, lang)})"),
            (lang.Say("time series step", "bước của chuỗi thời gian"), TimeSeriesStep(s, lang)),
        ]);
        return page.Build();
    }

    /// <summary>The step of timeseries.csv and the step the model sampled at (what the plots and metrics use), when they differ.</summary>
    internal static string TimeSeriesStep(ScenarioSpec s, ReportLanguage lang)
    {
        string written = Minutes(TimeSeriesOutput.StepMinutes(s), lang);
        return TimeSeriesOutput.Stride(s) == 1
            ? lang.Say($"{written} (timeseries.csv and the plots)", $"{written} (timeseries.csv và các biểu đồ)")
            : lang.Say(
                $"{written} in timeseries.csv (fits the {s.Days} days); the plots and metrics use every sample, each {Minutes(s.TimeseriesStepMinutes, lang)}",
                $"{written} trong timeseries.csv (phù hợp với {s.Days} ngày); biểu đồ và chỉ số dùng mọi mẫu, mỗi {Minutes(s.TimeseriesStepMinutes, lang)}");
    }

    private static string Minutes(double minutes, ReportLanguage lang) =>
        minutes >= 60 && minutes % 60 == 0 ? $"{Whole(minutes / 60, lang)} {lang.Say(Glossary.Hours)}" : $"{Whole(minutes, lang)} {lang.Say(Glossary.Minutes)}";

    /// <summary>A step in whole minutes or hours without decimals (15, not 15.0); a fraction of a minute keeps its decimals.</summary>
    private static string Whole(double value, ReportLanguage lang) =>
        value == Math.Floor(value) ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : lang.Number(value);

    internal static int ReplicationCount(ExperimentResult result) =>
        result.Replications.Count > 0 ? result.Replications.Count : result.Summary.FirstOrDefault()?.Replications ?? result.Scenario.Replications;
}
