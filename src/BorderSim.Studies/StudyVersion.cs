using BorderSim.Reporting;

namespace BorderSim.Studies;

/// <summary>
/// The one version of BorderSim: printed by --version, written to run.json and report.html, part of every run's key
/// and of a baseline's header. Every assembly of a build carries the same informational version (Directory.Build.props).
/// </summary>
public static class StudyVersion
{
    /// <summary>"0.1.0+&lt;commit&gt;" as the build stamped it.</summary>
    public static string Current { get; } = RunInfo.VersionOf(typeof(StudyVersion).Assembly);
}
