using MathNet.Numerics.Distributions;

namespace BorderSim.Engine.Tests.Validation;

/// <summary>
/// A confidence interval from the method of batch means: one long run cut into batches long enough
/// to be nearly independent, their means treated as a sample (Law, Simulation Modeling and
/// Analysis, 5th ed., §9.5.3). Student t with batches − 1 degrees of freedom.
/// </summary>
internal readonly record struct BatchMeans(double Mean, double HalfWidth, int Batches)
{
    public static BatchMeans Of(IReadOnlyList<double> batchMeans, double confidence)
    {
        var count = batchMeans.Count;
        if (count < 2)
        {
            throw new ArgumentException("batch means need at least two batches", nameof(batchMeans));
        }

        var mean = batchMeans.Average();
        var variance = batchMeans.Sum(m => (m - mean) * (m - mean)) / (count - 1);
        var t = StudentT.InvCDF(0, 1, count - 1, 1 - ((1 - confidence) / 2));
        return new BatchMeans(mean, t * Math.Sqrt(variance / count), count);
    }

    public override string ToString() => $"{Mean:G5} ± {HalfWidth:G3} ({Batches} batches)";
}
