namespace BorderSim.Cli.Tests;

/// <summary>batch.parquet: the batch as one Hive-partitioned Parquet dataset, holding batch.csv's values.</summary>
public class BatchParquetTests
{
    private const string Sweep = "directions.import.arrivals.trucks_per_day=150:250:50";

    [Test]
    public void The_dataset_has_a_file_per_run_whose_rows_with_the_run_from_its_folder_are_batch_csv()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string scenario = CliRunner.WriteScenario(directory, "small.yaml", CliRunner.SmallScenario);
        string output = Path.Combine(directory, "batch");
        var outcome = CliRunner.Run("batch", scenario, "--sweep", Sweep, "--replications", "2", "--threads", "2", "-o", output);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);

        string dataset = Path.Combine(output, "batch.parquet");
        string[] files = [.. Directory.GetFiles(dataset, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dataset, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        Assert.That(files, Is.EqualTo(new[] { "run=1/part-0.parquet", "run=2/part-0.parquet", "run=3/part-0.parquet" }));

        string[] lines = File.ReadAllLines(Path.Combine(output, "batch.csv"));
        var rows = new List<string>();
        string[]? columns = null;
        foreach (string file in files)
        {
            string run = file.Split('/')[0]["run=".Length..];
            (string[] fileColumns, List<string[]> fileRows) = ParquetOutputTests.ReadAsCsvCells(Path.Combine(dataset, file));
            columns ??= fileColumns;
            Assert.That(fileColumns, Is.EqualTo(columns), "every partition has the same schema");
            rows.AddRange(fileRows.Select(r => run + "," + string.Join(",", r)));
        }

        Assert.That("run," + string.Join(",", columns!), Is.EqualTo(lines[0]));
        Assert.That(rows, Is.EqualTo(lines.Skip(1)), "the dataset's rows, in run order, are batch.csv's");
        Assert.That(File.ReadAllText(Path.Combine(output, "run.json")), Does.Contain("\"batch.parquet/run=3/part-0.parquet\""));
        Assert.That(outcome.Out, Does.Contain("and batch.parquet/ (one Parquet file per run)"));
    }

    [Test]
    public void Merged_shards_write_the_dataset_byte_for_byte_as_one_batch()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string scenario = CliRunner.WriteScenario(directory, "small.yaml", CliRunner.SmallScenario);
        string[] plan = ["batch", scenario, "--sweep", Sweep, "--replications", "2", "--threads", "2"];
        string whole = Path.Combine(directory, "whole");
        string merged = Path.Combine(directory, "merged");
        Assert.That(CliRunner.Run([.. plan, "-o", whole]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(CliRunner.Run([.. plan, "--shard", "1/2", "-o", Path.Combine(directory, "s1")]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(CliRunner.Run([.. plan, "--shard", "2/2", "-o", Path.Combine(directory, "s2")]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Directory.Exists(Path.Combine(directory, "s1", "batch.parquet")), Is.False, "a shard writes no dataset");
        var merge = CliRunner.Run("merge", Path.Combine(directory, "s1"), Path.Combine(directory, "s2"), "-o", merged);
        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Ok), merge.Error);

        for (int run = 1; run <= 3; run++)
        {
            string file = Path.Combine("batch.parquet", $"run={run}", "part-0.parquet");
            Assert.That(File.ReadAllBytes(Path.Combine(merged, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, file))), file);
        }
    }
}
