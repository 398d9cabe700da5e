namespace BorderSim.Engine.Statistics;

/// <summary>
/// Quantiles of observations in bounded memory with a guaranteed relative error (the DDSketch idea:
/// Masson, Rim and Lee, VLDB 2019). Buckets are geometric with ratio γ = (1+α)/(1−α); any quantile is
/// returned within relative error α of an observed value of that rank. Negative values are kept in a
/// mirrored store of their magnitudes, as in the paper, so every observation counts; magnitudes below
/// <see cref="MinTrackedValue"/> count as zero. Sketches merge exactly, so quantiles pooled over
/// replications are as accurate as those of one.
/// </summary>
public sealed class QuantileSketch
{
    public const double MinTrackedValue = 1e-9;
    private const int MaxBuckets = 8192;

    private readonly double _logGamma;
    private readonly double _gamma;
    private readonly Buckets _positive = new();
    private readonly Buckets _negative = new();
    private long _zeroCount;

    public QuantileSketch(double relativeAccuracy = 0.005)
    {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeAccuracy), relativeAccuracy, "relative accuracy must be in (0, 1)");
        }

        RelativeAccuracy = relativeAccuracy;
        _gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        _logGamma = Math.Log(_gamma);
    }

    public double RelativeAccuracy { get; }

    public long Count { get; private set; }

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "the sketch takes finite numbers");
        }

        var magnitude = Math.Abs(value);
        if (magnitude < MinTrackedValue)
        {
            _zeroCount++;
        }
        else
        {
            (value > 0 ? _positive : _negative).Add((int)Math.Ceiling(Math.Log(magnitude) / _logGamma), RelativeAccuracy);
        }

        Count++;
    }

    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RelativeAccuracy != RelativeAccuracy)
        {
            throw new ArgumentException("sketches of different accuracy cannot be merged", nameof(other));
        }

        Count += other.Count;
        _zeroCount += other._zeroCount;
        _positive.Merge(other._positive, RelativeAccuracy);
        _negative.Merge(other._negative, RelativeAccuracy);
    }

    /// <summary>The <paramref name="probability"/>-quantile (0.5 for the median), NaN when empty.</summary>
    public double Quantile(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a quantile's probability is in [0, 1]");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        // Rank of the wanted observation, 0-based, as in the "lower" quantile definition. Negatives come
        // first, largest magnitude first; then zeros; then positives, smallest first.
        var rank = (long)Math.Floor(probability * (Count - 1));
        if (rank < _negative.Total)
        {
            return -Representative(_negative.IndexOfRank(_negative.Total - 1 - rank));
        }

        rank -= _negative.Total;
        return rank < _zeroCount ? 0 : Representative(_positive.IndexOfRank(rank - _zeroCount));
    }

    public void Clear()
    {
        _positive.Clear();
        _negative.Clear();
        _zeroCount = 0;
        Count = 0;
    }

    // The bucket (γ^(k−1), γ^k] is represented by the point with equal relative error to both ends.
    private double Representative(int index) => 2 * Math.Pow(_gamma, index) / (_gamma + 1);

    /// <summary>Counts of magnitudes per bucket index k, for buckets (γ^(k−1), γ^k].</summary>
    private sealed class Buckets
    {
        private long[] _counts = [];
        private int _offset;

        public long Total { get; private set; }

        public void Add(int index, double relativeAccuracy)
        {
            EnsureIndex(index, relativeAccuracy);
            _counts[index - _offset]++;
            Total++;
        }

        public void Merge(Buckets other, double relativeAccuracy)
        {
            for (var i = 0; i < other._counts.Length; i++)
            {
                if (other._counts[i] != 0)
                {
                    var index = i + other._offset;
                    EnsureIndex(index, relativeAccuracy);
                    _counts[index - _offset] += other._counts[i];
                }
            }

            Total += other.Total;
        }

        /// <summary>The bucket index of the magnitude of 0-based <paramref name="rank"/>, smallest first.</summary>
        public int IndexOfRank(long rank)
        {
            long seen = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen > rank)
                {
                    return i + _offset;
                }
            }

            return _counts.Length - 1 + _offset;
        }

        public void Clear()
        {
            Array.Clear(_counts);
            Total = 0;
        }

        private void EnsureIndex(int index, double relativeAccuracy)
        {
            if (_counts.Length == 0)
            {
                _counts = new long[64];
                _offset = index - 32;
                return;
            }

            var low = Math.Min(_offset, index);
            var high = Math.Max(_offset + _counts.Length - 1, index);
            if (low == _offset && high == _offset + _counts.Length - 1)
            {
                return;
            }

            var length = high - low + 1;
            if (length > MaxBuckets)
            {
                throw new InvalidOperationException($"values span more than {MaxBuckets} buckets; the sketch covers about {MaxBuckets * relativeAccuracy * 2:0} orders of e");
            }

            var newLength = Math.Min(MaxBuckets, Math.Max(length + 32, _counts.Length * 2));
            var newOffset = index < _offset ? high - newLength + 1 : low;
            var counts = new long[newLength];
            Array.Copy(_counts, 0, counts, _offset - newOffset, _counts.Length);
            _counts = counts;
            _offset = newOffset;
        }
    }
}
