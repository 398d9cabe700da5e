using System.Globalization;
using System.Text;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// The calibrated scenario as a new file: the scenario's text with each fitted value edited in place
/// (<see cref="ScenarioTextEdit"/>, so comments and layout stay), and a comment at the top saying what was fitted, to
/// which observations, how, and when.
/// </summary>
public static class CalibratedScenario
{
    /// <summary>
    /// The calibrated text of <paramref name="text"/> (the scenario with the command's --set values already edited
    /// in); null with <paramref name="problems"/> when a value cannot be edited in place.
    /// </summary>
    /// <param name="text">The scenario's text.</param>
    /// <param name="file">The scenario file's name, for the comment and messages.</param>
    /// <param name="study">The finished study.</param>
    /// <param name="observationFiles">The observation files the scenario names, for the comment.</param>
    /// <param name="seed">The seed of the replications.</param>
    /// <param name="dateUtc">When the calibration ran.</param>
    /// <param name="problems">Why the text could not be edited.</param>
    public static string? Write(string text, string file, CalibrationStudy study, IReadOnlyList<string> observationFiles, ulong seed, DateTimeOffset dateUtc, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(observationFiles);
        string? edited = ScenarioTextEdit.Replace(text, file, [.. study.Fitted.Select(f => (f.Parameter.Path, f.Parameter.TextOf(f.Value)))], out problems);
        if (edited is null)
        {
            return null;
        }

        int insertAt = edited.StartsWith("# yaml-language-server", StringComparison.Ordinal) ? edited.IndexOf('\n', StringComparison.Ordinal) + 1 : 0;
        return edited[..insertAt] + Header(file, study, observationFiles, seed, dateUtc) + edited[insertAt..];
    }

    /// <summary>The comment: what was fitted to what, each value with its interval, the discrepancy and the settings.</summary>
    public static string Header(string file, CalibrationStudy study, IReadOnlyList<string> observationFiles, ulong seed, DateTimeOffset dateUtc)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(observationFiles);
        var header = new StringBuilder();
        string files = observationFiles.Count == 0 ? "its observations" : string.Join(", ", observationFiles);
        header.Append(CultureInfo.InvariantCulture, $"# Calibrated by `bordersim calibrate` on {dateUtc.UtcDateTime:yyyy-MM-dd} (UTC) from {Path.GetFileName(file)}: the values below were fitted\n");
        header.Append(CultureInfo.InvariantCulture, $"# to the {study.Observations.Count} observations of {files} that its run covers ({study.Replications} replications a candidate on common random\n");
        header.Append(CultureInfo.InvariantCulture, $"# numbers, seed {seed}; {study.Points.Count} candidates). Each value's 95% interval: the values of a slice through the fit whose\n");
        header.Append(CultureInfo.InvariantCulture, $"# discrepancy sum(((model mean - observed) / model prediction sd)^2) is within {study.ThresholdInUse:G3} of its least.\n");
        foreach (FittedValue fitted in study.Fitted)
        {
            header.Append("#   ").Append(Describe(fitted, study.ThresholdInUse)).Append('\n');
        }

        header.Append(CultureInfo.InvariantCulture, $"#   least discrepancy {study.Discrepancy(study.Best):G4} over {study.Observations.Count} observations\n");
        return header.ToString();
    }

    /// <summary>"path: 412 (95% interval 398–425; searched 300..600)", or that the observations do not identify it.</summary>
    public static string Describe(FittedValue fitted, double threshold)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        CalibrationParameter p = fitted.Parameter;
        string range = $"searched {p.Format(p.Low)}..{p.Format(p.High)}";
        return !fitted.IsIdentified
            ? $"{p.Path}: {p.TextOf(fitted.Value)}, not identified: the discrepancy stays within {threshold.ToString("G3", CultureInfo.InvariantCulture)} of its least across {p.Format(p.Low)}..{p.Format(p.High)}"
            : $"{p.Path}: {p.TextOf(fitted.Value)} (95% interval {IntervalText(fitted)}; {range})";
    }

    /// <summary>"398–425", with "≤" / "≥" when an end reaches the range searched.</summary>
    public static string IntervalText(FittedValue fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        CalibrationParameter p = fitted.Parameter;
        string low = (fitted.LowAtBound ? "<=" : "") + p.Format(fitted.Low);
        string high = (fitted.HighAtBound ? ">=" : "") + p.Format(fitted.High);
        return $"{low}–{high}";
    }
}
