using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BorderSim.Scenarios.Tests;
using DuckDB.NET.Data;

namespace BorderSim.DuckDbCheck;

/// <summary>
/// The DuckDB query of the fruit-season guide, run by DuckDB itself on the dataset the guide's batch writes:
/// the table it prints must be the one the guide quotes.
/// </summary>
public partial class GuideQueryTests
{
    private static string Guide => Path.Combine(RepositoryPaths.Root, "docs", "guides", "fruit-season-batch.md");

    [Test]
    public void The_guides_duckdb_query_on_the_guides_batch_prints_the_table_the_guide_quotes()
    {
        string text = File.ReadAllText(Guide).Replace("\r\n", "\n", StringComparison.Ordinal);
        Match block = QueryAndResult().Match(text);
        Assert.That(block.Success, Is.True, "the guide has a ```sql block followed by a ```text block of its result");
        string sql = block.Groups["sql"].Value;
        string[] expected = block.Groups["result"].Value.TrimEnd('\n').Split('\n');

        // The guide's batch command, run from a scratch folder where scenarios/ is the repository's.
        Match batch = BatchCommand().Match(text);
        Assert.That(batch.Success, Is.True, "the guide has the batch command the query reads");
        string work = Path.Combine(Path.GetTempPath(), "bordersim-duckdb-check", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        Directory.CreateSymbolicLink(Path.Combine(work, "scenarios"), RepositoryPaths.Scenarios);
        RunCli(work, batch.Groups["args"].Value);

        string[] actual = Query(work, sql);
        Assert.That(actual, Is.EqualTo(expected), "the guide's quoted result; if the model moved, quote what DuckDB prints now:\n" + string.Join("\n", actual));
    }

    /// <summary>Runs <paramref name="sql"/> in an in-memory DuckDB whose relative paths start from <paramref name="work"/>; rows as CSV, header first.</summary>
    private static string[] Query(string work, string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (DuckDBCommand setting = connection.CreateCommand())
        {
            setting.CommandText = $"SET file_search_path = '{work.Replace("'", "''", StringComparison.Ordinal)}'";
            setting.ExecuteNonQuery();
        }

        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string> { string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)) };
        while (reader.Read())
        {
            lines.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i =>
                reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return [.. lines];
    }

    private static void RunCli(string work, string arguments)
    {
        string cli = Path.Combine(RepositoryPaths.Root, "src", "BorderSim.Cli", "bin", "Release", "net10.0", "bordersim.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (Match word in Word().Matches(arguments))
        {
            start.ArgumentList.Add(word.Groups["quoted"].Success ? word.Groups["quoted"].Value : word.Value);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"```sql\n(?<sql>.*?)```\n+[^`]*?```text\n(?<result>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QueryAndResult();

    [GeneratedRegex(@"\$ bordersim (?<args>batch (?:.*\\\n)*.*)")]
    private static partial Regex BatchCommand();

    [GeneratedRegex(@"'(?<quoted>[^']*)'|[^\s\\]+")]
    private static partial Regex Word();
}
