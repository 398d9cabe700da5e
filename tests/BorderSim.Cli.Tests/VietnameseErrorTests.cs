using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

/// <summary>
/// A refused command line in <c>--lang vi</c>: the parse error, the option's value it refuses and the output folder it
/// cannot use are said in Vietnamese, with the exit code of English (2; 4 for the output folder); the option, its value and file:line:col stay as typed. The same
/// command in English says the English words, so the translation is not a fixed string.
/// </summary>
public partial class VietnameseErrorTests : SearchCommandTests
{
    /// <summary>English words of the refusals the CLI can print (a quoted value, an option such as --replications, a path, is no word).</summary>
    [GeneratedRegex(@"(?<![-\w./])(expected|expects|is|not|number|whole|must|unknown|required|option|see|cannot|create|write|results|check|path|shipped|known|keys|go|together|applies|only|with|matches|relative|e\.g\.|between|exclusive|at|least|most|file|directory|Unrecognized|command|argument|metric|valid|include|below|given|twice|needs|replications|scenario|itself|names|nothing|fit|folder|found)(?![-\w/])")]
    private static partial Regex EnglishWord();

    /// <summary>A refused command line; {MMc} is the M/M/c validation scenario, {FILE} a file where a folder is expected.</summary>
    public static IEnumerable<TestCaseData> Refusals() =>
    [
        new TestCaseData(new[] { "capacity", "{MMc}", "--target", "foo" }, "--target 'foo': cần dạng CHỈ_TIÊU<=GIÁ_TRỊ", "expected METRIC<=VALUE"),
        new TestCaseData(new[] { "capacity", "{MMc}", "--target", "wait_hours_mean/inbound/all<=x" }, "'x' không phải là số", "is not a number"),
        new TestCaseData(new[] { "capacity", "{MMc}", "--target", "wait_hours_mean/inbound/nope<=0.2" }, "kịch bản không có chỉ tiêu 'wait_hours_mean/inbound/nope'; có phải là 'wait_hours_mean/inbound/all'?", "the scenario has no metric"),
        new TestCaseData(new[] { "capacity", "{MMc}", "--target", "wait_hours_mean/inbound/all<=0.2", "--scale", "nope" }, "--scale nope: kịch bản không có giá trị nào ở 'nope'", "the scenario has no value at"),
        new TestCaseData(new[] { "batch", "{MMc}", "--sweep", "directions.inbound.arrivals.trucks_per_day=10,20", "--shard", "3/2" }, "--shard '3/2': cần dạng K/N", "expected K/N"),
        new TestCaseData(new[] { "batch", "{MMc}", "--sweep", "nope" }, "--sweep 'nope': cần dạng đường_dẫn=từ:đến:bước", "expected path=from:to:step"),
        new TestCaseData(new[] { "batch", "nomatch*.yaml", "--sweep", "directions.inbound.arrivals.trucks_per_day=10,20" }, "nomatch*.yaml: không có tệp nào khớp mẫu này", "no file matches"),
        new TestCaseData(new[] { "optimize", "{MMc}", "--vary", "x", "--target", "wait_hours_mean/inbound/all<=0.2" }, "--vary 'x': cần dạng", "expected LEVER=a,b,c"),
        new TestCaseData(new[] { "optimize", "{MMc}" }, "bordersim: thiếu tùy chọn bắt buộc '--vary'.", "is required"),
        new TestCaseData(new[] { "run", "{MMc}", "--set", "nope" }, "--set:1:1: lỗi: 'nope' không có dạng đường_dẫn=giá_trị", "is not path=value"),
        new TestCaseData(new[] { "run", "{MMc}", "--precision", "x" }, "bordersim: --precision cần một số lớn hơn 0 và nhỏ hơn 1", "expects a number between 0 and 1"),
        new TestCaseData(new[] { "run", "{MMc}", "--replications", "0" }, "bordersim: --replications cần một số nguyên không nhỏ hơn 1, nhận được '0'", "expects a whole number of at least 1"),
        new TestCaseData(new[] { "run", "{MMc}", "--metric", "wait_hours_mean/all/general" }, "--precision và --metric phải dùng cùng nhau", "go together"),
        new TestCaseData(new[] { "run", "{MMc}", "--bogus" }, "bordersim: không nhận ra lệnh hoặc tham số '--bogus'.", "Unrecognized command or argument"),
        new TestCaseData(new[] { "batch", "{MMc}", "--bogus" }, "bordersim: không có tùy chọn '--bogus' (tệp có tên bắt đầu bằng '-'", "unknown option"),
        new TestCaseData(new[] { "run", "{MMc}", "-o", "{FILE}" }, "đây là một tệp, không phải thư mục", "it is a file, not a directory"),
        new TestCaseData(new[] { "calibrate", "{MMc}", "--fit", "bogus" }, "--fit bogus: cần dạng ĐƯỜNG_DẪN=THẤP..CAO với hai số", "expected PATH=LOW..HIGH"),
        new TestCaseData(new[] { "calibrate", "{MMc}", "--fit", "directions.inbound.arrivals.trucks_per_day=9..3" }, "THẤP (9) phải nhỏ hơn CAO (3)", "must be below HIGH"),
        new TestCaseData(new[] { "calibrate", "{MMc}", "--fit", "directions.inbound.arrivals.trucks_per_day=300..600", "-r", "1" }, "--replications 1: calibrate cần ít nhất 2 lần lặp", "needs at least 2 replications"),
        new TestCaseData(new[] { "calibrate", "{MMc}", "--fit", "directions.inbound.arrivals.trucks_per_day=300..600", "--calibrated", "{FILE}" }, "phải nằm trong thư mục của kịch bản", "must be in the scenario's folder"),
        new TestCaseData(new[] { "calibrate", "{MMc}", "--fit", "directions.inbound.arrivals.trucks_per_day=300..600", "--calibrated", "{MMc}" }, "chính là tệp kịch bản", "is the scenario itself"),
        new TestCaseData(new[] { "calibrate", "{MMc}", "--fit", "directions.inbound.arrivals.trucks_per_day=300..600" }, "kịch bản không nêu số liệu quan sát nào", "the scenario names no observations"),
    ];

    [TestCaseSource(nameof(Refusals))]
    public void A_refused_command_line_is_said_in_Vietnamese_with_the_value_as_typed_and_the_English_exit_code(string[] args, string vietnamese, string english)
    {
        string file = CliRunner.WriteScenario(Folder, "not-a-folder.txt", "x");
        string[] line = [.. args.Select(a => a.Replace("{MMc}", MMc, StringComparison.Ordinal).Replace("{FILE}", file, StringComparison.Ordinal))];
        CliRunner.Outcome vi = CliRunner.Run([.. line, "--lang", "vi"]);
        CliRunner.Outcome en = CliRunner.Run([.. line, "--lang", "en"]);
        string unquoted = Regex.Replace(vi.Error, "'[^']*'", "");
        Assert.Multiple(() =>
        {
            Assert.That(vi.ExitCode, Is.EqualTo(en.ExitCode).And.Not.EqualTo(ExitCodes.Ok), vi.Error);
            Assert.That(vi.Error, Does.Contain(vietnamese));
            Assert.That(EnglishWord().Matches(unquoted).Select(m => m.Value), Is.Empty, vi.Error);
            Assert.That(en.ExitCode, Is.EqualTo(line.Contains("-o") ? ExitCodes.OutputNotWritten : ExitCodes.InvalidInput), en.Error);
            Assert.That(en.Error, Does.Contain(english), "the same refusal in English");
        });
    }
}
