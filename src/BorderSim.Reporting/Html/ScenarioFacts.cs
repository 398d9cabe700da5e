using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Reporting.Html;

/// <summary>
/// The scenario's rules as "What was simulated" lists them, each read from the scenario as the model runs it (after
/// --set): the starting backlog, clearance caps, priority orders and reserved servers in force from the start; bans and
/// route suspensions with their dates; and what a dated change sets, with its new value.
/// </summary>
public static class ScenarioFacts
{
    /// <summary>What holds from the start of the run: starting backlog, caps, priority and reserved servers, stage by stage.</summary>
    public static IEnumerable<string> FromTheStart(ScenarioSpec s, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(lang);
        foreach (DirectionSpec direction in s.Directions)
        {
            string dir = lang.Direction(direction.Name);
            if (direction.Backlog.Count > 0)
            {
                string parts = string.Join("; ", direction.Backlog.Select(b => lang.Say(
                    $"{lang.Whole(b.Trucks)} trucks of {lang.CargoClass(b.CargoClass)} {Where(b.Stage, lang)}{Age(b.AgeHours, lang)}",
                    $"{lang.Whole(b.Trucks)} xe {lang.CargoClass(b.CargoClass)} {Where(b.Stage, lang)}{Age(b.AgeHours, lang)}")));
                int total = direction.Backlog.Sum(b => b.Trucks);
                yield return lang.Say(
                    $"{dir}: {lang.Whole(total)} trucks already waiting at the start (starting backlog): {parts}",
                    $"{dir}: {lang.Whole(total)} xe đang chờ lúc bắt đầu (xe tồn ban đầu): {parts}");
            }

            foreach (StageSpec stage in direction.Stages)
            {
                foreach (string rule in StageRules(s, direction.Name, stage, lang))
                {
                    yield return $"{dir} / {lang.Stage(stage.Name)}: {rule}";
                }
            }
        }
    }

    /// <summary>Bans, route suspensions and advisories, with their dates, what they apply to and what becomes of the trucks.</summary>
    public static IEnumerable<string> BansAndSuspensions(ScenarioSpec s, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(lang);
        foreach (BanSpec ban in s.Bans)
        {
            string span = ban.To is { } to ? Span(ban.From, to, lang) : lang.Say($"from {lang.Date(ban.From)} to the end of the run", $"từ {lang.Date(ban.From)} đến hết kỳ");
            string classes = string.Join(", ", ban.Classes.Select(lang.CargoClass));
            string action = ban.Action switch
            {
                BanAction.TurnAway => lang.Say("turned away on arrival", "phải quay đầu khi đến"),
                BanAction.HoldAtOrigin => lang.Say("held at their origin until it ends", "giữ lại tại nơi xuất phát đến khi hết lệnh"),
                BanAction.HoldAtYard => lang.Say($"held in {ban.HoldAtYard} until it ends", $"giữ lại tại {ban.HoldAtYard} đến khi hết lệnh"),
                BanAction.Divert => lang.Say(
                    $"diverted to {ban.DivertTo} ({lang.Percent(ban.DivertShare)} of the drivers; the others turn back)",
                    $"chuyển sang {ban.DivertTo} ({lang.Percent(ban.DivertShare)} số lái xe; số còn lại quay về)"),
                _ => ban.Action.ToString(),
            };
            string through = ban.LetThrough > 0
                ? lang.Say($" ({lang.Percent(ban.LetThrough)} let through)", $" ({lang.Percent(ban.LetThrough)} vẫn được qua)")
                : "";
            yield return lang.Say(
                $"ban, {lang.Direction(ban.Direction)}, {span}: {classes} trucks {action}{through}{Why(lang.Reason(ban.Reason))}",
                $"lệnh cấm, chiều {lang.Direction(ban.Direction)}, {span}: xe {classes} {action}{through}{Why(lang.Reason(ban.Reason))}");
        }

        foreach (OriginSpec origin in s.Origins)
        {
            foreach (RouteSuspensionSpec suspension in origin.Suspensions)
            {
                yield return lang.Say(
                    $"route {suspension.Route} suspended for {origin.Name}'s trucks, {Span(suspension.From, suspension.To, lang)}: {lang.Percent(suspension.DivertShare)} of the drivers take another route, the others turn back{Why(lang.Reason(suspension.Reason))}",
                    $"tuyến {suspension.Route} tạm dừng với xe từ {origin.Name}, {Span(suspension.From, suspension.To, lang)}: {lang.Percent(suspension.DivertShare)} số lái xe đi tuyến khác, số còn lại quay về{Why(lang.Reason(suspension.Reason))}");
            }
        }

        foreach (AdvisorySpec advisory in s.Advisories)
        {
            string classes = advisory.Classes.Count == 0 ? "" : string.Join(", ", advisory.Classes.Select(lang.CargoClass)) + " ";
            yield return lang.Say(
                $"advisory, {lang.Direction(advisory.Direction)}, {lang.Date(advisory.From)}: {lang.Percent(advisory.Waiting.Leave)} of the {classes}trucks in line leave{Why(lang.Reason(advisory.Reason))}",
                $"khuyến cáo, chiều {lang.Direction(advisory.Direction)}, {lang.Date(advisory.From)}: {lang.Percent(advisory.Waiting.Leave)} số xe {classes}đang xếp hàng rời đi{Why(lang.Reason(advisory.Reason))}");
        }
    }

    /// <summary>What a dated change sets, with its new value: "cn_inspection: cap 100-200 a day".</summary>
    public static string ChangeWhat(ScheduledChangeSpec c, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(lang);
        var parts = new List<string>();
        if (c.Servers is { } n)
        {
            parts.Add(lang.Say($"{n} booths", $"{n} bàn"));
        }

        if (c.Lanes is { } lanes)
        {
            parts.Add(lang.Say("lanes ", "số làn ") + string.Join(", ", lanes.Select(l => $"{lang.Direction(l.Key)} {l.Value}")));
        }

        if (c.Hours is { } h)
        {
            parts.Add(lang.Say("hours ", "giờ làm việc ") + ScenarioSection.WeeklyHoursText(h, lang));
        }

        if (c.QuotaPerDay is { } q)
        {
            parts.Add(lang.Say($"quota {lang.Whole(q)} a day", $"hạn mức {lang.Whole(q)} xe/ngày"));
        }

        if (c.CapPerDay is { } cap)
        {
            parts.Add(Cap(cap, lang));
        }

        if (c.CapPerDayByDirection is { } caps)
        {
            parts.AddRange(caps.Select(k => $"{lang.Direction(k.Key)} {Cap(k.Value, lang)}"));
        }

        if (c.Priority is { } priority)
        {
            parts.Add(Priority(priority, lang));
        }

        if (c.Reserved is { } reserved)
        {
            parts.Add(Reserved(reserved, lang));
        }

        if (c.Patience is { } patience)
        {
            parts.Add(patience.PatienceHours is { } p
                ? lang.Say($"patience {lang.Number(p.Mean)} h on average", $"chờ tối đa trung bình {lang.Number(p.Mean)} giờ")
                : lang.Say("no longer give up", "không bỏ về nữa"));
        }

        if (c.Units is { } u)
        {
            parts.Add(lang.Say($"{lang.Whole(u)} units", $"{lang.Whole(u)} đơn vị"));
        }

        string target = (c.Stage is { } st ? lang.Stage(st) : null) ?? (c.Road is { } rd ? lang.Road(rd) : null) ?? (c.Calendar is { } cal ? lang.Calendar(cal) : null) ?? (c.CargoClass is { } cls ? lang.CargoClass(cls) : null) ?? c.Pool ?? "";
        return parts.Count == 0 ? target : $"{target}: {string.Join("; ", parts)}";
    }

    internal static string Span(LocalDate from, LocalDate to, ReportLanguage lang) => from == to ? lang.Date(from) : $"{lang.Date(from)} – {lang.Date(to)}";

    internal static string Why(string reason) => reason.Length > 0 ? $" ({reason})" : "";

    private static IEnumerable<string> StageRules(ScenarioSpec s, string direction, StageSpec stage, ReportLanguage lang)
    {
        switch (stage)
        {
            case CheckStageSpec check:
                if (check.CapPerDay is { IsNone: false } cap)
                {
                    yield return Cap(cap, lang);
                }

                foreach (string shared in SharedCapFacts.Of(s, check.Name, lang))
                {
                    yield return shared;
                }

                if (check.Priority is { Count: > 0 } priority)
                {
                    yield return Priority(priority, lang);
                }

                if (check.Reserved is { Count: > 0 } reserved)
                {
                    yield return Reserved(reserved, lang) + (check.ReservedOnly ? lang.Say(" (used only by their class)", " (chỉ dành cho loại hàng đó)") : "");
                }

                break;
            case RoadStageSpec road when s.Roads.FirstOrDefault(r => r.Name == road.Road) is { } spec:
                if (spec.CapPerDayByDirection.TryGetValue(direction, out ClearanceCapSpec? roadCap) && !roadCap.IsNone)
                {
                    yield return Cap(roadCap, lang);
                }

                if (spec.Priority is { Count: > 0 } lanesFirst)
                {
                    yield return Priority(lanesFirst, lang);
                }

                if (spec.Reserved is { Count: > 0 } kept)
                {
                    yield return Reserved(kept, lang) + (spec.ReservedOnly ? lang.Say(" (used only by their class)", " (chỉ dành cho loại hàng đó)") : "");
                }

                break;
            case YardStageSpec yard when yard.Priority is { Count: > 0 } order:
                yield return lang.Say(
                    $"{string.Join(", then ", order.Select(lang.CargoClass))} take a free place first" + (yard.OverflowToHighway ? " (also the order of the highway queue)" : "") + (yard.ReleaseQuotaPerDay is not null ? " and leave first" : ""),
                    $"{string.Join(", rồi ", order.Select(lang.CargoClass))} được vào chỗ trống trước" + (yard.OverflowToHighway ? " (cũng là thứ tự hàng xe trên quốc lộ)" : "") + (yard.ReleaseQuotaPerDay is not null ? " và được ra trước" : ""));
                break;
        }
    }

    private static string Cap(ClearanceCapSpec cap, ReportLanguage lang)
    {
        if (cap.IsNone)
        {
            return lang.Say("no clearance cap", "bỏ giới hạn thông quan");
        }

        var parts = new List<string>();
        if (cap.Total is { } total)
        {
            parts.Add(lang.Say(
                total.IsFixed ? $"at most {total} trucks a day" : $"at most {total} trucks a day (drawn each day)",
                total.IsFixed ? $"tối đa {total} xe/ngày" : $"tối đa {total} xe/ngày (rút ngẫu nhiên mỗi ngày)"));
        }

        parts.AddRange(cap.ByClass.Select(k => lang.Say($"{lang.CargoClass(k.Key)} at most {k.Value} a day", $"{lang.CargoClass(k.Key)} tối đa {k.Value} xe/ngày")));
        return lang.Say("clearance cap ", "giới hạn thông quan ") + string.Join(", ", parts);
    }

    private static string Priority(IReadOnlyList<string> order, ReportLanguage lang) => order.Count == 0
        ? lang.Say("no priority (first come, first served)", "không ưu tiên (đến trước phục vụ trước)")
        : lang.Say($"priority: {string.Join(", then ", order.Select(lang.CargoClass))} first", $"ưu tiên: {string.Join(", rồi ", order.Select(lang.CargoClass))} trước");

    private static string Reserved(IReadOnlyList<ReservedServers> reserved, ReportLanguage lang) => reserved.Count == 0
        ? lang.Say("no servers kept for a class", "không dành riêng quầy/làn")
        : lang.Say("kept for a class: ", "dành riêng: ") + string.Join(", ", reserved.Select(r => $"{r.Servers} {lang.CargoClass(r.CargoClass)}"));

    private static string Where(string? stage, ReportLanguage lang) => stage is null or BacklogSpec.Highway
        ? lang.Say("on the highway", "trên quốc lộ")
        : lang.Say($"at {lang.Stage(stage)}", $"tại {lang.Stage(stage)}");

    private static string Age(BorderSim.Engine.Randomness.Distribution? age, ReportLanguage lang) => age is null
        ? ""
        : lang.Say($" (already waited {age} h)", $" (đã chờ {age} giờ)");
}
