using BorderSim.Model.Results;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// A backlog over time, for a run that starts with one or covers a network of gates: the trucks in the system in each
/// direction and over the whole network (every gate and direction), and the oldest wait of a truck still in the system,
/// each a mean line over the 5th–95th percentile band of the replications.
/// </summary>
public static class BacklogPlots
{
    public const string BacklogFile = "backlog_over_time";
    public const string OldestWaitFile = "oldest_wait_over_time";

    /// <summary>Whether a run gets these plots: a starting backlog, or more than two directions (a network of gates).</summary>
    public static bool IsDrawn(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return BacklogAnswer.HasStartingBacklog(result.Scenario) || result.Scenario.Directions.Count > 2;
    }

    /// <summary>Trucks in the system per direction and over the whole network; null when not drawn.</summary>
    public static Plot? BacklogOverTimePlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        bool network = result.Scenario.Directions.Count > 1;
        List<SeriesSummary> series = [.. result.TimeSeries.Where(s => (network && s.Name == "network_in_system_trucks") || (s.Name == "in_system_trucks" && s.CargoClass.Length == 0))];
        return !IsDrawn(result) || series.Count == 0 ? null : Plots.BandPlot(
            result,
            series,
            // Name the network only where it is drawn; a long title is clipped at the sides of the image.
            $"{lang.Title(result.Scenario)}: " + (network
                ? lang.Say("trucks in the system, per direction and network", "số xe trong hệ thống, theo chiều và toàn mạng")
                : lang.Say("trucks in the system (the backlog)", "số xe trong hệ thống (xe tồn)")),
            lang.Say("trucks in the system", "số xe trong hệ thống"),
            lang);
    }

    /// <summary>The oldest wait of a truck still in the system, per direction and over the whole network; null when not drawn.</summary>
    public static Plot? OldestWaitPlot(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        bool network = result.Scenario.Directions.Count > 1;
        List<SeriesSummary> series = [.. result.TimeSeries.Where(s => s.Name == "oldest_wait_hours" || (network && s.Name == "network_oldest_wait_hours"))];
        return !IsDrawn(result) || series.Count == 0 ? null : Plots.BandPlot(
            result,
            series,
            $"{lang.Title(result.Scenario)}: " + lang.Say("oldest wait of a truck still in the system", "thời gian chờ lâu nhất của xe còn tồn"),
            lang.Say("oldest wait (hours)", "thời gian chờ lâu nhất (giờ)"),
            lang);
    }
}
