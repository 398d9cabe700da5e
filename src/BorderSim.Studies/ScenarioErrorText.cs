using System.Text.RegularExpressions;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// A scenario error in Vietnamese (<c>--lang vi</c>): the place stays as it is (<c>file:line:col</c> and the field's
/// path, which the reader looks up in the file), the severity is said in Vietnamese, a message or hint its source says
/// in Vietnamese too (<see cref="ScenarioError.VietnameseMessage"/>, <see cref="ScenarioError.VietnameseHint"/>) is used as said, and the common kinds of message
/// (unknown name, number out of range, missing key, did-you-mean) are translated phrase by phrase. A message of a kind
/// not in the table keeps its English words, so nothing the reader needs is lost.
/// </summary>
public static partial class ScenarioErrorText
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["class"] = "loại hàng",
        ["direction"] = "chiều",
        ["stage"] = "khâu",
        ["calendar"] = "lịch",
        ["time zone"] = "múi giờ",
        ["route"] = "tuyến",
        ["origin"] = "điểm xuất phát",
        ["pool"] = "nhóm",
        ["action"] = "hành động",
        ["distribution"] = "phân phối",
        ["road"] = "đường",
        ["kind of stage"] = "loại khâu",
    };

    /// <summary>What a field expects, and what it found when that was no text (as the scenario reader says them).</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["a duration"] = "một khoảng thời gian",
        ["a distance"] = "một khoảng cách",
        ["a distribution"] = "một phân phối",
        ["a date"] = "một ngày",
        ["an IANA time zone"] = "một múi giờ IANA",
        ["a list"] = "một danh sách",
        ["a mapping of keys to values"] = "một bảng khóa: giá trị",
        ["a mapping"] = "một bảng khóa: giá trị",
        ["text"] = "văn bản",
        ["a name"] = "một tên",
        ["opening hours"] = "giờ mở cửa",
    };

    private static readonly (Regex English, MatchEvaluator Vietnamese)[] Phrases =
    [
        (ExpectedKind(), m => $"cần {Kinds[m.Groups[1].Value]}"),
        (FoundKind(), m => m.Groups[1].Value == "no value" ? "nhưng để trống" : $"nhận được {Kinds[m.Groups[1].Value]}"),
        (DatedOutside(), m => $"{Event(m.Groups[1].Value)} {Dates(m.Groups[2].Value)} {(m.Groups[3].Value == "starts after the run ends" ? "bắt đầu sau khi kỳ mô phỏng kết thúc" : "kết thúc trước khi kỳ mô phỏng bắt đầu")} (kỳ mô phỏng: {Dates(m.Groups[4].Value)}): không có tác dụng"),
        (DatedBefore(), m => $"{Event(m.Groups[1].Value)} từ {Dates(m.Groups[2].Value)} có ngày trước khi kỳ mô phỏng bắt đầu (kỳ mô phỏng: {Dates(m.Groups[3].Value)}): có hiệu lực ngay từ giờ đầu tiên"),
        (IssuedBefore(), m => $"{Event(m.Groups[1].Value)} ngày {Dates(m.Groups[2].Value)} được ban hành trước khi kỳ mô phỏng bắt đầu (kỳ mô phỏng: {Dates(m.Groups[3].Value)}): không có tác dụng"),
        (InsideWarmUp(), m => InsideWarmUpText(m)),
        (CheckTheDates(), _ => "kiểm tra các ngày, hoặc ngày bắt đầu và số ngày của kỳ mô phỏng"),
        (ShortenWarmUp(), _ => "rút ngắn warm_up, hoặc bắt đầu kỳ mô phỏng sớm hơn, để tính đến nó"),
        (KnownKeys(), _ => "(các khóa hợp lệ: "),
        (NotPathValue(), m => $"'{m.Groups[1].Value}' không có dạng đường_dẫn=giá_trị"),
        (WriteForExample(), _ => "hãy viết, ví dụ, "),
        (CheckThePath(), _ => "kiểm tra đường dẫn; các kịch bản kèm theo nằm trong scenarios/"),
        (UnknownKey(), m => $"không có khóa '{m.Groups[1].Value}' trong định dạng kịch bản"),
        (UnknownName(), m => $"không có {Names[m.Groups[1].Value]} '{m.Groups[2].Value}'"),
        (DidYouMean(), m => $"có phải là '{m.Groups[1].Value}'?"),
        (AtLeast(), m => $"phải ít nhất {m.Groups[1].Value}, nhận được {m.Groups[2].Value}"),
        (AtMost(), m => $"không được lớn hơn {m.Groups[1].Value}, nhận được {m.Groups[2].Value}"),
        (GreaterThan(), m => $"phải lớn hơn {m.Groups[1].Value}, nhận được {m.Groups[2].Value}"),
        (UnknownUnitOfTime(), m => $"không có đơn vị thời gian '{m.Groups[1].Value}' (trong '{m.Groups[2].Value}')"),
        (MissingKey(), m => $"thiếu khóa bắt buộc '{m.Groups[1].Value}'"),
        (ExpectedWhole(), _ => "cần một số nguyên"),
        (ExpectedNumber(), _ => "cần một số"),
        (Found(), m => $"nhận được '{m.Groups[1].Value}'"),
        (HasNoUnit(), m => $"'{m.Groups[1].Value}' không có đơn vị"),
        (NotValidName(), m => $"'{m.Groups[1].Value}' không phải là tên hợp lệ"),
        (MustBePositive(), m => $"{(m.Groups[1].Value == "mean" ? "trung bình" : "trung bình và độ lệch chuẩn")} của {m.Groups[2].Value} phải dương"),
        (StoppingAfter(), m => $"; dừng sau {m.Groups[1].Value} lỗi"),
        (NotTimeOfDay(), m => $"'{m.Groups[1].Value}' không phải là giờ trong ngày"),
        (Empty(), _ => "kịch bản trống"),
        (FileNotFound(), _ => "không tìm thấy tệp"),
    ];

    /// <summary><c>file:line:col: lỗi: field: thông báo (gợi ý)</c>; "cảnh báo" for a warning.</summary>
    public static string Vietnamese(ScenarioError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string field = error.Field.Length == 0 ? "" : error.Field + ": ";
        string hint = error.Hint is null ? "" : $" ({error.VietnameseHint ?? Translate(error.Hint)})";
        string severity = ReportLanguage.Vietnamese.Say(error.IsWarning ? Glossary.Warning : Glossary.Error);
        return $"{error.File}:{error.Line}:{error.Column}: {severity}: {field}{error.VietnameseMessage ?? Translate(error.Message)}{hint}";
    }

    /// <summary>The error as a verb prints it in <paramref name="language"/>: in Vietnamese, or in the one English user format.</summary>
    public static string Say(ScenarioError error, ReportLanguage? language)
    {
        ArgumentNullException.ThrowIfNull(error);
        return language is { IsVietnamese: true } ? Vietnamese(error) : error.ToString();
    }

    /// <summary>The message with every phrase of the table in Vietnamese.</summary>
    public static string Translate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach ((Regex english, MatchEvaluator vietnamese) in Phrases)
        {
            message = english.Replace(message, vietnamese);
        }

        return message;
    }

    /// <summary>A dated entry's kind in Vietnamese (<see cref="Glossary.Events"/>).</summary>
    private static string Event(string kind) => ReportLanguage.Vietnamese.Say(Glossary.Events[kind]);

    /// <summary>A dated event inside the warm-up (<see cref="WarmUpWarnings"/>) in Vietnamese.</summary>
    private static string InsideWarmUpText(Match m)
    {
        string what = Event(m.Groups[1].Value);
        string dates = m.Groups[2].Value switch
        {
            var d when d.StartsWith("from ", StringComparison.Ordinal) => "từ " + Dates(d["from ".Length..]),
            var d when d.StartsWith("of ", StringComparison.Ordinal) => "ngày " + Dates(d["of ".Length..]),
            var d => Dates(d),
        };
        string where = m.Groups[3].Value switch
        {
            "starts" => "bắt đầu trong",
            "ends" => "kết thúc trong",
            "lies" => "nằm trọn trong",
            _ => "được ban hành trong",
        };
        string hidden = m.Groups[5].Success ? $"; {m.Groups[5].Value.Replace('.', ',')} giờ sau khi {what} bắt đầu" : "";
        return $"{what} {dates} {where} {ReportLanguage.Vietnamese.Say(Glossary.WarmUp)} (đến {Dates(m.Groups[4].Value)}{hidden}): tác động của nó lên xe trước thời điểm đó không được tính vào kết quả";
    }

    /// <summary>ISO dates as the Vietnamese page writes them: 2026-06-08..2026-06-21 → 08/06/2026 – 21/06/2026.</summary>
    private static string Dates(string iso) => IsoDate().Replace(iso, m => $"{m.Groups[3].Value}/{m.Groups[2].Value}/{m.Groups[1].Value}").Replace("..", " – ", StringComparison.Ordinal);

    [GeneratedRegex(@"^the (closure|appointment period|surge|suspension|ban|advisory|change) (\S+) (starts after the run ends|ends before the run starts) \(the run is (\S+)\): it has no effect", RegexOptions.CultureInvariant)]
    private static partial Regex DatedOutside();

    [GeneratedRegex(@"^the (closure|appointment period|surge|suspension|ban|advisory|change) from (\S+) is dated before the run starts \(the run is (\S+)\): it is in force from the first hour", RegexOptions.CultureInvariant)]
    private static partial Regex DatedBefore();

    [GeneratedRegex(@"^the (advisory) of (\S+) is issued before the run starts \(the run is (\S+)\): it has no effect", RegexOptions.CultureInvariant)]
    private static partial Regex IssuedBefore();

    [GeneratedRegex(@"^the (closure|appointment period|surge|suspension|ban|advisory|change) ((?:from |of )?\S+) (starts|ends|lies|is issued) inside the warm-up, which ends at (\S+ \S+)(?: \((\S+) h after the [a-z ]+ starts\))?: what it does to trucks before then is not counted in the results", RegexOptions.CultureInvariant)]
    private static partial Regex InsideWarmUp();

    [GeneratedRegex(@"^shorten warm_up, or start the run earlier, to count it$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortenWarmUp();

    [GeneratedRegex(@"^check the dates, or the run's start and days$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckTheDates();

    [GeneratedRegex(@"\(known keys: ", RegexOptions.CultureInvariant)]
    private static partial Regex KnownKeys();

    [GeneratedRegex("'([^']*)' is not path=value", RegexOptions.CultureInvariant)]
    private static partial Regex NotPathValue();

    [GeneratedRegex(@"^write e\.g\. ", RegexOptions.CultureInvariant)]
    private static partial Regex WriteForExample();

    [GeneratedRegex(@"^check the path; shipped scenarios are in scenarios/$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckThePath();

    [GeneratedRegex(@"(\d{4})-(\d{2})-(\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex("unknown key '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownKey();

    [GeneratedRegex("unknown (class|direction|stage|calendar|time zone|route|origin|pool|action|distribution|road|kind of stage) '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownName();

    [GeneratedRegex(@"did you mean '([^']*)'\?", RegexOptions.CultureInvariant)]
    private static partial Regex DidYouMean();

    [GeneratedRegex(@"must be at least ([^,]+), found ([^ ,;)]+)", RegexOptions.CultureInvariant)]
    private static partial Regex AtLeast();

    [GeneratedRegex(@"must be at most ([^,]+), found ([^ ,;)]+)", RegexOptions.CultureInvariant)]
    private static partial Regex AtMost();

    [GeneratedRegex(@"must be greater than ([^,]+), found ([^ ,;)]+)", RegexOptions.CultureInvariant)]
    private static partial Regex GreaterThan();

    [GeneratedRegex("unknown unit of time '([^']*)' in '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownUnitOfTime();

    [GeneratedRegex("missing required key '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingKey();

    [GeneratedRegex("^expected (a duration|a distance|a distribution|a date|an IANA time zone|a list|a mapping of keys to values|text|a name|opening hours)(?=, found)", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedKind();

    [GeneratedRegex("found (no value|a mapping|a list)$", RegexOptions.CultureInvariant)]
    private static partial Regex FoundKind();

    [GeneratedRegex("expected a whole number", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedWhole();

    [GeneratedRegex("expected a number", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedNumber();

    [GeneratedRegex("found '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Found();

    [GeneratedRegex("^the (mean|mean and sd) of (\\w+) must be positive$", RegexOptions.CultureInvariant)]
    private static partial Regex MustBePositive();

    [GeneratedRegex("; stopping after ([0-9]+) errors$", RegexOptions.CultureInvariant)]
    private static partial Regex StoppingAfter();

    [GeneratedRegex("^'([^']*)' has no unit$", RegexOptions.CultureInvariant)]
    private static partial Regex HasNoUnit();

    [GeneratedRegex("^'([^']*)' is not a valid name$", RegexOptions.CultureInvariant)]
    private static partial Regex NotValidName();

    [GeneratedRegex("'([^']*)' is not a time of day", RegexOptions.CultureInvariant)]
    private static partial Regex NotTimeOfDay();

    [GeneratedRegex("^the scenario is empty", RegexOptions.CultureInvariant)]
    private static partial Regex Empty();

    [GeneratedRegex("file not found", RegexOptions.CultureInvariant)]
    private static partial Regex FileNotFound();
}
