using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The console view of a comparison, for a planner: for each alternative, the key metrics with the base
/// mean, the alternative's mean, the paired difference with its interval, the relative change and whether
/// the change is significant (the interval excludes zero). comparison.csv has every metric.
/// </summary>
public static class ComparisonTable
{
    /// <param name="result">The comparison.</param>
    /// <param name="labels">One label per scenario (base first), e.g. the file names.</param>
    /// <param name="writer">stdout.</param>
    /// <param name="language">English (default) or Vietnamese: words, and the decimal comma.</param>
    public static void Write(ComparisonResult result, IReadOnlyList<string> labels, TextWriter writer, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(writer);
        ReportLanguage lang = language ?? ReportLanguage.English;
        string Number(double value) => SummaryTable.FormatNumber(value, lang);
        string Sign(double value) => lang.IsVietnamese ? Signed(value).Replace('.', ',') : Signed(value);
        ExperimentResult baseResult = result.Alternatives[0];
        int pairs = baseResult.Replications.Count;
        string streams = result.CommonRandomNumbers ? lang.Say("common random numbers", "dùng chung số ngẫu nhiên") : lang.Say("independent random numbers", "số ngẫu nhiên độc lập");
        writer.Write(lang.IsVietnamese
            ? $"phương án gốc: {lang.Title(baseResult.Scenario)} ({labels[0]}): {pairs} lần lặp, mỗi lần {baseResult.Scenario.Days} ngày, khởi động {Number(baseResult.WarmUpHours)} giờ, {streams}\n"
            : FormattableString.Invariant(
                $"base: {lang.Title(baseResult.Scenario)} ({labels[0]}): {pairs} replications of {baseResult.Scenario.Days} days, warm-up {SummaryTable.FormatNumber(baseResult.WarmUpHours)} h ({baseResult.WarmUpMethod}), {streams}\n"));
        WriteOverloads(baseResult, writer, lang);

        IReadOnlyList<MetricKey> keys = MetricCatalog.Headlines(baseResult.Summary.Select(s => s.Key));
        for (int k = 1; k < result.Alternatives.Count; k++)
        {
            string name = lang.Title(result.Alternatives[k].Scenario);
            List<MetricDifference> rows = [.. result.Differences.Where(d => d.Alternative == result.Alternatives[k].Scenario.Name)];
            double level = rows.Count > 0 ? rows[0].ConfidenceLevel : Comparison.FamilyConfidence;
            writer.Write("\n");
            writer.Write(lang.Say($"alternative {k + 1}: {name} ({labels[k]})\n", $"phương án {k + 1}: {name} ({labels[k]})\n"));
            WriteOverloads(result.Alternatives[k], writer, lang);
            var table = lang.IsVietnamese
                ? new TextTable("chỉ tiêu", "gốc", "so sánh", $"chênh lệch [KTC {ComparisonCsv.Percent(level).Replace('.', ',')}]", "tương đối", "có ý nghĩa")
                : new TextTable("metric", "base", "alternative", $"difference [{ComparisonCsv.Percent(level)} CI]", "relative", "significant");
            Dictionary<MetricKey, MetricDifference> byKey = rows.ToDictionary(d => d.Key);
            foreach (MetricKey key in keys)
            {
                if (!byKey.TryGetValue(key, out MetricDifference? d))
                {
                    continue;
                }

                string relative = double.IsFinite(d.RelativeChange) ? (d.RelativeChange * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";
                table.Add(
                    lang.HeadlineLabel(key),
                    Number(d.BaseMean),
                    Number(d.AlternativeMean),
                    lang.IsVietnamese ? $"{Sign(d.Difference)} [{Sign(d.Lower)}; {Sign(d.Upper)}]" : $"{Signed(d.Difference)} [{Signed(d.Lower)}, {Signed(d.Upper)}]",
                    lang.IsVietnamese ? relative.Replace('.', ',') : relative,
                    d.IsSignificant ? lang.Say("yes", "có") : lang.Say("no", "không"));
            }

            if (table.Count == 0)
            {
                writer.Write(lang.Say("  (no key metrics in common; see comparison.csv)\n", "  (không có chỉ tiêu chính chung; xem comparison.csv)\n"));
            }
            else
            {
                table.Write(writer, "  ");
            }
        }

        if (result.Alternatives.Any(a => a.DirectionLoads.Any(l => l.IsOverloaded)))
        {
            // A mean of an overloaded direction grows with the run, so its difference does too.
            writer.Write(lang.Say(
                "\nnote: where a direction is overloaded, its means (waits, queues) grow with the run's length, and so do their differences: " +
                "read them as 'over these days', and compare served per day and backlog_growth_trucks_per_day, which do not depend on it\n",
                "\nlưu ý: ở chiều quá tải, các giá trị trung bình (thời gian chờ, hàng đợi) tăng theo độ dài kỳ mô phỏng, chênh lệch cũng vậy: " +
                "chỉ đúng cho số ngày này; hãy so sánh số xe thông quan mỗi ngày và backlog_growth_trucks_per_day, vốn không phụ thuộc độ dài kỳ\n"));
        }

        int significant = result.Differences.Count(d => d.IsSignificant);
        writer.Write(lang.IsVietnamese
            ? $"\n{significant} trong {result.Differences.Count} chênh lệch có ý nghĩa thống kê; mọi chỉ tiêu có trong comparison.csv\n"
            : FormattableString.Invariant($"\n{significant} of {result.Differences.Count} metric differences significant; every metric is in comparison.csv\n"));
    }

    /// <summary>The OVERLOADED lines of one scenario, indented under its header.</summary>
    private static void WriteOverloads(ExperimentResult result, TextWriter writer, ReportLanguage lang)
    {
        foreach (string warning in LoadReport.Warnings(result, lang))
        {
            writer.Write("  " + warning + "\n");
        }
    }

    /// <summary>A number with its sign: "+3.20", "-0.015", "0".</summary>
    public static string Signed(double value)
    {
        string text = SummaryTable.FormatNumber(value);
        return value > 0 ? "+" + text : text;
    }
}
