using System.Text.RegularExpressions;

namespace BorderSim.Cli;

/// <summary>
/// Why merge refuses its shards (<c>ShardMerge.Check</c>: a run list missing, different or cut short, runs without a
/// part, damaged parts), in Vietnamese: lines of <see cref="OptionErrorText"/>'s table, kept apart because they are
/// merge's alone. Paths, run numbers and counts stay as printed; the words around them are translated.
/// </summary>
internal static partial class MergeErrorText
{
    public static readonly (Regex English, MatchEvaluator Vietnamese)[] Lines =
    [
        (NoRunList(), m => $"{m.Groups[1].Value}: không có {m.Groups[2].Value}; đây có phải là thư mục -o của một lần chạy 'bordersim batch'?"),
        (OtherBatch(), m => $"{m.Groups[1].Value}: khác với {m.Groups[2].Value}: các phần đến từ những lô chạy khác nhau (cần cùng các tệp, --sweep, --set, --seed, --replications, --days và phiên bản)"),
        (NoPart(), m => $"lần chạy {m.Groups[1].Value} ({m.Groups[2].Value}) không có tệp phần {m.Groups[3].Value} trong thư mục nào: {m.Groups[4].Value}"),
        (RunsMissing(), m => $"thiếu {m.Groups[1].Value} trên {m.Groups[2].Value} lần chạy; hãy chạy lại các phần chứa chúng (lần chạy lại bỏ qua những lần đã xong), rồi gộp lại"),
        (PartsDamaged(), m => $"{m.Groups[1].Value} trên {m.Groups[2].Value} tệp phần bị hỏng; hãy chạy lại các phần chứa chúng (lần chạy lại chạy lại tệp hỏng), rồi gộp lại"),
        (NoManifest(), m => $"{m.Groups[1].Value}: không có tệp kê khai {m.Groups[2].Value} (số dòng và mã kiểm tra của nó), nên không thể tin được"),
        (ManifestDamaged(), m => $"{m.Groups[1].Value}: tệp kê khai {m.Groups[2].Value} bị hỏng"),
        (NotAPart(), m => $"{m.Groups[1].Value}: không còn là tệp phần (dạng summary.csv): {m.Groups[2].Value}"),
        (RowsDiffer(), m => $"{m.Groups[1].Value}: có {m.Groups[2].Value} dòng trong khi tệp kê khai ghi {m.Groups[3].Value} (bị cắt ngắn hoặc hỏng)"),
        (ChecksumDiffers(), m => $"{m.Groups[1].Value}: khác với mã kiểm tra trong tệp kê khai (bị hỏng)"),
        (RunListEmpty(), m => $"{m.Groups[1].Value}: bị cắt ngắn: không có lần chạy nào sau dòng tiêu đề cột (một lô có ít nhất một); hãy chạy lại phần này"),
        (RunOutOfOrder(), m => $"{m.Groups[1].Value}: lần chạy {m.Groups[2].Value} ở chỗ cần lần chạy {m.Groups[3].Value}: danh sách bị hỏng; hãy chạy lại phần này"),
        (RunsPlanned(), m => $"{m.Groups[1].Value}: có {m.Groups[2].Value} lần chạy trong khi các tệp và giá trị quét của nó tạo ra {m.Groups[3].Value}: bị cắt ngắn hoặc hỏng; hãy chạy lại phần này"),
        (RunsListed(), m => $"{m.Groups[1].Value}: có {m.Groups[2].Value} lần chạy trong khi {m.Groups[3].Value} liệt kê {m.Groups[4].Value}: bị cắt ngắn hoặc hỏng; hãy chạy lại phần này"),
        (PartDamaged(), m => $"một tệp phần bị hỏng: {m.Groups[1].Value}"),
    ];

    [GeneratedRegex(@"^(.*): no (\S+); is it the -o directory of a 'bordersim batch' run\?$", RegexOptions.CultureInvariant)]
    private static partial Regex NoRunList();

    [GeneratedRegex(@"^(.*:\d+): differs from (.*): the shards come from different batches \(same files, --sweep, --set, --seed, --replications, --days and version are needed\)$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherBatch();

    [GeneratedRegex(@"^run (\S+) \((.*)\) has no part (\S+) in any of: (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoPart();

    [GeneratedRegex(@"^(\d+) of (\d+) runs missing; rerun their shards \(a rerun skips finished runs\), then merge again$", RegexOptions.CultureInvariant)]
    private static partial Regex RunsMissing();

    [GeneratedRegex(@"^(\d+) of (\d+) parts damaged; rerun their shards \(a rerun runs a damaged part again\), then merge again$", RegexOptions.CultureInvariant)]
    private static partial Regex PartsDamaged();

    [GeneratedRegex(@"^(.*): has no manifest (\S+) \(its row count and checksum\), so it cannot be trusted$", RegexOptions.CultureInvariant)]
    private static partial Regex NoManifest();

    [GeneratedRegex(@"^(.*): its manifest (\S+) is damaged$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestDamaged();

    [GeneratedRegex(@"^(.*): is not a part file \(summary\.csv format\) any more: (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAPart();

    [GeneratedRegex(@"^(.*): has (\d+) rows where its manifest says (\d+) \(cut short or damaged\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RowsDiffer();

    [GeneratedRegex(@"^(.*): differs from its checksum in the manifest \(damaged\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChecksumDiffers();

    [GeneratedRegex(@"^(.*): cut short: no runs after the column header \(a batch lists at least one\); rerun the shard$", RegexOptions.CultureInvariant)]
    private static partial Regex RunListEmpty();

    [GeneratedRegex(@"^(.*:\d+): run (\S+) where run (\S+) was expected: the list is damaged; rerun the shard$", RegexOptions.CultureInvariant)]
    private static partial Regex RunOutOfOrder();

    [GeneratedRegex(@"^(.*): has (\d+) runs where its files and swept values make (\d+): cut short or damaged; rerun the shard$", RegexOptions.CultureInvariant)]
    private static partial Regex RunsPlanned();

    [GeneratedRegex(@"^(.*): has (\d+) runs where (.*) lists (\d+): cut short or damaged; rerun the shard$", RegexOptions.CultureInvariant)]
    private static partial Regex RunsListed();

    [GeneratedRegex(@"^a part file is damaged: (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartDamaged();
}
