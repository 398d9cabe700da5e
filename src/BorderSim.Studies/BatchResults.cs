using BorderSim.Reporting;

namespace BorderSim.Studies;

/// <summary>A batch's results table, batch.csv and the dataset batch.parquet, assembled from its runs' parts (batch, merge).</summary>
public static class BatchResults
{
    /// <summary>
    /// Writes batch.csv and batch.parquet/run=N/part-0.parquet into <paramref name="output"/> from the parts of the valid runs found under any of
    /// <paramref name="partDirectories"/>, in run-list order; returns the rows written and the runs without a part.
    /// </summary>
    public static int WriteBatchCsv(IOutputFolder output, IReadOnlyList<string> partDirectories, IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs, out List<BatchRun> missing)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(partDirectories);
        ArgumentNullException.ThrowIfNull(runs);
        var parts = new List<(BatchRun, IReadOnlyList<string[]>)>();
        missing = [];
        foreach (BatchRun run in runs.Where(r => r.IsValid))
        {
            string? path = partDirectories.Select(d => run.PartPath(d)).FirstOrDefault(File.Exists);
            if (path is null)
            {
                missing.Add(run);
                continue;
            }

            parts.Add((run, PartFiles.Read(path)));
        }

        output.WriteText(BatchCsv.FileName, w => BatchCsv.Write(sweptPaths, parts, w));
        BatchParquet.Write(output, sweptPaths, parts);
        return parts.Sum(p => p.Item2.Count);
    }
}
