using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BorderSim.Reporting.Html;

/// <summary>
/// One self-contained HTML page: inline CSS (screen and A4 print), inline SVG plots, no script, no font, image or
/// style fetched from anywhere. A Content-Security-Policy forbids every fetch, so a page that tried would show it
/// as an error in the browser's console (the browser test checks there is none). Text is HTML-escaped here.
/// </summary>
public sealed partial class ReportPage
{
    public const string FileName = "report.html";

    private readonly StringBuilder _html = new();
    private int _plots;

    public ReportPage(string title, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        Language = language;
        _html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"BorderSim\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
    }

    public ReportLanguage Language { get; }

    /// <summary>
    /// Text as HTML: markup characters encoded, and the bidirectional controls that reorder what follows them
    /// (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates) shown as <c>\u202E</c>, as on the terminal: a
    /// scenario name cannot reverse the <c>[--set ...]</c> beside it. Right-to-left letters themselves pass.
    /// </summary>
    public static string Escape(string text)
    {
        string encoded = WebUtility.HtmlEncode(text ?? "");
        return encoded.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0 && encoded.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0
            ? encoded
            : string.Concat(encoded.Select(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
    }

    /// <summary>Appends trusted markup as is (built here, with every piece of text escaped).</summary>
    public ReportPage Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public ReportPage Heading(int level, string text, string? id = null)
    {
        _html.Append("<h").Append(level);
        if (id is not null)
        {
            _html.Append(" id=\"").Append(Escape(id)).Append('"');
        }

        _html.Append('>').Append(Escape(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    public ReportPage Paragraph(string text, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    public ReportPage BeginSection(string cssClass = "")
    {
        _html.Append(cssClass.Length == 0 ? "<section>\n" : $"<section class=\"{cssClass}\">\n");
        return this;
    }

    public ReportPage EndSection()
    {
        _html.Append("</section>\n");
        return this;
    }

    /// <summary>A folded block: <paramref name="summary"/> shows, what follows until <see cref="EndDetails"/> opens on a click (and prints).</summary>
    public ReportPage BeginDetails(string summary)
    {
        _html.Append("<details><summary>").Append(Escape(summary)).Append("</summary>\n");
        return this;
    }

    public ReportPage EndDetails()
    {
        _html.Append("</details>\n");
        return this;
    }

    /// <summary>A bulleted list of plain text items.</summary>
    public ReportPage List(IEnumerable<string> items, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<ul>\n" : $"<ul class=\"{cssClass}\">\n");
        foreach (string item in items)
        {
            _html.Append("<li>").Append(Escape(item)).Append("</li>\n");
        }

        _html.Append("</ul>\n");
        return this;
    }

    /// <summary>
    /// A table: a header row, then rows of cells; a row whose first cell starts with "§" is a group heading across
    /// the table. Cells after the first <paramref name="textColumns"/> are right-aligned (numbers); <paramref name="rowClass"/> styles a row.
    /// </summary>
    public ReportPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Func<int, string?>? rowClass = null, string? caption = null, int textColumns = 1)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        if (caption is not null)
        {
            // A paragraph, not a <caption>: a long caption would widen a narrow table.
            _html.Append("<p class=\"caption\">").Append(Escape(caption)).Append("</p>\n");
        }

        _html.Append("<div class=\"table\"><table>\n");
        _html.Append("<thead><tr>");
        for (int c = 0; c < header.Count; c++)
        {
            _html.Append(c < textColumns ? "<th class=\"t\">" : "<th>").Append(Escape(header[c])).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        int index = 0;
        foreach (IReadOnlyList<string> row in rows)
        {
            if (row.Count > 0 && row[0].StartsWith('§'))
            {
                _html.Append("<tr class=\"group\"><th colspan=\"").Append(header.Count).Append("\">").Append(Escape(row[0][1..])).Append("</th></tr>\n");
                index++;
                continue;
            }

            string? css = rowClass?.Invoke(index);
            _html.Append(css is null ? "<tr>" : $"<tr class=\"{css}\">");
            for (int c = 0; c < row.Count; c++)
            {
                _html.Append(c < textColumns ? "<td>" : "<td class=\"n\">").Append(Escape(row[c])).Append("</td>");
            }

            _html.Append("</tr>\n");
            index++;
        }

        _html.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>A definition list of (term, value) pairs: provenance.</summary>
    public ReportPage Definitions(IEnumerable<(string Term, string Value)> items)
    {
        _html.Append("<dl>\n");
        foreach (var (term, value) in items)
        {
            _html.Append("<dt>").Append(Escape(term)).Append("</dt><dd>").Append(Escape(value)).Append("</dd>\n");
        }

        _html.Append("</dl>\n");
        return this;
    }

    /// <summary>Preformatted text (the scenario's header comments), wrapped on screen and paper.</summary>
    public ReportPage Preformatted(string text)
    {
        _html.Append("<pre>").Append(Escape(text)).Append("</pre>\n");
        return this;
    }

    /// <summary>A plot inline: its SVG, scaled to the page width, with a caption.</summary>
    public ReportPage Figure(PlotImage plot, string caption, string cssClass = "")
    {
        ArgumentNullException.ThrowIfNull(plot);
        _plots++;
        _html.Append(cssClass.Length == 0 ? "<figure>\n" : $"<figure class=\"{cssClass}\">\n")
            .Append(InlineSvg(plot.Svg(), $"p{_plots}-", caption))
            .Append("\n<figcaption>").Append(Escape(caption)).Append("</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>
    /// The finished page. Its only &lt;meta&gt; elements are the head's own: a Content-Security-Policy cannot stop a
    /// <c>&lt;meta http-equiv="refresh"&gt;</c> (navigation is not a fetch), so the page refuses to carry one at all.
    /// User text cannot make one (it is escaped); markup that would is a programming error.
    /// </summary>
    public string Build()
    {
        string html = _html.ToString();
        int body = html.IndexOf("<body>", StringComparison.Ordinal);
        if (html.IndexOf("<meta", body, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            throw new InvalidOperationException("A report page may not carry a <meta> element in its body (a refresh would take the reader elsewhere).");
        }

        return html + "</main>\n</body>\n</html>\n";
    }

    /// <summary>
    /// An SVG document made fit to sit in HTML: no XML declaration, a viewBox instead of a fixed size (so it scales
    /// with the page), and its ids prefixed so that two plots' clip paths never collide.
    /// </summary>
    public static string InlineSvg(string svg, string idPrefix, string label)
    {
        ArgumentNullException.ThrowIfNull(svg);
        string body = XmlDeclaration().Replace(svg, "").Trim();
        Match root = SvgRoot().Match(body);
        if (root.Success)
        {
            string width = root.Groups["w"].Value;
            string height = root.Groups["h"].Value;
            string attributes = SizeAttribute().Replace(root.Value, "");
            attributes = attributes.Insert(attributes.Length - 1, $" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Escape(label)}\"");
            body = string.Concat(attributes, body.AsSpan(root.Index + root.Length));
        }

        body = IdAttribute().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        return HrefReference().Replace(body, m => $"href=\"#{idPrefix}{m.Groups[1].Value}\"");
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"^<svg\b[^>]*?\bwidth=""(?<w>[0-9.]+)""[^>]*?\bheight=""(?<h>[0-9.]+)""[^>]*>")]
    private static partial Regex SvgRoot();

    [GeneratedRegex(@"\s(width|height)=""[0-9.]+""")]
    private static partial Regex SizeAttribute();

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"href=""#([^""]+)""")]
    private static partial Regex HrefReference();

    /// <summary>
    /// The fonts of monospace blocks (the scenario's header comments, the exact settings), first to last. The first
    /// ones have Vietnamese's precomposed letters (ố, ữ, ệ); a font without them (DejaVu Sans Mono, Menlo) draws ố as
    /// ô and a loose acute ("cô´định"), so none comes before the proportional DejaVu Sans, which has them all:
    /// a reader with no font of the list gets correct letters in a proportional face rather than broken ones.
    /// Debian: fonts-noto-mono (Noto Sans Mono), installed by .ci/install-browser.sh.
    /// </summary>
    public const string MonospaceFonts = "\"Noto Sans Mono\", \"Noto Mono\", \"Cascadia Mono\", Consolas, \"DejaVu Sans\", sans-serif";

    private const string Css = """
        :root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --warn: #8a1c00; --warnbg: #fff3e6; --ok: #1d5e20; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fafafa; font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; font-size: 15px; line-height: 1.45; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
        h1 { font-size: 1.7em; margin: 0 0 4px; }
        h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; padding-bottom: 3px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.08em; margin: 1.2em 0 0.4em; }
        p.sub { color: var(--muted); margin: 0 0 1em; }
        section.warnings { border: 2px solid var(--warn); background: var(--warnbg); padding: 6px 18px 10px; margin: 16px 0; }
        section.warnings h2 { color: var(--warn); border: none; margin-top: 0.4em; }
        section.warnings li { margin: 0.35em 0; }
        section.fine { border: 2px solid var(--ok); padding: 4px 18px; margin: 16px 0; color: var(--ok); }
        section.answer p { font-size: 1.05em; }
        section.answer p.lead { font-size: 1.15em; margin: 0.5em 0 0.4em; }
        section.answer table { font-size: 1em; }
        p.changes { margin: 0 0 0.6em; }
        details { margin: 0.3em 0; }
        details > summary { cursor: pointer; }
        section.warnings details ul { margin: 0.3em 0; }
        details.exact table, details.exact p { font-size: 0.9em; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; margin: 6px 0 14px; font-size: 0.92em; }
        p.caption { color: var(--muted); font-size: 0.9em; margin: 4px 0 4px; max-width: 900px; }
        th, td { border-bottom: 1px solid var(--line); padding: 3px 9px; vertical-align: top; }
        thead th { border-bottom: 2px solid #999; text-align: right; vertical-align: bottom; }
        thead th.t { text-align: left; }
        td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.group th { text-align: left; background: #f0f0f0; font-weight: bold; }
        tr.warm td { color: #888; }
        tr.bad td, tr.key td { font-weight: bold; }
        tr.bad td { color: var(--warn); }
        figure { margin: 18px 0 26px; break-inside: avoid; page-break-inside: avoid; }
        figure svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); }
        figcaption { color: var(--muted); font-size: 0.9em; margin-top: 4px; }
        .side { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; border: 1px solid var(--line); padding: 10px 12px; font-size: 0.85em; font-family: "Noto Sans Mono", "Noto Mono", "Cascadia Mono", Consolas, "DejaVu Sans", sans-serif; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; font-size: 0.92em; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; font-family: "Noto Sans Mono", "Noto Mono", "Cascadia Mono", Consolas, "DejaVu Sans", sans-serif; font-size: 0.92em; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { background: #fff; font-size: 9.5pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          section.warnings, section.fine { break-inside: avoid; }
          details > summary { list-style: none; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          .table { overflow: visible; }
          table { font-size: 8.5pt; }
          .side { display: block; }
          figure svg { border: none; }
        }

        """;
}
