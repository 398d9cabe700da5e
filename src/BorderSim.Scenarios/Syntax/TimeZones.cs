using NodaTime;

namespace BorderSim.Scenarios.Syntax;

/// <summary>IANA time zones from NodaTime's bundled tz database, with suggestions for a misspelt one.</summary>
internal static class TimeZones
{
    // Names people write for the region that the tz database does not have.
    private static readonly Dictionary<string, string> CommonMistakes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Asia/Hanoi"] = "Asia/Ho_Chi_Minh",
        ["Asia/Ha_Noi"] = "Asia/Ho_Chi_Minh",
        ["Asia/Lang_Son"] = "Asia/Ho_Chi_Minh",
        ["Asia/Beijing"] = "Asia/Shanghai",
        ["Asia/Nanning"] = "Asia/Shanghai",
        ["Asia/Guangxi"] = "Asia/Shanghai",
        ["Vietnam"] = "Asia/Ho_Chi_Minh",
        ["ICT"] = "Asia/Ho_Chi_Minh",
        ["CST"] = "Asia/Shanghai",
    };

    public static DateTimeZone? Find(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    public static string Hint(string id)
    {
        var trimmed = id.Trim();
        if (trimmed.StartsWith("UTC+", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("GMT+", StringComparison.OrdinalIgnoreCase))
        {
            return "use an IANA name, which knows the offset: Asia/Ho_Chi_Minh (UTC+7), Asia/Shanghai (UTC+8)";
        }

        if (CommonMistakes.TryGetValue(trimmed, out var meant))
        {
            return $"did you mean '{meant}'?";
        }

        var ids = DateTimeZoneProviders.Tzdb.Ids;
        var near = DidYouMean.Nearest(trimmed, ids, 3);
        if (near.Count == 0)
        {
            // Compare the city part alone: "Asia/Hanoi" → Asia/Ho_Chi_Minh is not near, but "Ho_Chi_Min" is.
            var city = trimmed[(trimmed.LastIndexOf('/') + 1)..];
            near = DidYouMean.Nearest(city, ids.Select(i => i[(i.LastIndexOf('/') + 1)..]), 3)
                .Select(c => ids.First(i => i.EndsWith("/" + c, StringComparison.Ordinal) || i == c))
                .ToList();
        }

        return near.Count == 0
            ? "use an IANA name such as Asia/Ho_Chi_Minh or Asia/Shanghai"
            : "did you mean " + string.Join(" or ", near.Select(n => $"'{n}'")) + "?";
    }
}
