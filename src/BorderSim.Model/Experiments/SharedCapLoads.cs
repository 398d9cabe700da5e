using BorderSim.Model.Crossing;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The load check's lines for caps shared by several checks: for each shared cap, one line per direction that has a
/// spanned check, named "shared cap NAME", with the demand of every spanned direction together against the cap's
/// trucks a day (the mean of a drawn range). Every spanned direction is held back once the total reaches the cap.
/// </summary>
internal static class SharedCapLoads
{
    /// <summary>Prefix of the stage name of a shared cap's line in the check ("shared cap cn_acceptance").</summary>
    public const string Prefix = "shared cap ";

    /// <param name="model">The compiled model, asked which checks each shared cap spans.</param>
    /// <param name="demand">Trucks a day by direction index, then class index, reaching each direction.</param>
    public static IEnumerable<StageLoad> For(CrossingModel model, double[][] demand)
    {
        foreach (var cap in model.SharedCaps)
        {
            var spanned = model.Directions.Where(d => d.Stages.Any(s => s.SharedCap == cap)).ToList();
            var total = spanned.Sum(d => demand[d.Index].Sum());
            foreach (var direction in spanned)
            {
                yield return new StageLoad(direction.Name, Prefix + cap.Name, total, cap.MeanTrucksPerDay);
            }
        }
    }
}
