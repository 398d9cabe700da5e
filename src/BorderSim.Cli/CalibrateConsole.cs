using BorderSim.Model.Experiments;
using BorderSim.Reporting;
using BorderSim.Studies;

namespace BorderSim.Cli;

/// <summary>
/// What calibrate prints, in the language of <c>--lang</c>: its opening progress line, then each fitted value with its
/// 95% interval, the least discrepancy and the observations at the fit. Values stay as the scenario writes them (the
/// reader copies them back); the discrepancy and its threshold are numbers in the language's form.
/// </summary>
internal static class CalibrateConsole
{
    /// <summary>"calibrate: 2 values of NAME fitted to 10 observations; ..." (the scenario's observations: the study reads them when it runs).</summary>
    public static string Opening(CalibrationStudy study, string scenarioName, int observations, ReportLanguage lang) => lang.Say(
        FormattableString.Invariant($"calibrate: {study.Parameters.Count} values of {scenarioName} fitted to {observations} observations; {study.Replications} replications a candidate on common random numbers"),
        $"calibrate: {study.Parameters.Count} giá trị của {scenarioName} được khớp với {observations} {lang.Say(Glossary.Observations)}; {study.Replications} {lang.Say(Glossary.Replications)} cho mỗi phương án thử, cùng dãy số ngẫu nhiên");

    /// <summary>The fitted values, their intervals, the fit's discrepancy and the observations at the fit.</summary>
    public static void Print(TextWriter output, CalibrationStudy study, SearchRunner runner, ObservationComparison atFit, int maxEvaluations, (string Calibrated, string Csv) written, ReportLanguage lang)
    {
        output.Write(Summary(study, runner, maxEvaluations, lang) + "\n");
        var table = new TextTable(lang.Say("value", "giá trị"), lang.Say("fitted", "giá trị khớp"), lang.Say("95% interval", "khoảng 95%"), lang.Say("searched", "khoảng tìm"));
        foreach (FittedValue f in study.Fitted)
        {
            CalibrationParameter p = f.Parameter;
            table.Add(p.Path, p.TextOf(f.Value), f.IsIdentified ? CalibratedScenario.IntervalText(f) : lang.Say("not identified (flat)", "không xác định được (phẳng)"), $"{p.Format(p.Low)}..{p.Format(p.High)}");
        }

        table.Write(output, "  ");
        int freedom = Math.Max(study.Observations.Count - study.Parameters.Count, 0);
        string least = Number(study.Discrepancy(study.Best), "G4", lang);
        string threshold = Number(study.ThresholdInUse, "G3", lang);
        output.Write(lang.Say(
            $"  least discrepancy {least} (sum of squared gaps in model prediction sds; about {freedom} expected if the model fits); intervals: within {threshold} of it\n",
            $"  độ lệch nhỏ nhất {least} (tổng bình phương các khoảng cách tính bằng độ lệch chuẩn dự báo của mô hình; khoảng {freedom} nếu mô hình khớp); khoảng: trong phạm vi {threshold} quanh nó\n"));
        foreach (FittedValue f in study.Fitted.Where(f => !f.IsIdentified))
        {
            string range = $"{f.Parameter.Format(f.Parameter.Low)}..{f.Parameter.Format(f.Parameter.High)}";
            output.Write(lang.Say(
                $"  {f.Parameter.Path}: the observations do not identify it: the discrepancy stays within {threshold} of its least across {range}\n",
                $"  {f.Parameter.Path}: {lang.Say(Glossary.Observations)} không xác định được giá trị này: độ lệch ở trong phạm vi {threshold} quanh mức nhỏ nhất trên cả khoảng {range}\n"));
        }

        output.Write(lang.Say("At the fitted values:\n", "Tại các giá trị khớp:\n"));
        ObservedTable.Write(atFit, output, lang);
        output.Write(lang.Say($"  wrote {written.Calibrated} and {written.Csv}\n", $"  đã ghi {written.Calibrated} và {written.Csv}\n"));
    }

    private static string Summary(CalibrationStudy study, SearchRunner runner, int maxEvaluations, ReportLanguage lang) => lang.Say(
        FormattableString.Invariant($"calibrate: {study.Parameters.Count} values fitted to {study.Observations.Count} observations, {study.Replications} replications a candidate on common random numbers; {study.Points.Count} candidates in {study.Rounds} rounds ({runner.RunsRun} runs now, {runner.RunsResumed} resumed){(study.Converged ? "" : $"; the search stopped at --max-evaluations {maxEvaluations} before it converged")}"),
        $"calibrate: {study.Parameters.Count} giá trị được khớp với {study.Observations.Count} {lang.Say(Glossary.Observations)}, {study.Replications} {lang.Say(Glossary.Replications)} cho mỗi phương án thử, cùng dãy số ngẫu nhiên; {study.Points.Count} {lang.Say(Glossary.Candidates)} trong {study.Rounds} {lang.Say(Glossary.Round)} ({runner.RunsRun} {lang.Say(Glossary.Runs)} mới, {runner.RunsResumed} dùng lại){(study.Converged ? "" : $"; việc tìm dừng ở --max-evaluations {maxEvaluations} trước khi hội tụ")}");

    /// <summary>The number as English has always printed it (invariant, <paramref name="format"/>); in Vietnamese as a report writes it (decimal comma, no exponent).</summary>
    private static string Number(double value, string format, ReportLanguage lang) =>
        lang.IsVietnamese ? lang.Number(value) : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
