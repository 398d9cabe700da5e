using System.Globalization;
using BorderSim.Reporting;
using Parquet;
using Parquet.Schema;

namespace BorderSim.Cli.Tests;

/// <summary>run --parquet: the large tables as Parquet, holding the CSV's values cell for cell.</summary>
public class ParquetOutputTests
{
    private string _directory = "";
    private string _scenario = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
    }

    [Test]
    public void Parquet_time_series_and_trucks_hold_the_values_of_the_csv_files_of_the_same_run()
    {
        // The same scenario, seed and version: the CSV run and the Parquet run are the same run (determinism).
        string csv = Path.Combine(_directory, "csv");
        string parquet = Path.Combine(_directory, "parquet");
        string[] common = ["--trucks", "--threads", "2", "--replications", "2", "--no-plots", "--no-report", "--no-xlsx"];
        var first = CliRunner.Run(["run", _scenario, "-o", csv, .. common]);
        var second = CliRunner.Run(["run", _scenario, "-o", parquet, "--parquet", .. common]);
        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), first.Error + second.Error);
        Assert.That(Directory.GetFiles(parquet).Select(Path.GetFileName), Is.EquivalentTo(new[] { "summary.csv", "daily.csv", "timeseries.parquet", "trucks.parquet", "run.json" }));

        foreach (string stem in new[] { "timeseries", "trucks" })
        {
            string[] lines = File.ReadAllLines(Path.Combine(csv, stem + ".csv"));
            Assert.That(string.Concat(lines), Does.Not.Contain("\""), "no quoted cells: the CSV splits on commas");
            (string[] columns, List<string[]> rows) = ReadAsCsvCells(Path.Combine(parquet, stem + ".parquet"));
            Assert.That(string.Join(",", columns), Is.EqualTo(lines[0]), stem + " columns");
            Assert.That(rows, Has.Count.EqualTo(lines.Length - 1).And.Count.GreaterThan(500), stem + " rows");
            for (int r = 0; r < rows.Count; r++)
            {
                Assert.That(string.Join(",", rows[r]), Is.EqualTo(lines[r + 1]), $"{stem} row {r + 1}");
            }
        }

        Assert.That(File.ReadAllBytes(Path.Combine(parquet, "summary.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(csv, "summary.csv"))));
    }

    [Test]
    public void Without_trucks_the_parquet_run_writes_the_time_series_only_and_run_json_lists_it()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--parquet", "--no-plots", "--no-report", "--no-xlsx", "--replications", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "summary.csv", "daily.csv", "timeseries.parquet", "run.json" }));
        Assert.That(File.ReadAllText(Path.Combine(output, "run.json")), Does.Contain("\"timeseries.parquet\""));
    }

    /// <summary>Every cell of a Parquet file written as BorderSim's CSV files write it (null: empty).</summary>
    internal static (string[] Columns, List<string[]> Rows) ReadAsCsvCells(string path)
    {
        using FileStream stream = File.OpenRead(path);
        ParquetReader reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            DataField[] fields = reader.Schema.GetDataFields();
            var rows = new List<string[]>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int n = (int)group.RowCount;
                string[][] columns = [.. fields.Select(f => Column(group, f, n))];
                for (int i = 0; i < n; i++)
                {
                    rows.Add([.. columns.Select(c => c[i])]);
                }
            }

            return ([.. fields.Select(f => f.Name)], rows);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string[] Column(ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[n];
            group.ReadAsync(field, text.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. text.Select(t => t ?? "")];
        }

        if (field.ClrType == typeof(double))
        {
            var values = new double?[n];
            group.ReadAsync<double>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(v => v is { } d ? CsvNumbers.Format(d) : "")];
        }

        if (field.ClrType == typeof(int))
        {
            var values = new int[n];
            group.ReadAsync<int>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))];
        }

        if (field.ClrType == typeof(long))
        {
            var values = new long[n];
            group.ReadAsync<long>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(CsvNumbers.Format)];
        }

        if (field.ClrType == typeof(bool))
        {
            var values = new bool[n];
            group.ReadAsync<bool>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(v => v ? "true" : "false")];
        }

        throw new NotSupportedException($"{field.Name}: {field.ClrType}");
    }
}
