namespace BorderSim.Scenarios.Syntax;

/// <summary>Suggests the nearest known name for a misspelt one (Levenshtein distance, optimal string alignment).</summary>
internal static class DidYouMean
{
    /// <summary>A hint such as <c>did you mean 'servers'?</c>, or null when nothing is close.</summary>
    public static string? Hint(string found, IEnumerable<string> known)
    {
        var best = Nearest(found, known, 1);
        return best.Count == 0 ? null : $"did you mean '{best[0]}'?";
    }

    /// <summary>Up to <paramref name="count"/> known names close to <paramref name="found"/>, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string found, IEnumerable<string> known, int count)
    {
        var limit = Math.Max(2, found.Length / 3);
        return [.. known
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Name: k, Distance: Distance(found.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(p => p.Distance <= limit)
            .OrderBy(p => p.Distance)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.Name)];
    }

    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
