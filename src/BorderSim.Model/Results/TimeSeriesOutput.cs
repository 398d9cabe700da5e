using BorderSim.Model.Spec;

namespace BorderSim.Model.Results;

/// <summary>
/// The step of the time series a run writes (timeseries.csv, timeseries.parquet, the workbook's sheet) and the
/// series at that step. The model samples every <c>timeseries_step</c> (15 min unless the scenario sets it), and
/// every metric, plot and comparison with observations uses all of those samples. The files take every k-th
/// sample, so that a long run writes about as many rows as a short one: the finest of the
/// <see cref="ReadableStepsMinutes"/> that is a multiple of the sampling step and keeps each series at
/// <see cref="MaxSamplesPerSeries"/> samples or fewer (15 min up to 26 days, 30 min up to 52, 1 h up to 104, 2 h
/// up to 208, 3 h up to 312, 6 h up to 624, then 12 h and 1 d). A written sample is the sample itself: the same numbers as at the finer step, fewer rows.
/// A scenario that sets <c>timeseries_step</c> gets every sample at its own step.
/// </summary>
public static class TimeSeriesOutput
{
    /// <summary>Most samples of one series the files get by default: 26 days at 15 min.</summary>
    public const int MaxSamplesPerSeries = 2_500;

    /// <summary>The steps a default is chosen from, in minutes: 15 min, 30 min, 1 h, 2 h, 3 h, 6 h, 12 h, 1 d.</summary>
    public static readonly IReadOnlyList<int> ReadableStepsMinutes = [15, 30, 60, 120, 180, 360, 720, 1440];

    /// <summary>Samples of one series over <paramref name="days"/> at <paramref name="stepMinutes"/>: one at 0, then one per whole step.</summary>
    public static long SamplesPerSeries(int days, double stepMinutes) => (long)Math.Floor((days * 24.0 * 60.0 / stepMinutes) + 1e-9) + 1;

    /// <summary>The step of the written series, in minutes.</summary>
    public static double StepMinutes(ScenarioSpec scenario) => scenario.TimeseriesStepMinutes * Stride(scenario);

    /// <summary>Every how many samples a sample is written (1: every one).</summary>
    public static int Stride(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double sampling = scenario.TimeseriesStepMinutes;
        if (scenario.IsTimeseriesStepSet || SamplesPerSeries(scenario.Days, sampling) <= MaxSamplesPerSeries)
        {
            return 1;
        }

        int stride = 1;
        foreach (int step in ReadableStepsMinutes)
        {
            double ratio = step / sampling;
            if (ratio < 1 || Math.Abs(ratio - Math.Round(ratio)) > 1e-9)
            {
                continue;
            }

            stride = (int)Math.Round(ratio);
            if (SamplesPerSeries(scenario.Days, step) <= MaxSamplesPerSeries)
            {
                break;
            }
        }

        return stride;
    }

    /// <summary>The run's series at the written step: every <see cref="Stride"/>-th sample, values unchanged.</summary>
    public static IReadOnlyList<SeriesSummary> Of(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int stride = Stride(result.Scenario);
        return stride == 1 ? result.TimeSeries : [.. result.TimeSeries.Select(s => Every(s, stride))];
    }

    private static SeriesSummary Every(SeriesSummary s, int stride) =>
        s with
        {
            StepHours = s.StepHours * stride,
            Mean = Every(s.Mean, stride),
            Lower = Every(s.Lower, stride),
            Upper = Every(s.Upper, stride),
        };

    private static double[] Every(double[] values, int stride)
    {
        if (values.Length == 0)
        {
            return [];
        }

        var kept = new double[((values.Length - 1) / stride) + 1];
        for (int i = 0; i < kept.Length; i++)
        {
            kept[i] = values[i * stride];
        }

        return kept;
    }
}
