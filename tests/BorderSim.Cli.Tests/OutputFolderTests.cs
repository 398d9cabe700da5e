using System.Text.Json;

namespace BorderSim.Cli.Tests;

/// <summary>What a verb leaves in its output folder: one run's files, run.json last, no temporaries, one writer at a time.</summary>
public class OutputFolderTests
{
    private string _directory = "";
    private string _scenario = "";
    private string _output = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
        _output = Path.Combine(_directory, "out");
    }

    private string[] RunArgs(params string[] more) => ["run", _scenario, "-o", _output, "--replications", "2", "--days", "2", .. more];

    private string[] FilesIn(string directory) => [.. Directory.GetFiles(directory).Select(Path.GetFileName).Select(f => f!).Order(StringComparer.Ordinal)];

    // A run that writes nothing removes the folder it created, and its temporary parts with it.
    private string[] TemporaryFiles() => !Directory.Exists(_output) ? [] : [.. Directory.GetFiles(_output, "*.tmp", SearchOption.AllDirectories).Select(Path.GetFileName).Select(f => f!)];

    private string[] ListedOutputs()
    {
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "run.json")));
        return [.. run.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()!)];
    }

    [Test]
    public void A_second_writer_into_a_folder_being_written_exits_4_naming_the_folder_and_the_holder_pid()
    {
        using var error = new StringWriter();
        var holderContext = new CliContext(TextWriter.Null, error, false, [], CancellationToken.None);
        using (OutputSession? holder = OutputSession.Open(_output, holderContext))
        {
            Assert.That(holder, Is.Not.Null, error.ToString());
            var second = CliRunner.Run(RunArgs("--no-plots"));
            Assert.Multiple(() =>
            {
                Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten));
                Assert.That(second.Error, Does.Contain($"'{_output}'").And.Contain($"pid {Environment.ProcessId}"));
                Assert.That(File.Exists(Path.Combine(_output, "summary.csv")), Is.False, "the second writer wrote nothing");
            });
        }

        Assert.That(CliRunner.Run(RunArgs("--no-plots")).ExitCode, Is.EqualTo(ExitCodes.Ok), "the folder is free once the holder is done");
    }

    [Test]
    public void A_rerun_removes_the_files_of_the_earlier_run_that_it_does_not_write_and_keeps_the_users_own()
    {
        Assert.That(CliRunner.Run(RunArgs("--trucks")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(FilesIn(_output), Does.Contain("trucks.csv").And.Contain("queue_by_stage.png"));
        File.WriteAllText(Path.Combine(_output, "notes.txt"), "the planner's own file");

        var rerun = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.Error);
        string[] files = [.. FilesIn(_output).Where(f => !f.StartsWith('.'))];
        Assert.Multiple(() =>
        {
            Assert.That(files, Does.Not.Contain("trucks.csv").And.Not.Contain("queue_by_stage.png").And.Not.Contain("queue_by_stage.svg"));
            Assert.That(files, Is.EquivalentTo(ListedOutputs().Append("notes.txt")), "what run.json lists, and the planner's file");
            Assert.That(ListedOutputs(), Does.Contain("summary.csv").And.Contain("run.json"));
        });
    }

    [Test]
    public void A_full_disk_while_writing_results_exits_4_and_leaves_the_earlier_results_as_they_were()
    {
        Assert.That(CliRunner.Run(RunArgs("--no-plots")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        string earlierSummary = File.ReadAllText(Path.Combine(_output, "summary.csv"));
        string earlierRunJson = File.ReadAllText(Path.Combine(_output, "run.json"));

        var full = CliRunner.Run(FullDiskStream.For("timeseries.csv", capacityBytes: 1000), RunArgs("--no-plots", "--seed", "7"));

        Assert.Multiple(() =>
        {
            Assert.That(full.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten), full.Error);
            Assert.That(full.Error, Does.Contain($"cannot write results to '{_output}'").And.Contain("No space left on device"));
            Assert.That(File.ReadAllText(Path.Combine(_output, "run.json")), Is.EqualTo(earlierRunJson), "the earlier run.json still describes the folder");
            Assert.That(File.ReadAllText(Path.Combine(_output, "summary.csv")), Is.EqualTo(earlierSummary));
            Assert.That(TemporaryFiles(), Is.Empty);
        });
    }

    [Test]
    public void A_full_disk_while_writing_trucks_csv_exits_4_and_removes_its_temporary_parts()
    {
        var full = CliRunner.Run(FullDiskStream.For("trucks.csv", capacityBytes: 20_000), RunArgs("--no-plots", "--trucks"));

        Assert.Multiple(() =>
        {
            Assert.That(full.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten), full.Error);
            Assert.That(full.Error, Does.Contain($"cannot write trucks.csv in '{_output}'").And.Contain("No space left on device"));
            Assert.That(full.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(TemporaryFiles(), Is.Empty);
            Assert.That(File.Exists(Path.Combine(_output, "run.json")), Is.False);
        });
    }

    [Test]
    public void A_later_run_removes_the_temporary_files_a_killed_run_left_and_nothing_else()
    {
        Directory.CreateDirectory(_output);
        string[] stale = [$".trucks.csv.{Guid.NewGuid():N}.tmp", $".summary.csv.{Guid.NewGuid():N}.tmp"];
        foreach (string name in stale)
        {
            File.WriteAllText(Path.Combine(_output, name), "half a file");
        }

        File.WriteAllText(Path.Combine(_output, ".mine.tmp"), "not BorderSim's");

        var outcome = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(TemporaryFiles(), Is.EqualTo(new[] { ".mine.tmp" }));
        Assert.That(outcome.Error, Does.Contain("removed 2 temporary files"));
    }
}
