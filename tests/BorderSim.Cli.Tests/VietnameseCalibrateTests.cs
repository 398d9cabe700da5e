using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// calibrate in <c>--lang vi</c>: the opening progress line, the fitted values' table, the discrepancy (decimal comma)
/// and the observations at the fit are said in Vietnamese, with the exit code and files of English; the same command
/// in English prints its English words. A short fit (3 days, 2 replications, 3 evaluations) of the shipped network,
/// copied with its observations to a temporary folder so the calibrated file is written there.
/// </summary>
public partial class VietnameseCalibrateTests : SearchCommandTests
{
    /// <summary>English words calibrate printed before it took --lang (a path, an id such as cleared_chi_ma, is no word).</summary>
    [GeneratedRegex(@"(?<![-\w./])(values|of|fitted|to|observations|replications|candidate|common|random|numbers|candidates|rounds|runs|now|resumed|search|stopped|before|converged|value|interval|searched|least|discrepancy|sum|squared|gaps|expected|intervals|within|At|the|wrote|and)(?![-\w/])")]
    private static partial Regex EnglishWord();

    [Test]
    public void A_fit_is_said_in_Vietnamese_and_in_English_as_before()
    {
        foreach (string name in new[] { "lang-son-network.yaml", "lang-son-network-observations.csv" })
        {
            File.Copy(Path.Combine(RepositoryRoot, "scenarios", name), Path.Combine(Folder, name));
        }

        string scenario = Path.Combine(Folder, "lang-son-network.yaml");
        string[] line = ["calibrate", scenario, "--fit", "directions.tt_export.stages.tt_cn_inspection.cap_per_day=30..154", "--days", "3", "-r", "2", "--max-evaluations", "3"];
        CliRunner.Outcome vi = CliRunner.Run([.. line, "-o", Path.Combine(Folder, "vi"), "--lang", "vi"]);
        CliRunner.Outcome en = CliRunner.Run([.. line, "-o", Path.Combine(Folder, "en")]);
        string said = Regex.Replace(vi.Out + vi.Error, @"\S*[/.=_]\S*|--[\w-]+|'[^']*'", "");
        Assert.Multiple(() =>
        {
            Assert.That(vi.ExitCode, Is.EqualTo(ExitCodes.Ok), vi.Error);
            Assert.That(en.ExitCode, Is.EqualTo(ExitCodes.Ok), en.Error);
            Assert.That(vi.Error, Does.StartWith("calibrate: 1 giá trị của Mạng lưới Lạng Sơn"));
            Assert.That(vi.Out, Does.Contain("giá trị khớp").And.Contain("Tại các giá trị khớp:"));
            Assert.That(vi.Out, Does.Match(@"độ lệch nhỏ nhất \d+,\d"), "a decimal comma");
            Assert.That(EnglishWord().Matches(said).Select(m => m.Value).Distinct(), Is.Empty, vi.Out + vi.Error);
            Assert.That(en.Error, Does.StartWith("calibrate: 1 values of Lạng Sơn network, 4 gates, 22 Aug 2024 fitted to 10 observations; 2 replications a candidate"));
            Assert.That(en.Out, Does.Contain("least discrepancy").And.Contain("At the fitted values:").And.Contain("95% interval"));
            Assert.That(File.ReadAllText(Path.Combine(Folder, "vi", "calibration.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(Folder, "en", "calibration.csv"))), "the files are the same in both");
        });
    }
}
