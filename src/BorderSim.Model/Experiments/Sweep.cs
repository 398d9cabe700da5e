using System.Globalization;

namespace BorderSim.Model.Experiments;

/// <summary>
/// A swept parameter, <c>path=from:to:step</c> (inclusive of <c>to</c> when it falls on a step), or an
/// explicit list <c>path=a,b,c</c>.
/// </summary>
public sealed record Sweep(string Path, IReadOnlyList<string> Values)
{
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

            if (!(step > 0) || to < from)
            {
                error = $"--sweep '{text}': step must be positive and to at least from";
                return false;
            }

            var count = (int)Math.Floor(((to - from) / step) + 1e-9) + 1;
            if (count > 10_000)
            {
                error = $"--sweep '{text}': {count} values; at most 10000";
                return false;
            }

            // Values computed as from + i·step and printed shortest round-trip, so 0.1 steps stay readable.
            var values = Enumerable.Range(0, count).Select(i => Math.Round(from + (i * step), 10).ToString("R", CultureInfo.InvariantCulture)).ToList();
            sweep = new Sweep(path, values);
            return true;
        }

        if ((parts.Length == 1 || spec.Contains(',', StringComparison.Ordinal)) && spec.Length > 0)
        {
            sweep = new Sweep(path, [.. spec.Split(',').Select(v => v.Trim())]);
            return true;
        }

        error = $"--sweep '{text}': expected path=from:to:step or path=a,b,c";
        return false;
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
