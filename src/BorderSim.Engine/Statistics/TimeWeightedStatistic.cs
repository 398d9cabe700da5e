namespace BorderSim.Engine.Statistics;

/// <summary>
/// Mean, variance, minimum and maximum of a piecewise-constant quantity over time (queue length,
/// trucks in a yard, busy servers), in constant memory.
/// </summary>
public sealed class TimeWeightedStatistic
{
    private double _startHours;
    private double _lastHours;
    private double _area;
    private double _areaOfSquares;

    public TimeWeightedStatistic(double startHours = 0, double initialValue = 0)
    {
        Reset(startHours, initialValue);
    }

    /// <summary>The value now.</summary>
    public double Current { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    /// <summary>Records that the quantity has value <paramref name="value"/> from <paramref name="atHours"/> on.</summary>
    public void Observe(double atHours, double value)
    {
        if (atHours < _lastHours)
        {
            throw new ArgumentOutOfRangeException(nameof(atHours), atHours, $"observations must not go back in time (last at {_lastHours} h)");
        }

        var span = atHours - _lastHours;
        _area += Current * span;
        _areaOfSquares += Current * Current * span;
        _lastHours = atHours;
        Current = value;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the current value at <paramref name="atHours"/>.</summary>
    public void Add(double atHours, double delta) => Observe(atHours, Current + delta);

    /// <summary>Forgets the past (end of a warm-up), keeping the current value.</summary>
    public void Reset(double atHours) => Reset(atHours, Current);

    public void Reset(double atHours, double value)
    {
        _startHours = atHours;
        _lastHours = atHours;
        _area = 0;
        _areaOfSquares = 0;
        Current = value;
        Min = value;
        Max = value;
    }

    /// <summary>Time average from the start (or last reset) to <paramref name="untilHours"/>.</summary>
    public double Mean(double untilHours)
    {
        var duration = untilHours - _startHours;
        return duration > 0 ? (_area + (Current * (untilHours - _lastHours))) / duration : Current;
    }

    /// <summary>Time-weighted variance up to <paramref name="untilHours"/>.</summary>
    public double Variance(double untilHours)
    {
        var duration = untilHours - _startHours;
        if (!(duration > 0))
        {
            return 0;
        }

        var tail = untilHours - _lastHours;
        var mean = (_area + (Current * tail)) / duration;
        var meanOfSquares = (_areaOfSquares + (Current * Current * tail)) / duration;
        return Math.Max(0, meanOfSquares - (mean * mean));
    }

    /// <summary>The integral of the value over time up to <paramref name="untilHours"/> (e.g. truck-hours).</summary>
    public double Integral(double untilHours) => _area + (Current * (untilHours - _lastHours));
}
