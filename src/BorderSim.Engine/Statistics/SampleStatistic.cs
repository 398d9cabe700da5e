namespace BorderSim.Engine.Statistics;

/// <summary>
/// Statistics of individual observations (waits, times in system): count, mean and variance
/// (Welford's online update), minimum, maximum, and quantiles from a <see cref="QuantileSketch"/>,
/// all in bounded memory.
/// </summary>
public sealed class SampleStatistic
{
    private double _mean;
    private double _sumOfSquaredDeviations;

    public SampleStatistic(double relativeAccuracy = 0.005)
    {
        Quantiles = new QuantileSketch(relativeAccuracy);
        Reset();
    }

    public long Count { get; private set; }

    public double Mean => Count > 0 ? _mean : double.NaN;

    /// <summary>Sample variance (n − 1 in the denominator).</summary>
    public double Variance => Count > 1 ? _sumOfSquaredDeviations / (Count - 1) : 0;

    public double StandardDeviation => Math.Sqrt(Variance);

    public double Min { get; private set; }

    public double Max { get; private set; }

    public double Sum { get; private set; }

    public QuantileSketch Quantiles { get; }

    /// <summary>
    /// Counts <paramref name="value"/> in every statistic, quantiles included, whatever its sign (a sample left
    /// out of the quantiles would bias them without a word). A value that is not a finite number is a bug
    /// in the caller and is refused before anything changes.
    /// </summary>
    public void Add(double value)
    {
        Quantiles.Add(value); // throws for NaN or ±∞ before the moments change
        Count++;
        Sum += value;
        var delta = value - _mean;
        _mean += delta / Count;
        _sumOfSquaredDeviations += delta * (value - _mean);
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    public double Quantile(double probability) => Quantiles.Quantile(probability);

    public void Reset()
    {
        Count = 0;
        Sum = 0;
        _mean = 0;
        _sumOfSquaredDeviations = 0;
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
        Quantiles.Clear();
    }
}
