using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;

namespace BorderSim.Studies;

/// <summary>
/// The warning lines for the dated events of a scenario that its --days ends before they end (<see cref="HorizonCheck"/>):
/// <c>FILE: warning: the run ends on …</c>, each once.
/// </summary>
public static class HorizonLines
{
    /// <summary>
    /// The cuts of <paramref name="effective"/> (the scenario as it will run, after --days) and the lines that say them;
    /// a line already in <paramref name="said"/> is left out (a batch or search runs one file many times).
    /// </summary>
    /// <param name="language">English (default): the cut as the model describes it; Vietnamese: as report.html says it, with the scenario's labels.</param>
    public static (IReadOnlyList<HorizonCut> Cuts, IReadOnlyList<string> Lines) Of(string file, ScenarioSpec effective, ISet<string>? said = null, ReportLanguage? language = null)
    {
        IReadOnlyList<HorizonCut> cuts = HorizonCheck.CutsOf(effective);
        string Line(HorizonCut c) => language is { IsVietnamese: true }
            ? $"{file}: {language.Say(Glossary.Warning)}: {HorizonText.Warnings([c], language.WithLabelsOf(effective)).Single()}"
            : $"{file}: warning: {c.Describe()}";
        string[] lines = [.. cuts.Select(Line).Where(line => said?.Add(line) ?? true)];
        return (cuts, lines);
    }
}
