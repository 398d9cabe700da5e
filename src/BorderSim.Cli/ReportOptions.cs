using System.CommandLine;
using System.CommandLine.Parsing;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>--lang en|vi (report.html, console tables, plot labels) and --no-report, shared by run, compare, batch, capacity and optimize.</summary>
public sealed class ReportOptions
{
    public required Option<string> Language { get; init; }

    public required Option<bool> NoReport { get; init; }

    /// <summary>Null for a verb that writes no workbook (batch).</summary>
    public Option<bool>? NoWorkbook { get; init; }

    /// <param name="workbook">Whether the verb writes results.xlsx (run, compare), so that --no-xlsx is offered.</param>
    public static ReportOptions Create(bool workbook = false) => new()
    {
        NoWorkbook = workbook ? new Option<bool>("--no-xlsx") { Description = "Do not write results.xlsx" } : null,
        Language = CreateLanguage("Language of report.html, results.xlsx, the plot labels and what is printed (tables, progress, errors): en (English) or vi (tiếng Việt); CSV files are the same in both"),
        NoReport = new Option<bool>("--no-report") { Description = "Do not write report.html" },
    };

    /// <summary>--lang alone, for a verb that writes no report (regress, merge): what it prints.</summary>
    public static Option<string> CreateLanguage(string description) => new Option<string>("--lang")
    {
        Description = description,
        DefaultValueFactory = _ => "en",
        HelpName = "en|vi",
    }.AcceptOnlyFromAmong([.. ReportLanguage.Codes]);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Language);
        command.Options.Add(NoReport);
        if (NoWorkbook is not null)
        {
            command.Options.Add(NoWorkbook);
        }
    }

    public bool ReadWriteWorkbook(ParseResult parseResult) => NoWorkbook is not null && !parseResult.GetValue(NoWorkbook);

    public ReportLanguage ReadLanguage(ParseResult parseResult) => ReportLanguage.FromCode(parseResult.GetValue(Language));

    /// <summary>
    /// The language the command line asks for, read before its options are (a parse error, a malformed --set): the
    /// invoked verb's --lang as typed; English when it has none or the value is not one of <see cref="ReportLanguage.Codes"/>.
    /// </summary>
    public static ReportLanguage LanguageOf(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        OptionResult? lang = parseResult.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o.Option.Name == "--lang");
        return ReportLanguage.FromCode(lang?.Tokens.FirstOrDefault()?.Value);
    }

    public bool ReadWriteReport(ParseResult parseResult) => !parseResult.GetValue(NoReport);
}
