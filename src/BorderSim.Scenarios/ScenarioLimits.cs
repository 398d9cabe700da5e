namespace BorderSim.Scenarios;

/// <summary>
/// The bounds on what a scenario may ask for, in one place so the YAML validator, the command-line options
/// and the README agree. Each keeps a run's dates, memory and time finite; none is close to a real crossing.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Longest run, in days (about 100 years): the clock's dates stay far inside NodaTime's range.</summary>
    public const int MaxDays = 36_600;
}
