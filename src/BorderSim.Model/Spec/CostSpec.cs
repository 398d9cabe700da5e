namespace BorderSim.Model.Spec;

/// <summary>
/// What running the crossing costs, in USD, beside the delay cost of the trucks (per class, per truck-hour):
/// each road lane of each direction per day, each check server (booth, team) per hour its calendar has it open,
/// and each calendar per hour it is open. Together they make the metric <c>cost_usd_per_day</c>.
/// </summary>
public sealed record CostSpec(double LaneUsdPerDay, double BoothUsdPerHour, double OpeningUsdPerHour);
