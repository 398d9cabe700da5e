using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Html;

/// <summary>
/// The dated events a run's horizon cuts (<see cref="HorizonCheck"/>) in the reader's language: what the event is,
/// its reason, what it applies to and its dates, each in the words of <see cref="Glossary"/> and the scenario's labels.
/// </summary>
public static class HorizonText
{
    /// <summary>
    /// One sentence per dated event the run's --days ends before it ends: its dates, how much of it the run leaves
    /// out, and the --days that sees it through.
    /// </summary>
    public static IEnumerable<string> Warnings(IEnumerable<HorizonCut> cuts, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        ArgumentNullException.ThrowIfNull(lang);
        foreach (HorizonCut cut in cuts)
        {
            if (!lang.IsVietnamese)
            {
                string english = cut.Describe();
                yield return char.ToUpperInvariant(english[0]) + english[1..] + ".";
                continue;
            }

            string what = Glossary.Events.TryGetValue(cut.Event, out Bilingual? words) ? lang.Say(words) : cut.Event;
            string dates = cut.To is { } to ? $"{lang.Date(cut.From)} – {lang.Date(to)}" : $"từ {lang.Date(cut.From)}";
            string named = $"{what} '{Name(cut, lang)}' ({Where(cut.Where, lang)}, {dates})";
            yield return cut.Kind == HorizonCutKind.CutOff
                ? $"Kỳ mô phỏng kết thúc ngày {lang.Date(cut.RunLastDay)}, trước khi {named} kết thúc: {(cut.DaysLeftOut == 0 ? "phần còn lại của ngày cuối" : $"{cut.DaysLeftOut} ngày cuối")} không được mô phỏng; --days {cut.DaysToSeeIt} sẽ mô phỏng hết."
                : $"Kỳ mô phỏng kết thúc ngày {lang.Date(cut.RunLastDay)}, trước khi {named} bắt đầu: không được mô phỏng; --days {cut.DaysToSeeIt} sẽ mô phỏng tới.";
        }
    }

    /// <summary>The event's reason as the scenario gives it in this language; an appointment period's quota in trucks a day.</summary>
    private static string Name(HorizonCut cut, ReportLanguage lang) =>
        cut.Name.EndsWith(" a day", StringComparison.Ordinal) && cut.Event.StartsWith("appointment", StringComparison.Ordinal)
            ? $"{cut.Name[..^" a day".Length]} {lang.Say(Glossary.TrucksPerDay)}"
            : lang.Reason(cut.Name);

    /// <summary>
    /// What the event applies to, as <see cref="HorizonCheck"/> writes it ("direction export", "calendar vn_gate",
    /// "origin pingxiang to route via_tan_thanh", "stage cn_inspection"), with each part and its name in this language.
    /// </summary>
    public static string Where(string where, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(lang);
        int route = where.IndexOf(" to route ", StringComparison.Ordinal);
        if (route > 0)
        {
            return $"{Where(where[..route], lang)} {lang.Say("to", "đến")} {Where(where[(route + " to ".Length)..], lang)}";
        }

        string[] parts = where.Split(' ', 2);
        if (!Glossary.Parts.TryGetValue(parts[0], out Bilingual? part))
        {
            return where;
        }

        if (parts.Length == 1)
        {
            return lang.Say(part);
        }

        string name = parts[1];
        return parts[0] switch
        {
            "direction" => lang.Side(name),
            "calendar" => $"{lang.Say(part)} {lang.Calendar(name)}",
            "stage" => $"{lang.Say(part)} {lang.Stage(name)}",
            "road" => $"{lang.Say(part)} {lang.Road(name)}",
            "class" => lang.CargoClass(name),
            _ => $"{lang.Say(part)} {name}",
        };
    }
}
