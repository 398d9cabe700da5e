using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Html;

/// <summary>The report's "Model against observations": the in-band count and MAPE, each figure (named as the console names it, <see cref="ObservationLabel"/>) beside the model, the sources.</summary>
public static class ObservedSection
{
    public static void Write(ReportPage page, ExperimentResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        if (result.Scenario.Observations.Count == 0)
        {
            return;
        }

        ObservationComparison comparison = ObservationComparison.Compare(result);
        page.Heading(2, lang.Say("Model against observations", "Mô hình so với số liệu quan sát"));
        page.Paragraph(ObservedTable.Summary(comparison, lang).Trim() + ".");
        page.Table(
            [lang.Say("series", "chuỗi"), lang.Say("time", "thời điểm"), lang.Say("observed", "quan sát"), lang.Say("model mean", "mô hình (TB)"), lang.Say("95% prediction band", "dải dự báo 95%"), lang.Say("in band", "trong dải")],
            comparison.Points.Select(p => (IReadOnlyList<string>)
            [
                ObservationLabel.Series(p.Observation, lang),
                ObservationLabel.Time(p.Observation, lang),
                lang.Number(p.Observation.Value),
                lang.Number(p.ModelMean),
                p.HasBand ? $"{lang.Number(p.ModelLow)}–{lang.Number(p.ModelHigh)}" : "–",
                !p.HasBand ? "–" : p.IsInBand ? lang.Say("yes", "có") : lang.Say("no", "không"),
            ]),
            textColumns: 2);
        page.Paragraph(lang.Say(
            "Band: mean ± t(0.975, R−1) · s · √(1 + 1/R) over the R replications, the range one more replication would fall in 95 times in 100. Daily counts are of the local day; a snapshot is read at the last time-series sample at or before its time.",
            "Dải: trung bình ± t(0,975; R−1) · s · √(1 + 1/R) trên R lần lặp, khoảng mà một lần lặp nữa rơi vào 95 lần trên 100. Số liệu theo ngày tính theo ngày địa phương; số liệu tại một thời điểm lấy ở mẫu chuỗi thời gian gần nhất không muộn hơn thời điểm đó."), "sub");
        page.List(result.Scenario.Observations.Select(o => o.Source).Distinct(StringComparer.Ordinal).Select(s => lang.Say("Source: ", "Nguồn: ") + s));
    }
}
