using MathNet.Numerics.Distributions;

namespace BorderSim.Engine.Randomness;

/// <summary>
/// A distribution of a non-negative quantity (a duration in hours, a count), sampled through
/// MathNet.Numerics from a caller's stream. Parameters are in the quantity's own unit.
/// </summary>
public abstract record Distribution
{
    public abstract double Mean { get; }

    public abstract double Sample(Random stream);

    /// <summary>The same distribution with every value multiplied by <paramref name="factor"/> (a change of unit).</summary>
    public abstract Distribution Scale(double factor);

    protected static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive number");
        }
    }

    protected static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a non-negative number");
        }
    }
}

/// <summary>Always the same value.</summary>
public sealed record Deterministic : Distribution
{
    public Deterministic(double value)
    {
        RequireNonNegative(value, nameof(value));
        Value = value;
    }

    public double Value { get; }

    public override double Mean => Value;

    public override double Sample(Random stream) => Value;

    public override Distribution Scale(double factor) => new Deterministic(Value * factor);

    public override string ToString() => $"fixed({Value})";
}

/// <summary>Exponential with the given mean (rate 1/mean).</summary>
public sealed record ExponentialDistribution : Distribution
{
    private readonly double _rate;

    public ExponentialDistribution(double mean)
    {
        RequirePositive(mean, nameof(mean));
        MeanValue = mean;
        _rate = 1 / mean;
    }

    public double MeanValue { get; }

    public override double Mean => MeanValue;

    public override double Sample(Random stream) => Exponential.Sample(stream, _rate);

    public override Distribution Scale(double factor) => new ExponentialDistribution(MeanValue * factor);

    public override string ToString() => $"exp({MeanValue})";
}

/// <summary>Lognormal given the mean and standard deviation of the value itself (not of its logarithm).</summary>
public sealed record LogNormalDistribution : Distribution
{
    private readonly double _mu;
    private readonly double _sigma;

    public LogNormalDistribution(double mean, double standardDeviation)
    {
        RequirePositive(mean, nameof(mean));
        RequirePositive(standardDeviation, nameof(standardDeviation));
        MeanValue = mean;
        StandardDeviation = standardDeviation;

        // σ² = ln(1 + s²/m²), μ = ln m − σ²/2 (moments of the lognormal).
        var variance = Math.Log(1 + (standardDeviation * standardDeviation / (mean * mean)));
        _sigma = Math.Sqrt(variance);
        _mu = Math.Log(mean) - (variance / 2);
    }

    public double MeanValue { get; }

    public double StandardDeviation { get; }

    public override double Mean => MeanValue;

    public override double Sample(Random stream) => LogNormal.Sample(stream, _mu, _sigma);

    public override Distribution Scale(double factor) => new LogNormalDistribution(MeanValue * factor, StandardDeviation * factor);

    public override string ToString() => $"lognormal({MeanValue}, {StandardDeviation})";
}

/// <summary>Gamma given its mean and standard deviation (shape m²/s², rate m/s²).</summary>
public sealed record GammaDistribution : Distribution
{
    private readonly double _shape;
    private readonly double _rate;

    public GammaDistribution(double mean, double standardDeviation)
    {
        RequirePositive(mean, nameof(mean));
        RequirePositive(standardDeviation, nameof(standardDeviation));
        MeanValue = mean;
        StandardDeviation = standardDeviation;
        _shape = mean * mean / (standardDeviation * standardDeviation);
        _rate = mean / (standardDeviation * standardDeviation);
    }

    public double MeanValue { get; }

    public double StandardDeviation { get; }

    public override double Mean => MeanValue;

    public override double Sample(Random stream) => Gamma.Sample(stream, _shape, _rate);

    public override Distribution Scale(double factor) => new GammaDistribution(MeanValue * factor, StandardDeviation * factor);

    public override string ToString() => $"gamma({MeanValue}, {StandardDeviation})";
}

/// <summary>Triangular between a minimum and a maximum with the given mode.</summary>
public sealed record TriangularDistribution : Distribution
{
    public TriangularDistribution(double min, double mode, double max)
    {
        RequireNonNegative(min, nameof(min));
        if (!(min <= mode && mode <= max && min < max))
        {
            throw new ArgumentException($"a triangular distribution needs min <= mode <= max and min < max (got {min}, {mode}, {max})");
        }

        Min = min;
        Mode = mode;
        Max = max;
    }

    public double Min { get; }

    public double Mode { get; }

    public double Max { get; }

    public override double Mean => (Min + Mode + Max) / 3;

    public override double Sample(Random stream) => Triangular.Sample(stream, Min, Max, Mode);

    public override Distribution Scale(double factor) => new TriangularDistribution(Min * factor, Mode * factor, Max * factor);

    public override string ToString() => $"tri({Min}, {Mode}, {Max})";
}

/// <summary>Uniform between a minimum and a maximum.</summary>
public sealed record UniformDistribution : Distribution
{
    public UniformDistribution(double min, double max)
    {
        RequireNonNegative(min, nameof(min));
        if (!(min < max) || double.IsInfinity(max))
        {
            throw new ArgumentException($"a uniform distribution needs min < max (got {min}, {max})");
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }

    public double Max { get; }

    public override double Mean => (Min + Max) / 2;

    public override double Sample(Random stream) => ContinuousUniform.Sample(stream, Min, Max);

    public override Distribution Scale(double factor) => new UniformDistribution(Min * factor, Max * factor);

    public override string ToString() => $"uniform({Min}, {Max})";
}

/// <summary>One of a table of values, each with a weight (an observed frequency).</summary>
public sealed record EmpiricalDistribution : Distribution
{
    private readonly double[] _values;
    private readonly double[] _weights;
    private readonly double[] _cumulative;

    public EmpiricalDistribution(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count == 0 || values.Count != weights.Count)
        {
            throw new ArgumentException("an empirical distribution needs as many weights as values, and at least one");
        }

        foreach (var value in values)
        {
            RequireNonNegative(value, "value");
        }

        foreach (var weight in weights)
        {
            RequireNonNegative(weight, "weight");
        }

        if (!(weights.Sum() > 0))
        {
            throw new ArgumentException("an empirical distribution needs a positive total weight");
        }

        _values = [.. values];
        _weights = [.. weights];
        _cumulative = new double[_weights.Length];
        double running = 0;
        for (var i = 0; i < _weights.Length; i++)
        {
            running += _weights[i];
            _cumulative[i] = running;
        }
    }

    public IReadOnlyList<double> Values => _values;

    public IReadOnlyList<double> Weights => _weights;

    public override double Mean
    {
        get
        {
            double total = 0, sum = 0;
            for (var i = 0; i < _values.Length; i++)
            {
                total += _weights[i];
                sum += _weights[i] * _values[i];
            }

            return sum / total;
        }
    }

    // Inverse transform on the cumulative weights; MathNet's Categorical.Sample rebuilds the CDF on every draw.
    public override double Sample(Random stream)
    {
        var u = stream.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, u);
        index = index >= 0 ? index + 1 : ~index;
        return _values[Math.Min(index, _values.Length - 1)];
    }

    public override Distribution Scale(double factor) => new EmpiricalDistribution([.. _values.Select(v => v * factor)], _weights);

    public override string ToString() => $"empirical({_values.Length} values)";
}
