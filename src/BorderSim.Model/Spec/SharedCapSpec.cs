using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// One daily allowance shared by several checks (what the other side accepts across a province's gates in a day):
/// trucks that start service at any of <paramref name="Stages"/> draw from <paramref name="TrucksPerDay"/>, counted
/// in local days of <paramref name="TimeZone"/> (null: the scenario's). Once it is spent, every spanned check holds
/// its trucks until the next local midnight, as its own clearance cap would.
/// </summary>
/// <param name="Name">Name of the shared cap, shown in the load check.</param>
/// <param name="Stages">The checks it spans, by name, at least two.</param>
/// <param name="TrucksPerDay">Trucks a local day over all spanned checks: fixed or drawn each day.</param>
/// <param name="TimeZone">Zone of the local days it counts in; null = the scenario's.</param>
public sealed record SharedCapSpec(string Name, IReadOnlyList<string> Stages, TrucksPerDayRange TrucksPerDay, DateTimeZone? TimeZone);
