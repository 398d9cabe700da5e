using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace BorderSim.Scenarios.Syntax;

/// <summary>Local dates (<c>2026-02-15</c>) and date-times (<c>2026-06-01T00:00</c>), refusing days that do not exist.</summary>
internal static partial class DateSyntax
{
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    public static bool TryDate(string text, out LocalDate date, [NotNullWhen(false)] out SyntaxError? error)
    {
        date = default;
        if (!TryDateTime(text, out var dateTime, out var hasTime, out error))
        {
            return false;
        }

        if (hasTime)
        {
            error = new SyntaxError($"expected a date, found a date and time '{text.Trim()}'", "write YYYY-MM-DD, e.g. 2026-06-15");
            return false;
        }

        date = dateTime.Date;
        return true;
    }

    public static bool TryDateTime(string text, out LocalDateTime dateTime, out bool hasTime, [NotNullWhen(false)] out SyntaxError? error)
    {
        dateTime = default;
        hasTime = false;
        var trimmed = text.Trim();
        var match = DateTimePattern().Match(trimmed);
        if (!match.Success)
        {
            error = new SyntaxError($"'{trimmed}' is not a date", "write YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a start time");
            return false;
        }

        int Group(int i) => int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture);
        var year = Group(1);
        var month = Group(2);
        var day = Group(3);
        if (year is < 1900 or > 2200)
        {
            error = new SyntaxError($"year {year} in '{trimmed}' is out of range", "years from 1900 to 2200");
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = new SyntaxError($"'{trimmed}' does not exist: there is no month {month}");
            return false;
        }

        var daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            var monthName = new DateTime(year, month, 1).ToString("MMMM", CultureInfo.InvariantCulture);
            error = new SyntaxError($"'{trimmed}' does not exist: {monthName} {year} has {daysInMonth} days");
            return false;
        }

        var hour = 0;
        var minute = 0;
        var second = 0;
        if (match.Groups[4].Success)
        {
            hasTime = true;
            hour = Group(4);
            minute = Group(5);
            second = match.Groups[6].Success ? Group(6) : 0;
            if (hour > 23 || minute > 59 || second > 59)
            {
                error = new SyntaxError($"'{trimmed}' has no such time of day", "times run from 00:00 to 23:59");
                return false;
            }
        }

        dateTime = new LocalDateTime(year, month, day, hour, minute, second);
        error = null;
        return true;
    }
}
