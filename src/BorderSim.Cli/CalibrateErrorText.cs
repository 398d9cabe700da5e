using System.Text.RegularExpressions;

namespace BorderSim.Cli;

/// <summary>
/// Why calibrate refuses its command line (<c>--fit</c>, <c>--calibrated</c>, its replications, a scenario without
/// observations), in Vietnamese: lines of <see cref="OptionErrorText"/>'s table, kept apart because they are
/// calibrate's alone. The option, its value and any example stay as typed; the words around them are translated.
/// </summary>
internal static partial class CalibrateErrorText
{
    public static readonly (Regex English, MatchEvaluator Vietnamese)[] Lines =
    [
        (FitForm(), m => $"--fit {m.Groups[1].Value}: cần dạng ĐƯỜNG_DẪN=THẤP..CAO với hai số, ví dụ --fit {m.Groups[2].Value}"),
        (FitOrder(), m => $"--fit {m.Groups[1].Value}: THẤP ({m.Groups[2].Value}) phải nhỏ hơn CAO ({m.Groups[3].Value})"),
        (FitNumbers(), m => $"--fit {m.Groups[1].Value}: giá trị '{m.Groups[2].Value}' của nó chứa {m.Groups[3].Value} số; calibrate chỉ khớp một giá trị có đúng một số (một số đếm, hoặc một phân phối một tham số như exp(24h))"),
        (FitTwice(), m => $"--fit {m.Groups[1].Value}: được cho hai lần"),
        (CalibratedFolder(), m => $"--calibrated {m.Groups[1].Value}: phải nằm trong thư mục của kịch bản {m.Groups[2].Value}, nơi có các tệp mà nó nêu tên (số liệu quan sát)"),
        (CalibratedIsScenario(), m => $"--calibrated {m.Groups[1].Value}: chính là tệp kịch bản; kịch bản đã hiệu chỉnh được ghi thành một tệp mới"),
        (NoObservations(), m => $"{m.Groups[1].Value}: kịch bản không nêu số liệu quan sát nào (observations: [FILE.csv]), nên không có gì để khớp"),
        (TooFewReplications(), m => $"--replications {m.Groups[1].Value}: calibrate cần ít nhất 2 lần lặp cho mỗi phương án thử (độ lệch được chia theo độ phân tán của mô hình giữa các lần lặp)"),
        (SetInPlace(), m => $"--set {m.Groups[1].Value} (calibrate ghi kịch bản đã hiệu chỉnh bằng cách sửa giá trị ngay trong tệp)"),
    ];

    [GeneratedRegex(@"^--fit (.*): expected PATH=LOW\.\.HIGH with two numbers, e\.g\. --fit (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FitForm();

    [GeneratedRegex(@"^--fit (.*): LOW \((.*)\) must be below HIGH \((.*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FitOrder();

    [GeneratedRegex(@"^--fit (.*): its value '(.*)' holds (\d+) numbers; calibrate fits a value with exactly one \(a count, or a distribution of one parameter such as exp\(24h\)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FitNumbers();

    [GeneratedRegex(@"^--fit (.*): given twice$", RegexOptions.CultureInvariant)]
    private static partial Regex FitTwice();

    [GeneratedRegex(@"^--calibrated (.*): must be in the scenario's folder (.*), where the files it names \(observations\) are found$", RegexOptions.CultureInvariant)]
    private static partial Regex CalibratedFolder();

    [GeneratedRegex(@"^--calibrated (.*): is the scenario itself; the calibrated scenario is written as a new file$", RegexOptions.CultureInvariant)]
    private static partial Regex CalibratedIsScenario();

    [GeneratedRegex(@"^(.*): the scenario names no observations \(observations: \[FILE\.csv\]\), so there is nothing to fit to$", RegexOptions.CultureInvariant)]
    private static partial Regex NoObservations();

    [GeneratedRegex(@"^--replications (\d+): calibrate needs at least 2 replications a candidate \(the discrepancy is scaled by the model's spread across them\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TooFewReplications();

    [GeneratedRegex(@"^--set (.*) \(calibrate writes the calibrated scenario by editing values in place\)$", RegexOptions.CultureInvariant)]
    private static partial Regex SetInPlace();
}
