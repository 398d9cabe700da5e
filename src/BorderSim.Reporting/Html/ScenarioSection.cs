using System.Globalization;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Reporting.Html;

/// <summary>Where a report came from: what reproduces it (run.json has the same).</summary>
public sealed record ReportProvenance(
    string Version,
    IReadOnlyList<string> CommandLine,
    IReadOnlyList<ScenarioSource> Scenarios,
    int Threads,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc);

/// <summary>A scenario file as read: its path, the SHA-256 of its text with the overrides, and the text (for its header comments).</summary>
public sealed record ScenarioSource(string File, string Sha256, string Text, IReadOnlyList<string> Overrides);

/// <summary>The parts of a report that describe a scenario: what was simulated, its assumptions and sources, and the provenance.</summary>
public static class ScenarioSection
{
    /// <summary>
    /// The comment block at the top of a scenario file, where the shipped scenarios give their sources and
    /// assumptions: the lines starting with '#' before the first line of YAML, without the '# ' and without an
    /// editor's schema line. Empty when the file starts with YAML. A block written in both languages has a line
    /// <c># [en]</c> before its English and <c># [vi]</c> before its Vietnamese: the lines before the first such
    /// line are shown in both, the rest in its own language only; a block without them is shown as written.
    /// </summary>
    public static string HeaderComments(string scenarioText, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(scenarioText);
        string? wanted = (language ?? ReportLanguage.English).Code;
        string? section = null;
        var lines = new List<string>();
        foreach (string raw in scenarioText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimStart();
            if (line.Length == 0)
            {
                if (lines.Count > 0 && (section is null || section == wanted))
                {
                    lines.Add("");
                }

                continue;
            }

            if (!line.StartsWith('#'))
            {
                break;
            }

            string text = line.Length > 1 && line[1] == ' ' ? line[2..] : line[1..];
            if (text.StartsWith("yaml-language-server:", StringComparison.Ordinal))
            {
                continue;
            }

            if (LanguageMarker(text) is { } marker)
            {
                section = marker;
                continue;
            }

            if (section is null || section == wanted)
            {
                lines.Add(text.TrimEnd());
            }
        }

        return string.Join('\n', RemoveRepeatedBlankLines(lines)).Trim('\n');
    }

    /// <summary>The language code of a line <c>[en]</c> or <c>[vi]</c> that starts a language's part of the header; null for any other line.</summary>
    private static string? LanguageMarker(string text)
    {
        string t = text.Trim();
        return t.Length == 4 && t[0] == '[' && t[3] == ']' && ReportLanguage.Codes.Contains(t[1..3]) ? t[1..3] : null;
    }

    private static IEnumerable<string> RemoveRepeatedBlankLines(List<string> lines) =>
        lines.Where((line, i) => line.Length > 0 || i == 0 || lines[i - 1].Length > 0);

    /// <summary>What was simulated: dates, replications, warm-up; per direction and stage its servers, hours, demand and capacity; dated events.</summary>
    public static void WriteWhatWasSimulated(ReportPage page, ExperimentResult result, string heading)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = page.Language;
        ScenarioSpec s = result.Scenario;
        LocalDate last = result.LocalTimeAt(s.RunHours - 1).Date; // the last hour of the run falls on its last day
        page.Heading(2, heading);
        if (lang.Description(s).Length > 0)
        {
            page.Paragraph(lang.Description(s));
        }

        int replications = result.Replications.Count > 0 ? result.Replications.Count : result.Summary.FirstOrDefault()?.Replications ?? s.Replications;
        page.Paragraph(lang.Say(
            $"{s.Days} days from {lang.DateTime(s.Start)} to the end of {lang.Date(last)} ({lang.TimeZone(s.TimeZone.Id)}); the first {lang.Number(result.WarmUpHours)} h are a warm-up ({WarmUpMethod(result.WarmUpMethod, lang)}) left out of the statistics; {replications} replications, master seed {s.Seed.ToString(CultureInfo.InvariantCulture)}.",
            $"{s.Days} ngày, từ {lang.DateTime(s.Start)} đến hết ngày {lang.Date(last)} ({lang.TimeZone(s.TimeZone.Id)}); {lang.Number(result.WarmUpHours)} giờ đầu là giai đoạn khởi động ({WarmUpMethod(result.WarmUpMethod, lang)}), không tính vào thống kê; {replications} lần lặp mô phỏng, hạt giống ngẫu nhiên {s.Seed.ToString(CultureInfo.InvariantCulture)}."));
        var loads = result.StageLoads.ToDictionary(l => (l.Direction, l.Stage));
        var rows = new List<IReadOnlyList<string>>();
        var overloaded = new HashSet<int>();
        foreach (DirectionSpec direction in s.Directions)
        {
            rows.Add([$"§{lang.Direction(direction.Name)}: " + lang.Say(
                $"{lang.Whole(direction.Arrivals.TrucksPerDay)} trucks a day before factors",
                $"{lang.Whole(direction.Arrivals.TrucksPerDay)} xe/ngày trước hệ số mùa vụ")]);
            foreach (StageSpec stage in direction.Stages)
            {
                (string kind, string servers, string hours) = Describe(s, direction.Name, stage, lang);
                loads.TryGetValue((direction.Name, stage.Name), out StageLoad? load);
                if (load?.IsOverloaded == true)
                {
                    overloaded.Add(rows.Count);
                }

                rows.Add(
                [
                    lang.Stage(stage.Name),
                    kind,
                    servers,
                    hours,
                    load is null ? "–" : lang.Whole(load.DemandTrucksPerDay),
                    load is null ? "–" : lang.Whole(load.CapacityTrucksPerDay),
                    load is null ? "–" : lang.Percent(load.Ratio) + (load.IsOverloaded ? lang.Say(" OVERLOADED", " QUÁ TẢI") : ""),
                ]);
            }
        }

        page.Table(
            [lang.Say("stage", "khâu"), lang.Say("kind", "loại"), lang.Say("booths / lanes / places", "bàn / làn / chỗ"), lang.Say("opening hours (local)", "giờ làm việc (giờ địa phương)"), lang.Say("demand (trucks/day)", "nhu cầu (xe/ngày)"), lang.Say("capacity (trucks/day)", "năng lực (xe/ngày)"), lang.Say("demand / capacity", "nhu cầu / năng lực")],
            rows,
            i => overloaded.Contains(i) ? "bad" : null,
            textColumns: 4,
            caption: lang.Say(
                "Demand: expected trucks a day over the run, every factor applied. Capacity: what the stage serves a day in its open hours (servers × open hours ÷ mean service time).",
                "Nhu cầu: số xe dự kiến mỗi ngày trong kỳ mô phỏng, đã nhân mọi hệ số. Năng lực: số xe khâu đó phục vụ được mỗi ngày trong giờ làm việc (số bàn × giờ mở cửa ÷ thời gian phục vụ trung bình)."));

        List<string> rules = [.. ScenarioFacts.FromTheStart(s, lang)];
        if (rules.Count > 0)
        {
            page.Heading(3, lang.Say("Starting backlog, caps and priority", "Xe tồn ban đầu, giới hạn thông quan và ưu tiên"));
            page.List(rules);
        }

        List<string> events = [.. DatedEvents(s, lang)];
        if (events.Count > 0)
        {
            page.Heading(3, lang.Say("Dated events and changes", "Sự kiện và thay đổi theo ngày"));
            page.List(events);
        }
    }

    /// <summary>The scenario's header comments (assumptions and sources) as written.</summary>
    public static void WriteAssumptions(ReportPage page, IReadOnlyList<(string Title, ScenarioSource Source)> scenarios)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(scenarios);
        ReportLanguage lang = page.Language;
        page.Heading(2, lang.Say("Assumptions and sources", "Giả định và nguồn số liệu"));
        page.Paragraph(lang.Say(
            "As written in the scenario file's header comments (the file is the authority for every number).",
            "Trích nguyên văn phần chú thích đầu tệp kịch bản (mọi con số lấy theo tệp này)."), "sub");
        foreach (var (title, source) in scenarios)
        {
            if (scenarios.Count > 1)
            {
                page.Heading(3, title);
            }

            string notes = HeaderComments(source.Text, lang);
            if (notes.Length == 0)
            {
                page.Paragraph(lang.Say("(the file has no header comments)", "(tệp không có chú thích đầu)"));
            }
            else
            {
                page.Preformatted(notes);
            }
        }
    }

    /// <summary>Version, scenario files with their hashes and overrides, seed, command line, times.</summary>
    public static void WriteProvenance(ReportPage page, ReportProvenance provenance, IEnumerable<(string Term, string Value)> extra)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(provenance);
        ReportLanguage lang = page.Language;
        page.Heading(2, lang.Say("Provenance", "Nguồn gốc kết quả"));
        var items = new List<(string, string)>
        {
            (lang.Say("BorderSim version", "phiên bản BorderSim"), provenance.Version),
            (lang.Say("command line", "lệnh chạy"), string.Join(' ', provenance.CommandLine.Select(Quote))),
        };
        for (int k = 0; k < provenance.Scenarios.Count; k++)
        {
            ScenarioSource source = provenance.Scenarios[k];
            string n = provenance.Scenarios.Count > 1 ? $" {k + 1}" : "";
            items.Add((lang.Say("scenario file", "tệp kịch bản") + n, source.File));
            items.Add((lang.Say("scenario SHA-256 (file text and overrides)", "SHA-256 của kịch bản (nội dung tệp và tham số ghi đè)") + n, source.Sha256));
            if (source.Overrides.Count > 0)
            {
                items.Add((lang.Say("overrides", "tham số ghi đè") + n, string.Join(", ", source.Overrides.Select(o => "--set " + o))));
            }
        }

        items.AddRange(extra);
        items.Add((lang.Say("threads", "số luồng"), provenance.Threads.ToString(CultureInfo.InvariantCulture)));
        items.Add((lang.Say("started (UTC)", "bắt đầu (UTC)"), provenance.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        items.Add((lang.Say("finished (UTC)", "kết thúc (UTC)"), provenance.FinishedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        page.Definitions(items);
        page.Paragraph(lang.Say(
            "The same command with the same scenario files and BorderSim version gives the same numbers, whatever the number of threads; run.json in this folder records the same.",
            "Chạy lại cùng lệnh với cùng tệp kịch bản và cùng phiên bản BorderSim sẽ cho đúng các con số này, dù số luồng khác nhau; tệp run.json trong thư mục này ghi cùng thông tin."), "sub");
    }

    internal static string WarmUpMethod(string method, ReportLanguage lang) => method switch
    {
        "fixed" => lang.Say("fixed in the scenario", "cố định trong kịch bản"),
        "mser-5" => lang.Say("detected by MSER-5", "xác định bằng MSER-5"),
        _ => method,
    };

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static (string Kind, string Servers, string Hours) Describe(ScenarioSpec s, string direction, StageSpec stage, ReportLanguage lang)
    {
        switch (stage)
        {
            case CheckStageSpec check:
                return (lang.Say("check", "kiểm tra"), lang.Say($"{check.Servers} booths", $"{check.Servers} bàn"), Hours(s, check.Calendar, lang));
            case RoadStageSpec road:
                RoadSpec? spec = s.Roads.FirstOrDefault(r => r.Name == road.Road);
                int lanes = spec is not null && spec.LanesByDirection.TryGetValue(direction, out int l) ? l : 0;
                return (lang.Say("road", "đường chuyên dụng"), lang.Say($"{lanes} lanes", $"{lanes} làn"), Hours(s, spec?.Calendar, lang));
            case YardStageSpec yard:
                string places = yard.CapacityTrucks is { } c ? lang.Say($"{lang.Whole(c)} places", $"{lang.Whole(c)} chỗ") : lang.Say("unlimited", "không giới hạn");
                if (yard.ReleaseQuotaPerDay is { } quota)
                {
                    places += lang.Say($", releases ≤ {lang.Whole(quota)}/day", $", cho ra ≤ {lang.Whole(quota)} xe/ngày");
                }

                if (yard.OverflowToHighway)
                {
                    places += lang.Say(", overflow on the highway", ", tràn ra quốc lộ");
                }

                return (lang.Say("yard", "bãi"), places, lang.Say("always open", "mở cửa liên tục"));
            default:
                return ("", "", "");
        }
    }

    private static string Hours(ScenarioSpec s, string? calendarName, ReportLanguage lang)
    {
        CalendarSpec? calendar = calendarName is null ? null : s.Calendars.FirstOrDefault(c => c.Name == calendarName);
        return calendar is null ? lang.Say("always open", "mở cửa liên tục") : $"{WeeklyHoursText(calendar.WeeklyHours, lang)} ({lang.TimeZone(calendar.TimeZone.Id)})";
    }

    /// <summary>Opening hours by runs of weekdays with the same intervals: "mon–sun 07:00–19:00" / "T2–CN 07:00–19:00".</summary>
    public static string WeeklyHoursText(WeeklyHours hours, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(lang);
        IsoDayOfWeek[] days = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
        string[] names = lang.IsVietnamese ? ["T2", "T3", "T4", "T5", "T6", "T7", "CN"] : ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        string Intervals(IsoDayOfWeek day)
        {
            IReadOnlyList<OpeningInterval> open = hours.On(day);
            return open.Count == 0 ? lang.Say("closed", "đóng cửa") : string.Join(", ", open.Select(i => $"{Clock(i.OpensAtHour)}–{Clock(i.ClosesAtHour)}"));
        }

        var parts = new List<string>();
        int start = 0;
        for (int d = 1; d <= days.Length; d++)
        {
            if (d == days.Length || Intervals(days[d]) != Intervals(days[start]))
            {
                string range = d - 1 == start ? names[start] : $"{names[start]}–{names[d - 1]}";
                parts.Add($"{range} {Intervals(days[start])}");
                start = d;
            }
        }

        return string.Join("; ", parts);
    }

    private static string Clock(double hours)
    {
        int minutes = (int)Math.Round(hours * 60);
        return $"{minutes / 60:00}:{minutes % 60:00}";
    }

    private static IEnumerable<string> DatedEvents(ScenarioSpec s, ReportLanguage lang)
    {
        string Span(LocalDate from, LocalDate to) => ScenarioFacts.Span(from, to, lang);
        string Why(string reason) => ScenarioFacts.Why(lang.Reason(reason));
        foreach (CalendarSpec calendar in s.Calendars)
        {
            foreach (ClosureSpec c in calendar.Closures)
            {
                yield return lang.Say($"{lang.Calendar(calendar.Name)} closed {Span(c.From, c.To)}{Why(c.Reason)}", $"{lang.Calendar(calendar.Name)} đóng cửa {Span(c.From, c.To)}{Why(c.Reason)}");
            }

            foreach (AppointmentPeriodSpec a in calendar.AppointmentOnly)
            {
                string excluded = a.ExcludedClasses.Count > 0 ? lang.Say($", not {string.Join(", ", a.ExcludedClasses.Select(lang.CargoClass))}", $", trừ {string.Join(", ", a.ExcludedClasses.Select(lang.CargoClass))}") : "";
                yield return lang.Say(
                    $"{lang.Calendar(calendar.Name)} appointment only {Span(a.From, a.To)}: at most {lang.Whole(a.QuotaPerDay)} trucks a day{excluded}",
                    $"{lang.Calendar(calendar.Name)} chỉ thông quan xe đăng ký trước {Span(a.From, a.To)}: tối đa {lang.Whole(a.QuotaPerDay)} xe/ngày{excluded}");
            }
        }

        foreach (DirectionSpec direction in s.Directions)
        {
            foreach (SurgeSpec surge in direction.Arrivals.Surges)
            {
                string classes = surge.Classes.Count > 0 ? ", " + string.Join(", ", surge.Classes.Select(lang.CargoClass)) : "";
                yield return lang.Say(
                    $"{lang.Direction(direction.Name)} arrivals × {lang.Number(surge.Factor)}, {Span(surge.From, surge.To)}{classes}{Why(surge.Reason)}",
                    $"xe {lang.Direction(direction.Name)} đến × {lang.Number(surge.Factor)}, {Span(surge.From, surge.To)}{classes}{Why(surge.Reason)}");
            }
        }

        foreach (string ban in ScenarioFacts.BansAndSuspensions(s, lang))
        {
            yield return ban;
        }

        foreach (ScheduledChangeSpec change in s.Changes)
        {
            string what = ScenarioFacts.ChangeWhat(change, lang);
            yield return lang.Say($"from {lang.Date(change.From)}: {what}{Why(change.Reason)}", $"từ {lang.Date(change.From)}: {what}{Why(change.Reason)}");
        }
    }
}
