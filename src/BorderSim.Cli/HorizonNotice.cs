using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;

namespace BorderSim.Cli;

/// <summary>
/// What every verb says before it runs when its --days ends the run before a dated event of the scenario ends
/// (<see cref="HorizonCheck"/>): one warning a line on stderr, <c>FILE: warning: the run ends on …</c>. The exit code
/// is unchanged; report.html and run.json carry the same events.
/// </summary>
public static class HorizonNotice
{
    /// <summary>
    /// Prints the cuts of <paramref name="effective"/> (the scenario as it will run, after --days) and returns them; a line
    /// already in <paramref name="said"/> is not printed again (a batch or search runs one file many times).
    /// </summary>
    public static IReadOnlyList<HorizonCut> Print(string file, ScenarioSpec effective, CliContext context, ISet<string>? said = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        (IReadOnlyList<HorizonCut> cuts, IReadOnlyList<string> lines) = HorizonLines.Of(file, effective, said, context.Language);
        foreach (string line in lines)
        {
            context.Error.WriteLine(line);
        }

        return cuts;
    }
}
