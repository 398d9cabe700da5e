using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Reporting.Html;

/// <summary>Something a reader must know before quoting an answer, of a kind shared with others like it.</summary>
/// <param name="Kind">What the warnings of this kind have in common, as a short line ("overloaded, ruled out").</param>
/// <param name="Text">This warning in full.</param>
public sealed record ReportWarning(string Kind, string Text)
{
    /// <summary>This warning among others of its kind, when shorter than <see cref="Text"/> (the kind's line says the rest).</summary>
    public string? Item { get; init; }
}

/// <summary>A --set override as a planner reads it: the setting's lever (its label), the file's value and the value run.</summary>
/// <param name="Lever">The lever of the path, or one labelled with the path itself.</param>
/// <param name="From">The value the file gives; null when it gives none there.</param>
/// <param name="To">The value set.</param>
public sealed record SettingChange(LeverSpec Lever, string? From, string To);

/// <summary>The small table under a decision page's answer, in the planner's words.</summary>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Its rows; a row of one cell starting with '§' is a subheading.</param>
/// <param name="TextColumns">How many leading columns are text (left-aligned).</param>
public sealed record AnswerTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, int TextColumns = 1);

/// <summary>
/// The parts the decision pages (capacity, optimize, batch, compare) share: the changes from the scenario in one
/// line, warnings grouped by kind (one line per kind with a count, the details folded), the exact settings folded.
/// </summary>
public static class DecisionText
{
    /// <summary>The lever of each path a study set: the scenario's levers when there is one per path, else each path labelled from its parts' names (<see cref="PathLabel"/>).</summary>
    public static IReadOnlyList<LeverSpec> LeversOf(IReadOnlyList<LeverSpec> levers, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(paths);
        return levers.Count == paths.Count ? levers : [.. paths.Select(p => LeverSpec.ForUnnamedPath(p, PathLabel.Of(p, null)))];
    }

    /// <summary>A lever's value as a planner reads it: "4 lanes" / "4 làn"; a value with its own unit (07:00-19:00) as written.</summary>
    public static string Value(LeverSpec lever, string? value, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lever);
        ArgumentNullException.ThrowIfNull(lang);
        if (value is null)
        {
            return "–";
        }

        string shown = !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) ? value
            : number == Math.Round(number) && Math.Abs(number) < 1e12 ? lang.Whole(number)
            : InvariantTicks.Format(number, lang);
        return lever.Unit is { } unit ? $"{shown} {lang.Say(unit)}" : shown;
    }

    /// <summary>"import lanes 4 lanes, VN gate hours 06:00-22:00" in the page's language.</summary>
    public static string Configuration(IReadOnlyList<LeverSpec> levers, IReadOnlyList<string> values, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(lang);
        return levers.Count == 0 ? lang.Say("as written", "như kịch bản") : string.Join(", ", levers.Select((l, k) => $"{lang.Say(l.Label)} {Value(l, values[k], lang)}"));
    }

    /// <summary>
    /// A decision page's opening, the same on each: the question as its title, the --set changes in labels, then the
    /// answer in one or two sentences and its small table, before any warning.
    /// </summary>
    public static ReportPage Open(string question, IReadOnlyList<SettingChange> changes, IEnumerable<string> lead, AnswerTable table, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(table);
        var page = new ReportPage(question + " – BorderSim", lang);
        page.Heading(1, question);
        string changed = Changes(changes, lang);
        if (changed.Length > 0)
        {
            page.Paragraph(changed, "changes");
        }

        page.BeginSection("answer");
        foreach (string sentence in lead)
        {
            page.Paragraph(sentence, "lead");
        }

        page.Table(table.Header, table.Rows, textColumns: table.TextColumns);
        return page.EndSection();
    }

    /// <summary>"Changes from the scenario: export trucks a day 240 → 600 trucks/day; ..." (empty without changes).</summary>
    public static string Changes(IReadOnlyList<SettingChange> changes, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(lang);
        if (changes.Count == 0)
        {
            return "";
        }

        string Each(SettingChange c) => c.From is null
            ? $"{lang.Say(c.Lever.Label)} {Value(c.Lever, c.To, lang)}"
            : $"{lang.Say(c.Lever.Label)} {Value(c.Lever with { Unit = null }, c.From, lang)} → {Value(c.Lever, c.To, lang)}";
        return lang.Say("Changes from the scenario: ", "Thay đổi so với kịch bản: ") + string.Join("; ", changes.Select(Each)) + ".";
    }

    /// <summary>
    /// The warnings grouped by kind, after the answer: a kind with one warning is that warning; a kind with several is one
    /// line with their count, their text folded under it. Nothing without warnings but <paramref name="noWarnings"/>.
    /// </summary>
    public static void WriteWarnings(ReportPage page, IReadOnlyList<ReportWarning> warnings, string noWarnings)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(warnings);
        ReportLanguage lang = page.Language;
        if (warnings.Count == 0)
        {
            page.BeginSection("fine").Paragraph(noWarnings).EndSection();
            return;
        }

        page.BeginSection("warnings").Heading(2, lang.Say("Before quoting it", "Lưu ý trước khi trích dẫn")).Raw("<ul>\n");
        foreach (IGrouping<string, ReportWarning> kind in warnings.GroupBy(w => w.Kind))
        {
            page.Raw("<li>");
            if (kind.Count() == 1)
            {
                page.Raw(ReportPage.Escape(kind.First().Text));
            }
            else
            {
                page.BeginDetails($"{kind.Key} ({kind.Count()})").List(kind.Select(w => w.Item ?? w.Text)).EndDetails();
            }

            page.Raw("</li>\n");
        }

        page.Raw("</ul>\n").EndSection();
    }

    /// <summary>The exact settings, folded: each lever's label, its scenario path and the values given, then the --set overrides as written.</summary>
    public static void WriteExactSettings(ReportPage page, IReadOnlyList<LeverSpec> levers, IReadOnlyList<IReadOnlyList<string>> values, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(levers);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(overrides);
        ReportLanguage lang = page.Language;
        page.Raw("<details class=\"exact\"><summary>").Raw(ReportPage.Escape(lang.Say("Exact settings (scenario paths)", "Thiết lập chính xác (đường dẫn trong kịch bản)"))).Raw("</summary>\n");
        page.Table(
            [lang.Say("setting", "thiết lập"), lang.Say("scenario path", "đường dẫn"), lang.Say("values", "các giá trị")],
            levers.Select((l, k) => (IReadOnlyList<string>)[lang.Say(l.Label), l.Path, string.Join(", ", values.Select(v => v[k]).Distinct())]),
            textColumns: 3);
        if (overrides.Count > 0)
        {
            page.Paragraph(lang.Say("Set on the command line: ", "Đặt trên dòng lệnh: ") + string.Join(" ", overrides.Select(o => "--set " + o)));
        }

        page.Raw("</details>\n");
    }
}
