using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Spec;

/// <summary>
/// A cargo class (fruit, cold chain, electronic parts, general, empty).
/// </summary>
/// <param name="Name">Key used elsewhere (<c>fruit</c>).</param>
/// <param name="Share">Default share of a direction's trucks (directions may override).</param>
/// <param name="ShelfLifeHours">Perishable goods: hours from arrival after which the load is past shelf life; null = not perishable.</param>
/// <param name="Tonnes">Tonnes carried per truck.</param>
/// <param name="DelayCostUsdPerHour">Value of delay per truck-hour of waiting.</param>
/// <param name="PatienceHours">Hours a truck waits before its first check starts before giving up (turned back to the domestic market); null = never gives up.</param>
public sealed record CargoClassSpec(
    string Name,
    double Share,
    double? ShelfLifeHours,
    double Tonnes,
    double DelayCostUsdPerHour,
    Distribution? PatienceHours)
{
    /// <summary>The implicit class of trucks returning empty.</summary>
    public const string EmptyClassName = "empty";
}
