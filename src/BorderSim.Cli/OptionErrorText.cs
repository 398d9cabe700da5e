using System.Text.RegularExpressions;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// An option's error in Vietnamese (<c>--lang vi</c>): the command line's parse errors, the values of --target,
/// --sweep, --vary, --shard, --precision and the numeric options, patterns that match no file, the output folder, and
/// merge's and calibrate's refusals (<see cref="MergeErrorText"/>, <see cref="CalibrateErrorText"/>).
/// The option, its value and any example stay as typed (the reader copies them back); the words around them are
/// translated line by line, as <see cref="ScenarioErrorText"/> does for a scenario's errors. A line of a kind not in
/// the table keeps its English words, so nothing the reader needs is lost.
/// </summary>
internal static partial class OptionErrorText
{
    private static readonly (Regex English, MatchEvaluator Vietnamese)[] Lines =
    [
        (UnknownOption(), m => $"không có tùy chọn '{m.Groups[1].Value}' (tệp có tên bắt đầu bằng '-' được viết là ./{m.Groups[2].Value})"),
        (Unrecognized(), m => $"không nhận ra lệnh hoặc tham số '{m.Groups[1].Value}'."),
        (Required(), m => $"thiếu tùy chọn bắt buộc '{m.Groups[1].Value}'."),
        (SeeHelp(), m => $"xem 'bordersim {m.Groups[1].Value}--help'"),
        (WholeBetween(), m => $"{m.Groups[1].Value} cần một số nguyên từ {m.Groups[2].Value} đến {m.Groups[3].Value}, nhận được '{m.Groups[4].Value}'"),
        (WholeAtLeast(), m => $"{m.Groups[1].Value} cần một số nguyên không nhỏ hơn {m.Groups[2].Value}, nhận được '{m.Groups[3].Value}'"),
        (NumberAtLeast(), m => $"{m.Groups[1].Value} cần một số không nhỏ hơn {m.Groups[2].Value}, ví dụ {m.Groups[3].Value}, nhận được '{m.Groups[4].Value}'"),
        (NumberBetween(), m => $"{m.Groups[1].Value} cần một số lớn hơn {m.Groups[2].Value} và nhỏ hơn {m.Groups[3].Value}, ví dụ {m.Groups[4].Value.Replace(" for ", " cho ", StringComparison.Ordinal)}, nhận được '{m.Groups[5].Value}'"),
        (Seed(), m => $"--seed cần một số nguyên từ 0 đến {m.Groups[1].Value}, nhận được '{m.Groups[2].Value}'"),
        (TargetForm(), m => $"--target '{m.Groups[1].Value}': cần dạng CHỈ_TIÊU<=GIÁ_TRỊ hoặc CHỈ_TIÊU>=GIÁ_TRỊ, ví dụ {m.Groups[2].Value}"),
        (TargetNumber(), m => $"--target '{m.Groups[1].Value}': '{m.Groups[2].Value}' không phải là số; hãy viết, ví dụ, {m.Groups[3].Value}"),
        (NoMetric(), m => $"{m.Groups[1].Value} '{m.Groups[2].Value}': kịch bản không có chỉ tiêu '{m.Groups[3].Value}'; {Hint(m.Groups[4].Value)} (mã như ở cột 'metric' của summary.csv: tên/chiều/loại hàng/khâu)"),
        (NoValueAt(), m => $"{m.Groups[1].Value}: kịch bản không có giá trị nào ở '{m.Groups[2].Value}'"),
        (NotSingleNumber(), m => $"{m.Groups[1].Value}: '{m.Groups[2].Value}' là một ánh xạ hoặc danh sách, không phải một số"),
        (Shard(), m => $"--shard '{m.Groups[1].Value}': cần dạng K/N với 1 ≤ K ≤ N, ví dụ 2/3"),
        (SweepForm(), m => $"--sweep '{m.Groups[1].Value}': cần dạng đường_dẫn=từ:đến:bước hoặc đường_dẫn=a,b,c"),
        (SweepNumbers(), m => $"--sweep '{m.Groups[1].Value}': từ, đến và bước phải là số{(m.Groups[2].Value.Length > 0 ? " hữu hạn" : "")}"),
        (SweepStep(), m => $"--sweep '{m.Groups[1].Value}': bước phải dương và đến không nhỏ hơn từ"),
        (VaryForm(), m => $"--vary '{m.Groups[1].Value}': cần dạng THAM_SỐ=a,b,c, NHÃN=ĐƯỜNG_DẪN=a,b,c hoặc ĐƯỜNG_DẪN=a,b,c (hoặc =từ:đến:bước)"),
        (PrecisionWithMetric(), m => $"--precision và --metric phải dùng cùng nhau: ví dụ {m.Groups[1].Value}"),
        (MaxReplications(), _ => "--max-replications chỉ dùng cùng --precision"),
        (NoFileMatches(), m => $"{m.Groups[1].Value}: không có tệp nào khớp mẫu này (tính từ {m.Groups[2].Value})"),
        (OutputDirectory(), m => $"không tạo được thư mục kết quả '{m.Groups[1].Value}': {m.Groups[2].Value}"),
        (OutputIsFile(), m => $"không ghi được kết quả vào '{m.Groups[1].Value}': đây là một tệp, không phải thư mục (hãy cho -o một thư mục)"),
        (UnknownMetric(), m => $"--metric: '{m.Groups[1].Value}' không phải là chỉ tiêu của {m.Groups[2].Value}; các mã hợp lệ gồm: {m.Groups[3].Value}"),
        (AllMetrics(), m => $"(cả {m.Groups[1].Value} mã có trong cột 'metric' của summary.csv; lệnh bordersim run {m.Groups[2].Value} --replications 1 ghi ra một tệp như vậy)"),
        .. MergeErrorText.Lines,
        .. CalibrateErrorText.Lines,
    ];

    /// <summary>The line in <paramref name="lang"/>: as it is in English; in Vietnamese, translated when its kind is in the table.</summary>
    public static string Say(string line, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(lang);
        if (!lang.IsVietnamese)
        {
            return line;
        }

        const string Prefix = "bordersim: ";
        string prefix = line.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix : "";
        string text = line[prefix.Length..];
        foreach ((Regex english, MatchEvaluator vietnamese) in Lines)
        {
            if (english.IsMatch(text))
            {
                return prefix + english.Replace(text, vietnamese);
            }
        }

        return line;
    }

    [GeneratedRegex(@"^unknown option '([^']*)' \(a file whose name starts with '-' is written \./(.*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Option '([^']*)' is required\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"^see 'bordersim (.*)--help'$", RegexOptions.CultureInvariant)]
    private static partial Regex SeeHelp();

    [GeneratedRegex(@"^(--[\w-]+) expects a whole number of at least (\S+) and at most (\S+), not '(.*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeBetween();

    [GeneratedRegex(@"^(--[\w-]+) expects a whole number of at least (\S+), not '(.*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeAtLeast();

    [GeneratedRegex(@"^(--[\w-]+) expects a number of at least (\S+), e\.g\. (\S+), not '(.*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberAtLeast();

    [GeneratedRegex(@"^(--[\w-]+) expects a number between (\S+) and (\S+) \(exclusive\), e\.g\. (.*), not '(.*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberBetween();

    [GeneratedRegex(@"^--seed expects a whole number from 0 to (\d+), not '(.*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex Seed();

    [GeneratedRegex(@"^--target '(.*)': expected METRIC<=VALUE or METRIC>=VALUE, e\.g\. (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetForm();

    [GeneratedRegex(@"^--target '(.*)': '(.*)' is not a number; write e\.g\. (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetNumber();

    /// <summary>The hint of an unknown metric: "did you mean 'x'?" or "ids of NAME: a, b".</summary>
    private static string Hint(string english) => HintMeant().Replace(HintIds().Replace(english, "mã của $1: $2"), "có phải là '$1'?");

    [GeneratedRegex(@"^(--[\w-]+) '(.*)': the scenario has no metric '([^']*)'; (.*) \(ids as in summary\.csv's metric column: name/direction/class/stage\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoMetric();

    [GeneratedRegex(@"^did you mean '(.*)'\?$", RegexOptions.CultureInvariant)]
    private static partial Regex HintMeant();

    [GeneratedRegex(@"^ids of ([^:]+): (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HintIds();

    [GeneratedRegex(@"^(--[\w-]+ .*): the scenario has no value at '(.*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex NoValueAt();

    [GeneratedRegex(@"^(--[\w-]+ .*): '(.*)' is a mapping or list, not a single number$", RegexOptions.CultureInvariant)]
    private static partial Regex NotSingleNumber();

    [GeneratedRegex(@"^--shard '(.*)': expected K/N with 1 ≤ K ≤ N, e\.g\. 2/3$", RegexOptions.CultureInvariant)]
    private static partial Regex Shard();

    [GeneratedRegex(@"^--sweep '(.*)': expected path=from:to:step or path=a,b,c$", RegexOptions.CultureInvariant)]
    private static partial Regex SweepForm();

    [GeneratedRegex(@"^--sweep '(.*)': from, to and step must be (finite )?numbers$", RegexOptions.CultureInvariant)]
    private static partial Regex SweepNumbers();

    [GeneratedRegex(@"^--sweep '(.*)': step must be positive and to at least from$", RegexOptions.CultureInvariant)]
    private static partial Regex SweepStep();

    [GeneratedRegex(@"^--vary '(.*)': expected LEVER=a,b,c, LABEL=PATH=a,b,c or PATH=a,b,c \(or =from:to:step\)$", RegexOptions.CultureInvariant)]
    private static partial Regex VaryForm();

    [GeneratedRegex(@"^--precision and --metric go together: e\.g\. (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PrecisionWithMetric();

    [GeneratedRegex(@"^--max-replications applies only with --precision$", RegexOptions.CultureInvariant)]
    private static partial Regex MaxReplications();

    [GeneratedRegex(@"^(.*): no file matches this pattern \(relative to (.*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoFileMatches();

    [GeneratedRegex(@"^cannot create the output directory '(.*)': (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OutputDirectory();

    [GeneratedRegex(@"^cannot write results to '(.*)': it is a file, not a directory \(give -o a directory\)$", RegexOptions.CultureInvariant)]
    private static partial Regex OutputIsFile();

    [GeneratedRegex(@"^--metric: '(.*)' is not a metric of (.*); valid ids include: (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMetric();

    [GeneratedRegex(@"^\(all (\d+) ids are in the metric column of summary\.csv; bordersim run (.*) --replications 1 writes one\)$", RegexOptions.CultureInvariant)]
    private static partial Regex AllMetrics();
}
