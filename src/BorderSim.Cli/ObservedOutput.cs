using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary><c>run</c>'s comparison with a scenario's observations: observed.csv in the output session, and the short table.</summary>
internal static class ObservedOutput
{
    /// <summary>The comparison, or null when the scenario has no observations.</summary>
    public static ObservationComparison? For(ExperimentResult result) =>
        result.Scenario.Observations.Count == 0 ? null : ObservationComparison.Compare(result);

    /// <summary>Writes observed.csv (a temp file renamed into place, as every output of the session).</summary>
    public static void Write(ObservationComparison? comparison, OutputSession session)
    {
        if (comparison is not null)
        {
            session.WriteText(ObservedCsv.FileName, w => ObservedCsv.Write(comparison, w));
        }
    }

    /// <summary>The table on stdout after the summary; with CSV on stdout, only its last line, on stderr.</summary>
    public static void Print(ObservationComparison? comparison, CliContext context, bool printCsv, ReportLanguage language)
    {
        if (comparison is null)
        {
            return;
        }

        if (printCsv)
        {
            context.Error.WriteLine(ObservedTable.Summary(comparison, language).Trim());
        }
        else
        {
            ObservedTable.Write(comparison, context.Out, language);
        }
    }
}
