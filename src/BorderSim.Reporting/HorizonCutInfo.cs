using System.Globalization;
using System.Text.Json.Serialization;
using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>
/// One dated event of a scenario that the run's horizon ends before it ends, in run.json (<c>horizon_cuts</c>): what
/// it is, its dates, whether the run cut it off or never reached it, and the <c>--days</c> that sees it through.
/// </summary>
public sealed record HorizonCutInfo(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("where")] string Where,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? To,
    [property: JsonPropertyName("cut")] string Cut,
    [property: JsonPropertyName("run_last_day")] string RunLastDay,
    [property: JsonPropertyName("days_to_see_it")] int DaysToSeeIt,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>The cuts as run.json writes them (an empty list: the run sees every dated event through).</summary>
    public static IReadOnlyList<HorizonCutInfo> Of(IEnumerable<HorizonCut> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        return [.. cuts.Select(c => new HorizonCutInfo(
            c.Event,
            c.Name,
            c.Where,
            c.From.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            c.To?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            c.Kind == HorizonCutKind.CutOff ? "cut_off" : "not_reached",
            c.RunLastDay.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            c.DaysToSeeIt,
            c.Describe()))];
    }
}
