namespace BorderSim.Model.Experiments;

/// <summary>
/// MSER-5 warm-up detection (White, 1997; Franklin and White, 2008): batch a series into means of 5,
/// then truncate the d batches that minimise the marginal standard error
/// MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (m − d)², searching d over the first half only.
/// </summary>
public static class Mser
{
    public const int BatchSize = 5;

    /// <summary>The number of leading samples to discard.</summary>
    public static int TruncationPoint(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var batches = series.Count / BatchSize;
        if (batches < 4)
        {
            return 0;
        }

        var means = new double[batches];
        for (var j = 0; j < batches; j++)
        {
            double sum = 0;
            for (var k = 0; k < BatchSize; k++)
            {
                sum += series[(j * BatchSize) + k];
            }

            means[j] = sum / BatchSize;
        }

        // Suffix sums let each candidate d be scored in O(1).
        var suffixSum = new double[batches + 1];
        var suffixSquares = new double[batches + 1];
        for (var j = batches - 1; j >= 0; j--)
        {
            suffixSum[j] = suffixSum[j + 1] + means[j];
            suffixSquares[j] = suffixSquares[j + 1] + (means[j] * means[j]);
        }

        var best = 0;
        var bestScore = double.PositiveInfinity;
        for (var d = 0; d <= batches / 2; d++)
        {
            var n = batches - d;
            var mean = suffixSum[d] / n;
            var squaredDeviations = Math.Max(0, suffixSquares[d] - (n * mean * mean));
            var score = squaredDeviations / ((double)n * n);
            if (score < bestScore - 1e-12)
            {
                bestScore = score;
                best = d;
            }
        }

        return best * BatchSize;
    }
}
