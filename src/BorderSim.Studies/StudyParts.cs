using BorderSim.Model.Results;
using BorderSim.Reporting;

namespace BorderSim.Studies;

/// <summary>A finished run's part (runs/&lt;key&gt;.csv, summary.csv format) and its manifest, as batch, capacity and optimize write them.</summary>
public static class StudyParts
{
    /// <summary>Writes the part of <paramref name="run"/> and then its manifest; synced to disk when <paramref name="synced"/>.</summary>
    public static void Write(IStudyFolder folder, BatchRun run, ExperimentResult result, bool synced = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write(folder, run, result.Summary, synced);
    }

    /// <summary>Writes a part of the rows <paramref name="rows"/> (a run's summary, and a study's own rows after it) and then its manifest.</summary>
    public static void Write(IStudyFolder folder, BatchRun run, IReadOnlyList<MetricSummary> rows, bool synced = true)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter();
        SummaryCsv.Write(rows, text);
        byte[] part = AtomicFile.Utf8.GetBytes(text.ToString());
        folder.WriteUnlisted(run.PartFileName, part, synced);
        folder.WriteUnlisted(PartManifest.PathFor(run.PartFileName), AtomicFile.Utf8.GetBytes(PartManifest.Of(part, run.PartFileName).ToJson()), synced);
    }
}
