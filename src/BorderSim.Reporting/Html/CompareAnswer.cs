using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Html;

/// <summary>
/// The opening of compare's page: what was asked (from the base to each alternative), the answer in one or two
/// sentences per alternative (the key measures that change clearly, and a direction that stops or starts being
/// overloaded), the small table of those measures, and the warnings grouped by kind.
/// </summary>
public static class CompareAnswer
{
    /// <summary>"What changes from BASE to ALTERNATIVE?", in the scenarios' names (no --set list: that goes under the changes).</summary>
    public static string Question(ComparisonResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        string[] alternatives = [.. result.Alternatives.Skip(1).Select(a => lang.Name(a.Scenario))];
        string joined = alternatives.Length <= 1 ? string.Concat(alternatives) : string.Join(", ", alternatives[..^1]) + lang.Say(" or ", " hoặc ") + alternatives[^1];
        string baseName = lang.Name(result.Alternatives[0].Scenario);
        return lang.Say($"What changes from {baseName} to {joined}?", $"Chuyển từ {baseName} sang {joined} thì thay đổi gì?");
    }

    /// <summary>The key measures of a direction as compare's answer reads them: trucks served a day, mean wait, highway queue (when there is one).</summary>
    public static IEnumerable<MetricDifference> KeyDifferences(ComparisonResult result, int k)
    {
        ArgumentNullException.ThrowIfNull(result);
        string name = result.Alternatives[k].Scenario.Name;
        var byId = result.Differences.Where(d => d.Alternative == name).ToDictionary(d => d.Key.Id, StringComparer.Ordinal);
        foreach (string direction in result.Alternatives[0].Scenario.Directions.Select(d => d.Name))
        {
            foreach (MetricKey key in (MetricKey[])[Metrics.ServedPerDay.Key(direction, "all"), Metrics.WaitHoursMean.Key(direction, "all"), Metrics.HighwayQueueKmMean.Key(direction)])
            {
                if (byId.TryGetValue(key.Id, out MetricDifference? d) && (key.Name != Metrics.HighwayQueueKmMean.Name || d.BaseMean >= 0.0005 || d.AlternativeMean >= 0.0005))
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>The answer for alternative <paramref name="k"/> in one or two sentences: what changes clearly, and any change of overload.</summary>
    public static IReadOnlyList<string> Lead(ComparisonResult result, int k, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        MetricDifference[] keys = [.. KeyDifferences(result, k)];
        string[] clear = [.. keys.Where(d => d.IsSignificant).Select(d => $"{lang.MetricLabel(d.Key with { Unit = "" })} {lang.Signed(d.Difference)}{UnitOf(d.Key, lang)}")];
        string alt = lang.Name(result.Alternatives[k].Scenario);
        string baseName = lang.Name(result.Alternatives[0].Scenario);
        string first = clear.Length == 0
            ? lang.Say(
                $"Answer: {alt} against {baseName}: no clear change in any of the {keys.Length} key measures (trucks served a day, mean wait and highway queue per direction).",
                $"Kết luận: {alt} so với {baseName}: không thay đổi rõ rệt ở cả {keys.Length} chỉ tiêu chính (số xe thông quan mỗi ngày, thời gian chờ trung bình và hàng xe trên quốc lộ theo từng chiều).")
            : lang.Say(
                $"Answer: {alt} against {baseName}: {string.Join("; ", clear)}{(clear.Length < keys.Length ? $"; no clear change in the other {keys.Length - clear.Length} key measures" : "")}.",
                $"Kết luận: {alt} so với {baseName}: {string.Join("; ", clear)}{(clear.Length < keys.Length ? $"; {keys.Length - clear.Length} chỉ tiêu chính còn lại không thay đổi rõ rệt" : "")}.");
        return [first, .. OverloadChanges(result, k, lang)];
    }

    /// <summary>A sentence per direction overloaded in the base and not in the alternative, or the other way round.</summary>
    public static IEnumerable<string> OverloadChanges(ComparisonResult result, int k, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        foreach (string direction in result.Alternatives[0].Scenario.Directions.Select(d => d.Name))
        {
            bool baseOver = IsOverloaded(result.Alternatives[0], direction);
            if (baseOver != IsOverloaded(result.Alternatives[k], direction))
            {
                string dir = lang.Direction(direction), side = lang.Side(direction);
                yield return baseOver
                    ? lang.Say($"The base is overloaded on the {dir} side and the alternative is not: it keeps up with the demand however long it lasts.", $"Phương án gốc quá tải ở {side}, phương án so sánh thì không: đáp ứng được nhu cầu dù kéo dài bao lâu.")
                    : lang.Say($"The alternative is overloaded on the {dir} side and the base is not.", $"Phương án so sánh quá tải ở {side}, phương án gốc thì không.");
            }
        }
    }

    /// <summary>The key measures of each direction in the base and each alternative, with the change where it is clear.</summary>
    public static AnswerTable Table(ComparisonResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        int count = result.Alternatives.Count;
        List<MetricDifference[]> perAlternative = [.. Enumerable.Range(1, count - 1).Select(k => KeyDifferences(result, k).ToArray())];
        var rows = new List<IReadOnlyList<string>>();
        foreach (MetricDifference first in perAlternative[0])
        {
            var row = new List<string> { lang.MetricLabel(first.Key), lang.Number(first.BaseMean) };
            foreach (MetricDifference[] differences in perAlternative)
            {
                MetricDifference? d = differences.FirstOrDefault(x => x.Key == first.Key);
                row.Add(d is null ? "–" : lang.Number(d.AlternativeMean));
                row.Add(d is null ? "–" : d.IsSignificant
                    ? $"{lang.Signed(d.Difference)} ({lang.Signed(d.Lower)} … {lang.Signed(d.Upper)})"
                    : lang.Say("no clear change", "không rõ rệt"));
            }

            rows.Add(row);
        }

        foreach (string direction in result.Alternatives[0].Scenario.Directions.Select(d => d.Name))
        {
            rows.Add([
                lang.Say($"overloaded, {lang.Direction(direction)}", $"quá tải, {lang.Direction(direction)}"),
                .. result.Alternatives.Select((a, k) => (k, Yes: IsOverloaded(a, direction) ? lang.Say("yes", "có") : lang.Say("no", "không")))
                    .SelectMany(p => p.k == 0 ? (string[])[p.Yes] : [p.Yes, ""]),
            ]);
        }

        string[] header = count == 2
            ? ["", lang.Say("base", "phương án gốc"), lang.Say("alternative", "phương án so sánh"), lang.Say("change (95% interval)", "chênh lệch (khoảng tin cậy 95%)")]
            : ["", lang.Say("1: base", "1: gốc"), .. Enumerable.Range(2, count - 1).SelectMany(k => (string[])[$"{k}", lang.Say($"{k}: change", $"{k}: chênh lệch")])];
        return new AnswerTable(header, rows);
    }

    /// <summary>What to know before quoting the differences, by kind: a run shorter than a dated event, overloaded directions, few pairs, independent numbers.</summary>
    public static IReadOnlyList<ReportWarning> Warnings(ComparisonResult result, int pairs, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        string horizon = lang.Say("The run ends before a dated event ends", "Kỳ mô phỏng kết thúc trước khi một sự kiện theo ngày kết thúc");
        int days = result.Alternatives[0].Scenario.Days;
        string overloaded = lang.Say(
            $"Overloaded: the queue grows without end, so waits, queues and their differences hold for these {days} days only; trucks served a day and backlog growth do not depend on it",
            $"Quá tải: hàng xe tăng mãi, nên thời gian chờ, hàng đợi và chênh lệch của chúng chỉ đúng cho {days} ngày này; số xe thông quan mỗi ngày và mức tăng xe tồn thì không phụ thuộc");
        var warnings = new List<ReportWarning>();
        foreach (ExperimentResult scenario in result.Alternatives)
        {
            string name = lang.Name(scenario.Scenario);
            warnings.AddRange(HorizonText.Warnings(scenario.HorizonCuts, lang).Select(w => new ReportWarning(horizon, $"{name}: {w}")));
        }

        foreach (ExperimentResult scenario in result.Alternatives)
        {
            string name = lang.Name(scenario.Scenario);
            warnings.AddRange(ReportText.OverloadWarnings(scenario, lang).Select(w => new ReportWarning(overloaded, $"{name}: {w} {overloaded}.") { Item = $"{name}: {w}" }));
        }

        if (pairs < ReportText.FewReplications)
        {
            warnings.Add(new ReportWarning(lang.Say("Few replications", "Ít lần lặp"), lang.Say(
                $"Only {pairs} paired replications: the intervals rest on few values and are wide.",
                $"Chỉ có {pairs} cặp lần lặp: khoảng tin cậy dựa trên ít giá trị nên rộng.")));
        }

        if (!result.CommonRandomNumbers)
        {
            warnings.Add(new ReportWarning(lang.Say("Independent random numbers", "Số ngẫu nhiên độc lập"), lang.Say(
                "Independent random numbers (--independent): the intervals are wider than with common random numbers.",
                "Số ngẫu nhiên độc lập (--independent): khoảng tin cậy rộng hơn so với dùng chung số ngẫu nhiên.")));
        }

        return warnings;
    }

    private static bool IsOverloaded(ExperimentResult run, string direction) => run.DirectionLoads.Any(l => l.Direction == direction && l.IsOverloaded);

    private static string UnitOf(MetricKey key, ReportLanguage lang) => key.Unit.Length > 0 && key.Unit != "share" ? " " + lang.Unit(key.Unit) : "";
}
