using System.Text.Json;

namespace BorderSim.Cli.Tests;

/// <summary>
/// An output folder a hostile user prepared (links planted in it, a run.json naming files elsewhere) is never turned
/// against files outside it, and a folder holds one run's files at every moment: the earlier run's stay, run.json
/// included, until the new run is complete, and a run stopped at any point is cleaned by the next complete one.
/// </summary>
public class HostileOutputFolderTests
{
    private string _directory = "";
    private string _scenario = "";
    private string _output = "";
    private string _outside = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
        _output = Path.Combine(_directory, "out");
        _outside = Path.Combine(_directory, "elsewhere");
        Directory.CreateDirectory(_output);
        Directory.CreateDirectory(_outside);
    }

    private string[] RunArgs(params string[] more) => ["run", _scenario, "-o", _output, "--replications", "2", "--days", "2", .. more];

    private string[] VisibleFiles() =>
        [.. Directory.GetFiles(_output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_output, f)).Where(f => !f.StartsWith('.')).Order(StringComparer.Ordinal)];

    private string[] ListedOutputs()
    {
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "run.json")));
        return [.. run.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()!)];
    }

    private Dictionary<string, byte[]> Snapshot() => VisibleFiles().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(_output, f)));

    private static CliRunner.Outcome RunInterruptedAt(string fileName, string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, false, args, stop.Token)
        {
            // Ctrl-C arrives while this file is being written.
            OutputStreamFilter = (name, stream) =>
            {
                if (name == fileName)
                {
                    stop.Cancel();
                    stop.Token.ThrowIfCancellationRequested();
                }

                return stream;
            },
        };
        int code = CliApp.Run(args, context);
        return new CliRunner.Outcome(code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void A_planted_run_json_naming_files_through_a_link_or_outside_the_folder_removes_none_of_them()
    {
        string[] victims = ["keep.csv", "keep.png", "keep.txt"];
        foreach (string victim in victims)
        {
            File.WriteAllText(Path.Combine(_outside, victim), "not BorderSim's");
        }

        File.CreateSymbolicLink(Path.Combine(_output, "lnk"), _outside);
        File.CreateSymbolicLink(Path.Combine(_output, "linked.csv"), Path.Combine(_outside, "keep.csv"));
        File.WriteAllText(Path.Combine(_output, "notes.txt"), "the planner's own file");
        string[] listed = [.. victims.Select(v => "lnk/" + v), "linked.csv", "notes.txt", "../elsewhere/keep.csv", Path.Combine(_outside, "keep.csv"), "run.json"];
        File.WriteAllText(Path.Combine(_output, "run.json"), JsonSerializer.Serialize(new { outputs = listed }));

        var outcome = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.Multiple(() =>
        {
            foreach (string victim in victims)
            {
                Assert.That(File.ReadAllText(Path.Combine(_outside, victim)), Is.EqualTo("not BorderSim's"), victim);
            }

            Assert.That(File.Exists(Path.Combine(_output, "notes.txt")), Is.True, "a name BorderSim never writes is never removed");
            Assert.That(new FileInfo(Path.Combine(_output, "linked.csv")).LinkTarget, Is.Not.Null, "a link is never removed (nor what it points to)");
        });
    }

    [Test]
    public void A_planted_owner_link_is_replaced_and_what_it_points_to_is_left_as_it_was()
    {
        string victim = Path.Combine(_outside, "victim.txt");
        File.WriteAllText(victim, "precious");
        File.CreateSymbolicLink(Path.Combine(_output, OutputSession.OwnerFileName), victim);

        var outcome = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
    }

    [Test]
    public void A_planted_lock_link_does_not_create_what_it_points_to()
    {
        string target = Path.Combine(_outside, "created-by-the-lock");
        File.CreateSymbolicLink(Path.Combine(_output, OutputSession.LockFileName), target);

        var outcome = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(File.Exists(target), Is.False);
    }

    [Test]
    public void A_planted_runs_link_makes_batch_exit_4_naming_the_link_and_nothing_is_written_through_it()
    {
        File.CreateSymbolicLink(Path.Combine(_output, "runs"), _outside);

        var outcome = CliRunner.Run("batch", _scenario, "-o", _output, "--replications", "2", "--days", "2");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten), outcome.Error);
            Assert.That(outcome.Error, Does.Contain("is a symbolic link"));
            Assert.That(Directory.GetFileSystemEntries(_outside), Is.Empty);
        });
    }

    [Test]
    public void Ctrl_c_while_the_files_are_written_leaves_the_earlier_results_and_their_run_json_as_they_were()
    {
        Assert.That(CliRunner.Run(RunArgs()).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Dictionary<string, byte[]> before = Snapshot();

        var stopped = RunInterruptedAt("daily.csv", RunArgs("--no-plots", "--seed", "7"));

        Assert.That(stopped.ExitCode, Is.EqualTo(ExitCodes.Interrupted), stopped.Error);
        Assert.That(Snapshot(), Is.EquivalentTo(before), "every file of the earlier run, run.json included, byte for byte; nothing else");
    }

    [Test]
    public void A_complete_run_after_a_stopped_one_leaves_exactly_the_files_its_run_json_lists()
    {
        Assert.That(CliRunner.Run(RunArgs("--trucks")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        File.WriteAllText(Path.Combine(_output, "notes.txt"), "the planner's own file");
        Assert.That(RunInterruptedAt("daily.csv", RunArgs("--no-plots", "--seed", "7")).ExitCode, Is.EqualTo(ExitCodes.Interrupted));

        var complete = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(complete.ExitCode, Is.EqualTo(ExitCodes.Ok), complete.Error);
        Assert.That(VisibleFiles(), Is.EquivalentTo(ListedOutputs().Append("notes.txt")));
    }

    [Test]
    public void A_run_that_failed_while_finishing_the_folder_is_cleaned_by_the_next_complete_run()
    {
        Assert.That(CliRunner.Run(RunArgs("--no-plots")).ExitCode, Is.EqualTo(ExitCodes.Ok));
        var cut = CliRunner.Run(FullDiskStream.For("run.json"), RunArgs("--trucks", "--seed", "7"));
        Assert.That(cut.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten), cut.Error);
        Assert.That(File.Exists(Path.Combine(_output, "run.json")), Is.False, "cut short while finishing: incomplete, and says so");
        Assert.That(VisibleFiles(), Does.Contain("trucks.csv").And.Contain("queue_by_stage.png"));

        var complete = CliRunner.Run(RunArgs("--no-plots"));

        Assert.That(complete.ExitCode, Is.EqualTo(ExitCodes.Ok), complete.Error);
        Assert.That(VisibleFiles(), Is.EquivalentTo(ListedOutputs()), "the plots and trucks.csv of the run cut short are gone");
    }
}
