using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;

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
    public static (IReadOnlyList<HorizonCut> Cuts, IReadOnlyList<string> Lines) Of(string file, ScenarioSpec effective, ISet<string>? said = null)
    {
        IReadOnlyList<HorizonCut> cuts = HorizonCheck.CutsOf(effective);
        string[] lines = [.. cuts.Select(c => $"{file}: warning: {c.Describe()}").Where(line => said?.Add(line) ?? true)];
        return (cuts, lines);
    }
}
