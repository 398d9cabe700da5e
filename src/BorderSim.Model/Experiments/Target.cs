using System.Globalization;

namespace BorderSim.Model.Experiments;

/// <summary>
/// A requirement on one metric of summary.csv, <c>METRIC&lt;=VALUE</c> or <c>METRIC&gt;=VALUE</c>
/// (e.g. <c>wait_hours_mean/inbound/all&lt;=0.2</c>), judged on the metric's mean over replications.
/// </summary>
public sealed record Target(string MetricId, bool IsAtMost, double Value)
{
    public string Operator => IsAtMost ? "<=" : ">=";

    /// <summary>Whether <paramref name="value"/> meets the target; NaN (no observation) does not.</summary>
    public bool IsMetBy(double value) => IsAtMost ? value <= Value : value >= Value;

    /// <summary>How far <paramref name="value"/> is on the wrong side of the target (positive = missed).</summary>
    public double ShortfallOf(double value) => IsAtMost ? value - Value : Value - value;

    public override string ToString() => MetricId + Operator + Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <paramref name="text"/>; on a mistake returns false with a message naming what was expected.
    /// The metric id is checked against <paramref name="knownMetricIds"/> (did-you-mean on a near miss).
    /// </summary>
    public static bool TryParse(string text, IReadOnlyCollection<string> knownMetricIds, out Target? target, out string error)
    {
        ArgumentNullException.ThrowIfNull(knownMetricIds);
        target = null;
        error = "";
        text ??= "";
        var at = text.IndexOf("<=", StringComparison.Ordinal);
        var isAtMost = true;
        if (at < 0)
        {
            at = text.IndexOf(">=", StringComparison.Ordinal);
            isAtMost = false;
        }

        if (at <= 0)
        {
            error = $"--target '{text}': expected METRIC<=VALUE or METRIC>=VALUE, e.g. wait_hours_mean/export/all<=4";
            return false;
        }

        var metric = text[..at].Trim();
        var valueText = text[(at + 2)..].Trim();
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            error = $"--target '{text}': '{valueText}' is not a number; write e.g. {metric}{(isAtMost ? "<=" : ">=")}0.2";
            return false;
        }

        if (!knownMetricIds.Contains(metric))
        {
            var near = knownMetricIds.OrderBy(id => Distance(id, metric)).ThenBy(id => id, StringComparer.Ordinal).First();
            var sameName = knownMetricIds.Where(id => id.Split('/')[0] == metric.Split('/')[0]).Take(6).ToList();
            var hint = sameName.Count > 0 && !sameName.Contains(near)
                ? $"ids of {metric.Split('/')[0]}: {string.Join(", ", sameName)}"
                : $"did you mean '{near}'?";
            error = $"--target '{text}': the scenario has no metric '{metric}'; {hint} (ids as in summary.csv's metric column: name/direction/class/stage)";
            return false;
        }

        target = new Target(metric, isAtMost, value);
        return true;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
