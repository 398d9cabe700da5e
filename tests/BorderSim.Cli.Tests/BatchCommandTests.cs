using System.Text.Json;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// The batch and merge verbs as a user meets them: options, globs, exit codes, run.json, shards and merge. What the
/// batch study does (resuming, invalid runs beside good ones, runs at once, cancellation) is tested in process in
/// BorderSim.Studies.Tests (BatchStudyTests).
/// </summary>
public class BatchCommandTests
{
    private const string SweepArrivals = "directions.export.arrivals.trucks_per_day=150:250:50";
    private string _directory = "";
    private string _small = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _small = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
    }

    /// <summary>A short batch: 2 days, 2 replications per run, plus the given arguments.</summary>
    private static CliRunner.Outcome Batch(string output, params string[] more) =>
        CliRunner.Run(["batch", .. more, "-o", output, "--days", "2", "--replications", "2"]);

    private static int Count(string text, string pattern) => Regex.Matches(text, pattern).Count;

    [Test]
    public void A_sweep_runs_every_value_and_batch_csv_has_a_row_per_run_and_metric()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = Batch(output, _small, "--sweep", SweepArrivals, "--sweep", "directions.import.arrivals.trucks_per_day=100,200");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);

        string[] runList = File.ReadAllLines(Path.Combine(output, "runlist.csv"));
        string[] batch = File.ReadAllLines(Path.Combine(output, "batch.csv"));
        int metrics = File.ReadAllLines(Directory.GetFiles(Path.Combine(output, "runs"), "*.csv")[0]).Length - 1;
        Assert.Multiple(() =>
        {
            Assert.That(runList, Has.Length.EqualTo(1 + 6), "3 export values x 2 import values");
            Assert.That(Directory.GetFiles(Path.Combine(output, "runs"), "*.csv"), Has.Length.EqualTo(6));
            Assert.That(batch[0], Does.StartWith("run,scenario_file,scenario_name,directions.export.arrivals.trucks_per_day,directions.import.arrivals.trucks_per_day,metric,name,"));
            Assert.That(batch, Has.Length.EqualTo(1 + (6 * metrics)));
            Assert.That(batch[1], Does.StartWith($"1,{_small},Hữu Nghị test crossing,150,100,served_per_day/export/all,"));
            Assert.That(batch[^1], Does.StartWith($"6,{_small},Hữu Nghị test crossing,250,200,"), "the last sweep varies fastest");
            Assert.That(Count(outcome.Error, @"\[\d/6\] .* done \("), Is.EqualTo(6));
            Assert.That(outcome.Out, Does.Contain("batch: 6 runs: 6 run, 0 already done, 0 failed, 0 invalid"));
        });

        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        JsonElement first = run.RootElement.GetProperty("scenarios")[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.RootElement.GetProperty("verb").GetString(), Is.EqualTo("batch"));
            Assert.That(first.GetProperty("key").GetString(), Has.Length.EqualTo(64));
            Assert.That(first.GetProperty("overrides")[0].GetString(), Is.EqualTo("directions.export.arrivals.trucks_per_day=150"));
            Assert.That(first.GetProperty("warm_up_method").GetString(), Is.EqualTo("fixed"));
            Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("ok"));
        });
    }

    [Test]
    public void A_glob_expands_in_sorted_order_and_a_glob_matching_nothing_is_an_error()
    {
        CliRunner.WriteScenario(_directory, "b.yaml", CliRunner.SmallScenario);
        string output = Path.Combine(_directory, "out");
        var outcome = Batch(output, Path.Combine(_directory, "*.yaml"));
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string[] runList = File.ReadAllLines(Path.Combine(output, "runlist.csv"));
        Assert.That(runList.Skip(1).Select(l => Path.GetFileName(l.Split(',')[2])), Is.EqualTo(new[] { "b.yaml", "small.yaml" }));

        var none = Batch(Path.Combine(_directory, "none"), Path.Combine(_directory, "*.yml"));
        Assert.That(none.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(none.Error, Does.Contain("*.yml: no file matches"));
    }

    [Test]
    public void Three_shards_merged_equal_one_unsharded_batch_byte_for_byte()
    {
        string[] sweep = ["--sweep", "directions.export.arrivals.trucks_per_day=150:300:50"];
        string whole = Path.Combine(_directory, "whole");
        Assert.That(Batch(whole, [_small, .. sweep]).ExitCode, Is.EqualTo(ExitCodes.Ok));

        var shards = new List<string>();
        for (int k = 1; k <= 3; k++)
        {
            string shard = Path.Combine(_directory, $"shard{k}");
            var outcome = Batch(shard, [_small, .. sweep, "--shard", $"{k}/3"]);
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(File.Exists(Path.Combine(shard, "batch.csv")), Is.False, "a shard leaves combining to merge");
            shards.Add(shard);
        }

        Assert.That(Directory.GetFiles(Path.Combine(shards[0], "runs"), "*.csv"), Has.Length.EqualTo(2), "runs 1 and 4 of 4");
        Assert.That(Directory.GetFiles(Path.Combine(shards[2], "runs"), "*.csv"), Has.Length.EqualTo(1), "run 3 of 4");

        string merged = Path.Combine(_directory, "merged");
        var merge = CliRunner.Run(["merge", .. shards, "-o", merged]);
        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Ok), merge.Error);
        Assert.That(File.ReadAllBytes(Path.Combine(merged, "batch.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "batch.csv"))));
        Assert.That(File.ReadAllBytes(Path.Combine(merged, "runlist.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "runlist.csv"))));
        Assert.That(File.Exists(Path.Combine(merged, "run.json")));

        // In Vietnamese: the same bytes, the line said in Vietnamese.
        var vietnamese = CliRunner.Run(["merge", .. shards, "-o", merged + "-vi", "--lang", "vi"]);
        Assert.That(vietnamese.ExitCode, Is.EqualTo(ExitCodes.Ok), vietnamese.Error);
        Assert.That(vietnamese.Out, Does.StartWith("đã gộp 3 thư mục: 4 lần chạy, "), merge.Out);
        Assert.That(File.ReadAllBytes(Path.Combine(merged + "-vi", "batch.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "batch.csv"))));
    }

    [Test]
    public void Merge_names_the_runs_whose_parts_are_missing_and_exits_3()
    {
        string[] sweep = ["--sweep", SweepArrivals];
        string first = Path.Combine(_directory, "s1");
        string second = Path.Combine(_directory, "s2");
        Assert.That(Batch(first, [_small, .. sweep, "--shard", "1/2"]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Batch(second, [_small, .. sweep, "--shard", "2/2"]).ExitCode, Is.EqualTo(ExitCodes.Ok));

        string merged = Path.Combine(_directory, "merged");
        var onlyFirst = CliRunner.Run("merge", first, "-o", merged);
        Assert.Multiple(() =>
        {
            Assert.That(onlyFirst.ExitCode, Is.EqualTo(ExitCodes.RunFailed));
            Assert.That(onlyFirst.Error, Does.Contain("run 2 (" + _small + " directions.export.arrivals.trucks_per_day=200) has no part"));
            Assert.That(File.Exists(Path.Combine(merged, "batch.csv")), Is.False, "no partial batch.csv");
        });
    }

    /// <summary>
    /// merge's refusals in <c>--lang vi</c>: a folder without a run list, runs no shard has, shards of different batches
    /// and a part without its manifest, each in Vietnamese with English's exit code, the paths as printed, and none of
    /// the English sentence's words outside the paths.
    /// </summary>
    [Test]
    public void Merge_refuses_in_Vietnamese_with_the_English_exit_codes()
    {
        string first = Path.Combine(_directory, "s1");
        string second = Path.Combine(_directory, "s2");
        string other = Path.Combine(_directory, "other");
        Assert.That(Batch(first, _small, "--sweep", SweepArrivals, "--shard", "1/2").ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Batch(second, _small, "--sweep", SweepArrivals, "--shard", "2/2").ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Batch(other, _small, "--sweep", "directions.export.arrivals.trucks_per_day=150,200,260", "--shard", "2/2").ExitCode, Is.EqualTo(ExitCodes.Ok));
        File.Delete(PartManifestOf(PartOfRun(second, 2)));
        (string[] Shards, string Vietnamese, string English)[] refusals =
        [
            ([_directory], "không có runlist.csv; đây có phải là thư mục -o", "no runlist.csv; is it the -o directory"),
            ([first], "thiếu 1 trên 3 lần chạy; hãy chạy lại", "1 of 3 runs missing"),
            ([first], "lần chạy 2 (", "run 2 ("),
            ([first, other], "runlist.csv:4: khác với", "runlist.csv:4: differs from"),
            ([first, second], "không có tệp kê khai", "has no manifest"),
        ];
        foreach ((string[] shards, string vietnamese, string english) in refusals)
        {
            var vi = CliRunner.Run(["merge", .. shards, "-o", Path.Combine(_directory, "merged"), "--lang", "vi"]);
            var en = CliRunner.Run(["merge", .. shards, "-o", Path.Combine(_directory, "merged")]);
            string words = Regex.Replace(vi.Error.Replace(_directory, "", StringComparison.Ordinal), @"'[^']*'|\S*[/\\.]\S*|--\w+", "");
            Assert.Multiple(() =>
            {
                Assert.That(vi.ExitCode, Is.EqualTo(en.ExitCode).And.Not.EqualTo(ExitCodes.Ok), vi.Error);
                Assert.That(vi.Error, Does.Contain(vietnamese));
                Assert.That(Regex.Matches(words, @"\b(no|is|of|runs?|missing|rerun|shards?|merge|again|differs|from|part|manifest|damaged|different|batches)\b").Select(m => m.Value), Is.Empty, vi.Error);
                Assert.That(en.Error, Does.Contain(english), "the same refusal in English");
            });
        }
    }

    private static string PartManifestOf(string part) => Path.ChangeExtension(part, null) + ".manifest.json";

    [Test]
    public void Merge_refuses_shards_of_different_batches()
    {
        string first = Path.Combine(_directory, "s1");
        string second = Path.Combine(_directory, "s2");
        Assert.That(Batch(first, _small, "--sweep", SweepArrivals, "--shard", "1/2").ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Batch(second, _small, "--sweep", "directions.export.arrivals.trucks_per_day=150,200,260", "--shard", "2/2").ExitCode, Is.EqualTo(ExitCodes.Ok));
        var outcome = CliRunner.Run("merge", first, second, "-o", Path.Combine(_directory, "merged"));
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain("runlist.csv:4: differs from"));
    }

    [TestCase("--sweep", "no-equals-sign", "expected path=from:to:step")]
    [TestCase("--shard", "4/3", "expected K/N")]
    public void A_bad_sweep_or_shard_exits_2_before_running(string option, string value, string message)
    {
        string output = Path.Combine(_directory, "out");
        var outcome = Batch(output, _small, option, value);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain(message));
        Assert.That(Directory.Exists(output), Is.False);
    }

    [TestCase("--bogus")]
    [TestCase("-z")]
    public void An_unknown_option_is_a_usage_error_exit_2_not_a_file_name(string option)
    {
        string output = Path.Combine(_directory, "out");
        var outcome = Batch(output, _small, option);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain($"unknown option '{option}'").And.Contain("see 'bordersim batch --help'"));
            Assert.That(outcome.Error, Does.Not.Contain("no file matches"));
            Assert.That(Directory.Exists(output), Is.False);
        });
    }

    private static string PartOfRun(string output, int run) =>
        Path.Combine(output, "runs", File.ReadAllLines(Path.Combine(output, "runlist.csv"))[run].Split(',')[1] + ".csv");

    private static void CutLastLines(string path, int lines)
    {
        string[] all = File.ReadAllLines(path);
        File.WriteAllText(path, string.Join('\n', all[..^lines]) + "\n");
    }

    [TestCase("truncated", "cut short or damaged")]
    [TestCase("garbage", "is not a part file")]
    [TestCase("one number altered", "differs from its checksum")]
    [TestCase("no manifest", "has no manifest")]
    public void Merge_refuses_a_damaged_part_naming_the_file_and_exits_2(string damage, string message)
    {
        string shard = Path.Combine(_directory, "shard1");
        Assert.That(Batch(shard, _small, "--sweep", SweepArrivals, "--shard", "1/1").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string part = PartOfRun(shard, 1);
        switch (damage)
        {
            case "truncated":
                CutLastLines(part, 3);
                break;
            case "garbage":
                string text = File.ReadAllText(part);
                File.WriteAllText(part, text.Replace(",", ";", StringComparison.Ordinal));
                break;
            case "one number altered":
                string[] lines = File.ReadAllLines(part);
                lines[1] = lines[1][..^1] + (lines[1][^1] == '1' ? '2' : '1');
                File.WriteAllText(part, string.Join('\n', lines) + "\n");
                break;
            default:
                File.Delete(Path.ChangeExtension(part, null) + ".manifest.json");
                break;
        }

        var merge = CliRunner.Run("merge", shard, "-o", Path.Combine(_directory, "merged"));

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), merge.Error);
            Assert.That(merge.Error, Does.Contain(part + ": ").And.Contain(message));
            Assert.That(File.Exists(Path.Combine(_directory, "merged", "batch.csv")), Is.False);
        });
    }

    private static void MakeFifo(string path)
    {
        File.Delete(path);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is needed for this test");
    }

    /// <summary>Runs the CLI on a task: a read of a pipe with no writer would block for ever, so the test waits at most a minute.</summary>
    private static CliRunner.Outcome WithinAMinute(params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.That(run.Wait(TimeSpan.FromSeconds(60)), Is.True, "opening a pipe with no writer blocks");
        return run.Result;
    }

    /// <summary>
    /// Parts and their manifests are read like a scenario (InputFile): only a regular file, at most 64 MiB. A part
    /// replaced by a named pipe, or by a 65 MiB file (sparse: its size on disk is all the check reads), is refused
    /// by merge at once, naming the file and why, not waited on or read whole.
    /// </summary>
    [TestCase("part a named pipe", "is not a regular file (a device, pipe or socket)")]
    [TestCase("manifest a named pipe", "is not a regular file (a device, pipe or socket)")]
    [TestCase("part of 65 MiB", "the file is 65.0 MiB; the limit is 64 MiB")]
    [Platform("Linux")]
    public void Merge_refuses_a_part_that_is_not_a_regular_file_of_at_most_64_MiB(string damage, string message)
    {
        string shard = Path.Combine(_directory, "shard1");
        Assert.That(Batch(shard, _small, "--sweep", SweepArrivals, "--shard", "1/1").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string part = PartOfRun(shard, 1);
        string manifest = Path.ChangeExtension(part, null) + ".manifest.json";
        string named = damage.StartsWith("manifest", StringComparison.Ordinal) ? manifest : part;
        if (damage.EndsWith("pipe", StringComparison.Ordinal))
        {
            MakeFifo(named);
        }
        else
        {
            using var file = new FileStream(part, FileMode.Open, FileAccess.Write);
            file.SetLength(65L * 1024 * 1024);
        }

        var merge = WithinAMinute("merge", shard, "-o", Path.Combine(_directory, "merged"));

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), merge.Error);
            Assert.That(merge.Error, Does.Contain(part + ": " + (named == manifest ? $"its manifest {Path.GetFileName(manifest)} " : "") + message));
            Assert.That(File.Exists(Path.Combine(_directory, "merged", "batch.csv")), Is.False);
        });
    }
}
