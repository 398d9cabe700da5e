using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>
/// The console's short table of a run against its observations: each figure, named by what it counts and where
/// (<see cref="ObservationLabel"/>; its id is in observed.csv), beside the model, then how many fall in the band and the MAPE.
/// </summary>
public static class ObservedTable
{
    public static void Write(ObservationComparison comparison, TextWriter writer, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(writer);
        ReportLanguage lang = language ?? ReportLanguage.English;
        writer.WriteLine();
        writer.WriteLine(lang.Say("Model against observations (observed.csv):", "Mô hình so với số liệu quan sát (observed.csv):"));
        var table = new TextTable(
            lang.Say("series", "chuỗi"), lang.Say("time", "thời điểm"), lang.Say("observed", "quan sát"),
            lang.Say("model mean", "mô hình TB"), lang.Say("95% band", "dải 95%"), lang.Say("in band", "trong dải"));
        foreach (ObservedPoint p in comparison.Points)
        {
            table.Add(
                ObservationLabel.Series(p.Observation, lang),
                ObservationLabel.Time(p.Observation, lang),
                lang.Number(p.Observation.Value),
                lang.Number(p.ModelMean),
                p.HasBand ? $"{lang.Number(p.ModelLow)}–{lang.Number(p.ModelHigh)}" : "–",
                !p.HasBand ? "–" : p.IsInBand ? lang.Say("yes", "có") : lang.Say("no", "không"));
        }

        table.Write(writer, "  ");
        writer.WriteLine(Summary(comparison, lang));
    }

    /// <summary>"2 of 10 observations in the model's 95% band; mean absolute percentage error 61.3%", and what was left out.</summary>
    public static string Summary(ObservationComparison comparison, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(lang);
        string band = comparison.Replications < 2
            ? lang.Say("no band with one replication", "không có dải khi chỉ có một lần lặp")
            : lang.Say($"{comparison.InBand} of {comparison.Points.Count} observations in the model's 95% prediction band", $"{comparison.InBand}/{comparison.Points.Count} số liệu nằm trong dải dự báo 95% của mô hình");
        string mape = lang.Say("mean absolute percentage error ", "sai số phần trăm tuyệt đối trung bình (MAPE) ") + lang.Percent(comparison.MeanAbsolutePercentageError);
        string outside = comparison.OutsideRun.Count == 0 ? "" : lang.Say(
            $"; {comparison.OutsideRun.Count} outside this run's dates, not compared",
            $"; {comparison.OutsideRun.Count} số liệu ngoài thời gian chạy, không so sánh");
        return $"  {band}; {mape}{outside}";
    }
}
