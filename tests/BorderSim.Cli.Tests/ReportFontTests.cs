using System.Diagnostics;

namespace BorderSim.Cli.Tests;

/// <summary>
/// Vietnamese in the monospace blocks of report.html (the scenario's header comments, the provenance): the fonts
/// Chromium actually draws them with must have every letter precomposed. DejaVu Sans Mono, first in the old stack,
/// has no ố, ế, ầ: the browser built them from o and combining marks and drew "cô´định" for "cố định".
/// </summary>
public partial class ReportBrowserTests
{
    [Test]
    public void The_monospace_blocks_of_a_Vietnamese_report_are_drawn_in_fonts_that_have_every_letter()
    {
        string folder = Path.Combine(_directory, "vi");
        string scenario = Path.Combine(RepositoryRoot(), "scenarios", "huu-nghi-6-lanes.yaml");
        CliRunner.Outcome run = CliRunner.Run("run", scenario, "-o", folder, "--days", "3", "--replications", "2", "--no-plots", "--lang", "vi");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);

        using var browser = HeadlessChromium.Start(Chromium());
        IReadOnlyList<(string Text, IReadOnlyList<string> Families)> blocks = browser.FontsOf(Path.Combine(folder, "report.html"), "pre, dd");
        // Letters past Latin Extended-B: Vietnamese's stacked diacritics (ố U+1ED1, ữ U+1EEF, ệ U+1EC7).
        List<(string Text, IReadOnlyList<string> Families)> vietnamese = [.. blocks.Where(b => b.Text.Any(c => char.IsLetter(c) && c > '\u024F'))];
        Assert.That(vietnamese, Is.Not.Empty, "the assumptions block quotes the scenario's Vietnamese comments");
        Assert.Multiple(() =>
        {
            // The check can fail: the font of the old stack lacks the letters this page needs.
            Assert.That(Covers("DejaVu Sans Mono")('ố'), Is.False, "DejaVu Sans Mono has no precomposed ố");
            foreach ((string text, IReadOnlyList<string> families) in vietnamese)
            {
                Assert.That(families, Is.Not.Empty.And.No.EqualTo("DejaVu Sans Mono"), text[..Math.Min(60, text.Length)]);
                foreach (string family in families)
                {
                    Func<char, bool> covers = Covers(family);
                    char[] missing = [.. text.Where(char.IsLetter).Distinct().Where(c => !covers(c))];
                    Assert.That(missing, Is.Empty, $"{family} draws letters it does not have in: {text[..Math.Min(60, text.Length)]}");
                }
            }
        });
    }

    /// <summary>Whether the installed font of <paramref name="family"/> has a glyph for a letter (fontconfig's charset of its file).</summary>
    private static Func<char, bool> Covers(string family)
    {
        string file = Fontconfig("fc-match", "-f", "%{file}", family);
        (int From, int To)[] ranges =
        [
            .. Fontconfig("fc-query", "--format", "%{charset}", file).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => r.Split('-'))
                .Select(r => (Convert.ToInt32(r[0], 16), Convert.ToInt32(r[^1], 16))),
        ];
        Assert.That(ranges, Is.Not.Empty, $"fontconfig knows no characters of {file} ({family})");
        return c => ranges.Any(r => r.From <= c && c <= r.To);
    }

    private static string Fontconfig(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using Process process = Process.Start(start) ?? throw new AssertionException($"{tool} did not start: install fontconfig (.ci/install-browser.sh)");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{tool} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output.Trim();
    }
}
