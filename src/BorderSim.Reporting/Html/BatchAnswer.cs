using System.Globalization;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Reporting.Html;

/// <summary>
/// The opening of batch's page, in labels rather than paths and file names: what was asked (what happens as the swept
/// settings go over their values), the answer in a sentence per line of runs (where each direction is overloaded),
/// a small table of each run's key measures, and the warnings grouped by kind.
/// </summary>
public static class BatchAnswer
{
    /// <summary>At most this many lines of runs are answered in the opening; the rest are in the answer in full.</summary>
    public const int LeadLines = 4;

    /// <summary>The lever of each swept path: a scenario's, or labelled with the path itself.</summary>
    public static IReadOnlyList<LeverSpec> Levers(BatchReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DecisionText.LeversOf(input.Levers, input.SweptPaths);
    }

    /// <summary>A scenario file as the page names it: the scenario's name in the page's language, else the file's name.</summary>
    public static string Name(BatchReportInput input, string file)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ScenarioNames.TryGetValue(file, out string? name) ? name : Path.GetFileName(file);
    }

    /// <summary>A swept value as a planner reads it: "800 trucks/day".</summary>
    public static string Value(BatchReportInput input, int path, string value, ReportLanguage lang) => DecisionText.Value(Levers(input)[path], value, lang);

    /// <summary>"What happens as import trucks a day goes from 500 to 800, in 2 scenarios?"</summary>
    public static string Question(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        string[] files = [.. input.Sources.Select(s => s.File)];
        string name = files.Length == 1 ? Name(input, files[0]) : "";
        if (input.SweptPaths.Count == 0)
        {
            return files.Length == 1
                ? lang.Say($"{name}: what do {input.Runs.Count + input.NotFinished.Count} runs give?", $"{name}: kết quả của {input.Runs.Count + input.NotFinished.Count} lần chạy?")
                : lang.Say($"How do the {files.Length} scenarios compare?", $"{files.Length} kịch bản khác nhau thế nào?");
        }

        IReadOnlyList<LeverSpec> levers = Levers(input);
        string[] settings = [.. levers.Select((l, k) => Range(input, k, lang))];
        string joined = settings.Length <= 1 ? string.Concat(settings) : string.Join(", ", settings[..^1]) + lang.Say(" and ", " và ") + settings[^1];
        return files.Length == 1
            ? lang.Say($"{name}: what happens as {joined}?", $"{name}: điều gì xảy ra khi {joined}?")
            : lang.Say($"What happens as {joined}, in {files.Length} scenarios?", $"Điều gì xảy ra khi {joined}, ở {files.Length} kịch bản?");
    }

    /// <summary>"import trucks a day goes from 500 to 800" for numbers, "VN gate hours is 07:00-19:00 or 06:00-22:00" otherwise.</summary>
    private static string Range(BatchReportInput input, int k, ReportLanguage lang)
    {
        string label = lang.Say(Levers(input)[k].Label);
        string[] values = [.. input.Runs.Select(r => r.Run.SweepValues[k]).Distinct()];
        double[] numbers = [.. values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN)];
        if (numbers.Length >= 2 && numbers.All(double.IsFinite))
        {
            string low = DecisionText.Value(Levers(input)[k] with { Unit = null }, values[Array.IndexOf(numbers, numbers.Min())], lang), high = Value(input, k, values[Array.IndexOf(numbers, numbers.Max())], lang);
            return lang.Say($"{label} goes from {low} to {high}", $"{label} từ {low} đến {high}");
        }

        string list = string.Join(lang.Say(" or ", " hoặc "), values.Select(v => Value(input, k, v, lang)));
        return lang.Say($"{label} is {list}", $"{label} là {list}");
    }

    /// <summary>The answer in a sentence per line of runs (at most <see cref="LeadLines"/>): where each direction is overloaded along the sweep.</summary>
    public static IReadOnlyList<string> Lead(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var lines = BatchReport.Lines(input, lang);
        if (lines.Count == 0)
        {
            return [lang.Say(
                $"Answer: {input.Runs.Count} runs finished; the table below has each run's key measures.",
                $"Kết luận: {input.Runs.Count} lần chạy hoàn tất; bảng dưới có các chỉ tiêu chính của từng lần chạy.")];
        }

        var sentences = new List<string>();
        foreach (var (label, runs) in lines.Take(LeadLines))
        {
            string overloads = BatchReport.OverloadSentences(input, runs, lang);
            string text = overloads.Length > 0 ? $"{label}:{overloads}" : BatchReport.Answer(input, lang).ElementAt(sentences.Count);
            sentences.Add(sentences.Count == 0 ? lang.Say("Answer: ", "Kết luận: ") + text : text);
        }

        if (lines.Count > LeadLines)
        {
            sentences.Add(lang.Say($"{lines.Count - LeadLines} more lines of runs in the answer in full below.", $"Còn {lines.Count - LeadLines} nhóm lần chạy nữa trong phần kết luận chi tiết bên dưới."));
        }

        return sentences;
    }

    /// <summary>Each run's scenario, swept values, trucks served a day and mean wait per direction, and the directions overloaded.</summary>
    public static AnswerTable Table(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        IReadOnlyList<LeverSpec> levers = Levers(input);
        string[] directions = [.. BatchReport.KeyMetricIds(input.Runs).Where(id => id.StartsWith("served_per_day/", StringComparison.Ordinal)).Select(id => id.Split('/')[1])];
        string[] ids = [.. directions.SelectMany(d => (string[])[Metrics.ServedPerDay.Key(d, "all").Id, Metrics.WaitHoursMean.Key(d, "all").Id])];
        var rows = input.Runs.Select(run => (IReadOnlyList<string>)
        [
            Name(input, run.Run.ScenarioFile),
            .. run.Run.SweepValues.Select((v, k) => Value(input, k, v, lang)),
            .. ids.Select(id => run.Metrics.TryGetValue(id, out BatchValue v) ? lang.Number(v.Mean) : "–"),
            string.Join(", ", directions.Where(d => run.Metrics.TryGetValue($"overloaded/{d}", out BatchValue v) && v.Mean >= 0.5).Select(lang.Direction)) is { Length: > 0 } over ? over : lang.Say("none", "không"),
        ]);
        string[] header =
        [
            lang.Say("scenario", "kịch bản"),
            .. levers.Select(l => lang.Say(l.Label)),
            .. ids.Select(id => BatchReport.ShortLabel(id, input, lang)),
            lang.Say("overloaded", "quá tải"),
        ];
        return new AnswerTable(header, [.. rows], 1 + levers.Count);
    }

    /// <summary>What to know before quoting the batch, by kind: runs without a result, runs shorter than a dated event, overloaded runs.</summary>
    public static IReadOnlyList<ReportWarning> Warnings(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var warnings = new List<ReportWarning>(input.NotFinished.Select(w => new ReportWarning(lang.Say("Runs without a result", "Lần chạy không có kết quả"), w)));
        string horizon = lang.Say("The run ends before a dated event ends", "Kỳ mô phỏng kết thúc trước khi một sự kiện theo ngày kết thúc");
        warnings.AddRange(input.HorizonCuts.SelectMany(c => HorizonText.Warnings([c.Cut], lang).Select(w => $"{Name(input, c.Label)}: {w}"))
            .Distinct(StringComparer.Ordinal).Select(w => new ReportWarning(horizon, w)));
        string overloaded = lang.Say("Overloaded runs: their waits and queues grow with the run's length", "Lần chạy quá tải: thời gian chờ và hàng đợi tăng theo độ dài kỳ mô phỏng");
        foreach (BatchRunResult run in input.Runs)
        {
            string[] over = [.. run.Metrics.Where(m => m.Key.StartsWith("overloaded/", StringComparison.Ordinal) && m.Value.Mean >= 0.5).Select(m => lang.Side(m.Key.Split('/')[1]))];
            if (over.Length > 0)
            {
                string which = lang.Say($"Run {run.Run.Run} ({Describe(input, run, lang)}): overloaded, {string.Join(", ", over)}", $"Lần chạy {run.Run.Run} ({Describe(input, run, lang)}): quá tải {string.Join(", ", over)}");
                warnings.Add(new ReportWarning(overloaded, which + lang.Say("; its waits and queues grow with the run's length.", "; thời gian chờ và hàng đợi tăng theo độ dài kỳ mô phỏng.")) { Item = which });
            }
        }

        return warnings;
    }

    /// <summary>"Hữu Nghị …, 4 lanes, import trucks a day 800 trucks/day".</summary>
    public static string Describe(BatchReportInput input, BatchRunResult run, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lang);
        IReadOnlyList<LeverSpec> levers = Levers(input);
        return string.Join(", ", new[] { Name(input, run.Run.ScenarioFile) }.Concat(run.Run.SweepValues.Select((v, k) => $"{lang.Say(levers[k].Label)} {Value(input, k, v, lang)}")));
    }
}
