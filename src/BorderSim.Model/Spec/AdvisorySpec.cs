using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// A dated advisory to drivers (the other side's acceptance about to stop, a long queue announced): nothing closes, but
/// from local midnight of <paramref name="From"/> a share of the trucks of <paramref name="Classes"/> already in line in
/// <paramref name="Direction"/> leaves (<see cref="Waiting"/>). Trucks arriving later are not concerned.
/// </summary>
/// <param name="Classes">The classes concerned; empty: every class.</param>
public sealed record AdvisorySpec(LocalDate From, string Direction, IReadOnlyList<string> Classes, WaitingReactionSpec Waiting, string Reason);
