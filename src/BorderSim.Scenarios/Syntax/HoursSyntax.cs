using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Scenarios.Syntax;

/// <summary>
/// Opening hours as written in a calendar: day keys (<c>mon</c>, <c>mon-fri</c>, <c>sat-sun</c>; a range may
/// wrap, <c>fri-mon</c>), interval lists (<c>"07:00-12:00, 13:00-19:00"</c>, <c>closed</c>; <c>24:00</c> only as a
/// closing time), and month keys (<c>jun</c>, <c>may-jul</c>).
/// </summary>
internal static class HoursSyntax
{
    public static readonly IReadOnlyList<string> DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static readonly IReadOnlyList<string> MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryDays(string key, [NotNullWhen(true)] out IReadOnlyList<IsoDayOfWeek>? days, [NotNullWhen(false)] out SyntaxError? error)
    {
        if (!TryRange(key, DayNames, "day", out var indices, out error))
        {
            days = null;
            return false;
        }

        days = [.. indices.Select(i => (IsoDayOfWeek)(i + 1))];
        return true;
    }

    public static bool TryMonths(string key, [NotNullWhen(true)] out IReadOnlyList<int>? months, [NotNullWhen(false)] out SyntaxError? error)
    {
        if (!TryRange(key, MonthNames, "month", out var indices, out error))
        {
            months = null;
            return false;
        }

        months = [.. indices.Select(i => i + 1)];
        return true;
    }

    /// <summary>"07:00-12:00, 13:00-19:00" → sorted, non-overlapping intervals; "closed" → none.</summary>
    public static bool TryIntervals(string text, [NotNullWhen(true)] out IReadOnlyList<OpeningInterval>? intervals, [NotNullWhen(false)] out SyntaxError? error)
    {
        intervals = null;
        var trimmed = text.Trim();
        if (trimmed.Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            intervals = [];
            error = null;
            return true;
        }

        var list = new List<OpeningInterval>();
        foreach (var part in trimmed.Split(','))
        {
            var piece = part.Trim();
            var dash = piece.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                error = new SyntaxError($"expected opening hours like \"07:00-19:00\" or closed, found '{piece}'",
                    "write \"HH:MM-HH:MM\", several separated by commas, or closed");
                return false;
            }

            if (!TryTime(piece[..dash], allow24: false, out var opens, out error)
                || !TryTime(piece[(dash + 1)..], allow24: true, out var closes, out error))
            {
                return false;
            }

            if (closes <= opens)
            {
                error = new SyntaxError($"'{piece}' closes at or before it opens",
                    "overnight opening is two intervals, e.g. \"00:00-02:00, 20:00-24:00\"");
                return false;
            }

            list.Add(new OpeningInterval(opens, closes));
        }

        list.Sort((a, b) => a.OpensAtHour.CompareTo(b.OpensAtHour));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].OpensAtHour < list[i - 1].ClosesAtHour)
            {
                error = new SyntaxError($"intervals in '{trimmed}' overlap", "list each opening once, without overlaps");
                return false;
            }
        }

        intervals = list;
        error = null;
        return true;
    }

    /// <summary>"07:30" → 7.5 hours after midnight. "24:00" only when <paramref name="allow24"/> (a closing time).</summary>
    public static bool TryTime(string text, bool allow24, out double hours, [NotNullWhen(false)] out SyntaxError? error)
    {
        hours = 0;
        var trimmed = text.Trim();
        var parts = trimmed.Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            error = new SyntaxError($"'{trimmed}' is not a time of day", "write HH:MM, e.g. 07:00");
            return false;
        }

        if (m > 59 || h > 24 || (h == 24 && m > 0) || (h == 24 && !allow24))
        {
            error = new SyntaxError($"'{trimmed}' is not a time of day",
                h == 24 && m == 0
                    ? new Advice("24:00 is only allowed as a closing time", "24:00 chỉ dùng làm giờ đóng cửa")
                    : new Advice("times run from 00:00 to 24:00", "giờ chỉ từ 00:00 đến 24:00"));
            return false;
        }

        hours = h + (m / 60.0);
        error = null;
        return true;
    }

    private static bool TryRange(string key, IReadOnlyList<string> names, string what, out List<int> indices, [NotNullWhen(false)] out SyntaxError? error)
    {
        indices = [];
        var trimmed = key.Trim().ToLowerInvariant();
        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? trimmed : trimmed[..dash].Trim();
        var last = dash < 0 ? trimmed : trimmed[(dash + 1)..].Trim();
        var from = IndexOf(names, first);
        var to = IndexOf(names, last);
        if (from < 0 || to < 0)
        {
            var bad = from < 0 ? first : last;
            error = new SyntaxError($"'{bad}' is not a {what}",
                DidYouMean.Hint(bad, names) ?? $"write {names[0]}, {names[1]}, ... or a range such as {names[0]}-{names[^1]}");
            return false;
        }

        for (var i = from; ; i = (i + 1) % names.Count)
        {
            indices.Add(i);
            if (i == to)
            {
                break;
            }
        }

        error = null;
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
