using System.Globalization;

namespace BorderSim.Model.Experiments;

/// <summary>
/// A swept parameter, <c>path=from:to:step</c> (inclusive of <c>to</c> when it falls on a step), or an
/// explicit list <c>path=a,b,c</c>.
/// </summary>
public sealed record Sweep(string Path, IReadOnlyList<string> Values)
{
    /// <summary>Most values of one sweep, and most combinations of all the sweeps of a command together.</summary>
    public const int MaxValues = 10_000;

    public static bool TryParse(string text, out Sweep? sweep, out string error)
    {
        sweep = null;
        error = "";
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || equals <= 0)
        {
            error = $"--sweep '{text}': expected path=from:to:step or path=a,b,c";
            return false;
        }

        var path = text[..equals].Trim();
        var spec = text[(equals + 1)..].Trim();
        var parts = spec.Split(':');

        // A list whose values hold colons (opening hours: 07:00-19:00,07:00-22:00) is not a range.
        if (parts.Length == 3 && !(spec.Contains(',', StringComparison.Ordinal) && !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var from) ||
                !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var to) ||
                !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var step))
            {
                error = $"--sweep '{text}': from, to and step must be numbers";
                return false;
            }

            if (!double.IsFinite(from) || !double.IsFinite(to) || !double.IsFinite(step))
            {
                error = $"--sweep '{text}': from, to and step must be finite numbers";
                return false;
            }

            if (!(step > 0) || to < from)
            {
                error = $"--sweep '{text}': step must be positive and to at least from";
                return false;
            }

            // Counted in floating point first: a tiny step (1e-300) gives more values than an int holds.
            double exactCount = Math.Floor(((to - from) / step) + 1e-9) + 1;
            if (!(exactCount <= MaxValues))
            {
                string shown = double.IsFinite(exactCount) && exactCount < 1e15 ? exactCount.ToString("#,0", CultureInfo.InvariantCulture) : exactCount.ToString("0.#e0", CultureInfo.InvariantCulture);
                error = string.Create(CultureInfo.InvariantCulture, $"--sweep '{text}': {shown} values; at most {MaxValues:#,0} (a larger step or a shorter range)");
                return false;
            }

            var count = (int)exactCount;

            // Values computed as from + i·step and printed shortest round-trip, so 0.1 steps stay readable.
            var values = Enumerable.Range(0, count).Select(i => Math.Round(from + (i * step), 10).ToString("R", CultureInfo.InvariantCulture)).ToList();
            sweep = new Sweep(path, values);
            return true;
        }

        if ((parts.Length == 1 || spec.Contains(',', StringComparison.Ordinal)) && spec.Length > 0)
        {
            string[] listed = spec.Split(',');
            if (listed.Length > MaxValues)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"--sweep '{text}': {listed.Length:#,0} values; at most {MaxValues:#,0}");
                return false;
            }

            sweep = new Sweep(path, [.. listed.Select(v => v.Trim())]);
            return true;
        }

        error = $"--sweep '{text}': expected path=from:to:step or path=a,b,c";
        return false;
    }

    /// <summary>How many combinations the sweeps make (1 for none), counted without making them; at most 10,000^k, exact in a double.</summary>
    public static double CombinationCount(IReadOnlyList<Sweep> sweeps)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        return sweeps.Aggregate(1.0, (n, s) => n * s.Values.Count);
    }

    /// <summary>
    /// Null when the sweeps (times <paramref name="files"/> scenario files) make at most <paramref name="maxRuns"/> runs;
    /// otherwise the message, checked before any combination is made, so a product of long lists is refused at once.
    /// </summary>
    public static string? TooManyRuns(IReadOnlyList<Sweep> sweeps, int files, int maxRuns, string option)
    {
        double runs = CombinationCount(sweeps) * Math.Max(1, files);
        if (runs <= maxRuns)
        {
            return null;
        }

        string product = string.Join(" x ", sweeps.Select(s => s.Values.Count.ToString("#,0", CultureInfo.InvariantCulture)));
        string fileText = files > 1 ? string.Create(CultureInfo.InvariantCulture, $" x {files:#,0} files") : "";
        return $"{option}: {product}{fileText} = {runs.ToString("#,0", CultureInfo.InvariantCulture)} runs; at most {maxRuns.ToString("#,0", CultureInfo.InvariantCulture)} (fewer values per {option}, or split the study into several commands)";
    }

    /// <summary>Every combination of the sweeps' values, the last sweep varying fastest.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Path, string Value)>> Combinations(IReadOnlyList<Sweep> sweeps)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        IEnumerable<IReadOnlyList<(string, string)>> combinations = [[]];
        foreach (var sweep in sweeps)
        {
            combinations = combinations.SelectMany(c => sweep.Values.Select(v => (IReadOnlyList<(string, string)>)[.. c, (sweep.Path, v)])).ToList();
        }

        return [.. combinations];
    }
}

/// <summary>Deterministic slices of a run list for running a batch on several machines.</summary>
public readonly record struct Shard(int Index, int Count)
{
    public static bool TryParse(string text, out Shard shard, out string error)
    {
        shard = default;
        error = "";
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || k < 1 || k > n)
        {
            error = $"--shard '{text}': expected K/N with 1 ≤ K ≤ N, e.g. 2/3";
            return false;
        }

        shard = new Shard(k, n);
        return true;
    }

    /// <summary>Run i belongs to shard K of N when i mod N = K − 1 (round robin keeps shards balanced).</summary>
    public bool Contains(int runIndex) => runIndex % Count == Index - 1;
}
