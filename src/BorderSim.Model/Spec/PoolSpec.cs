using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Spec;

/// <summary>
/// A pool of <paramref name="Units"/> units that trucks must hold over one or more stages on top of those
/// stages' servers: the dedicated team of hand-over drivers who take trucks over the line and come back
/// empty-handed, the automated guided vehicles of a smart gate. A unit works to <paramref name="Calendar"/>
/// (null = always; a unit still with a truck at closing finishes its trip) and, once a truck lets it go,
/// is busy for <paramref name="ReturnHours"/> more (the walk or drive back; null = at once).
/// </summary>
public sealed record PoolSpec(string Name, int Units, string? Calendar, Distribution? ReturnHours);

/// <summary>
/// A stage's use of a pool: a truck takes a unit of <paramref name="Pool"/> before it asks for the stage's
/// server, and keeps it until it takes its place at the stage after <paramref name="Through"/> (this stage or
/// a later one of the same direction), or leaves.
/// </summary>
public sealed record PoolUseSpec(string Pool, string Through);
