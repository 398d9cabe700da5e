using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BorderSim.Engine.Randomness;

namespace BorderSim.Scenarios.Syntax;

/// <summary>
/// Distributions written as calls with units, as in <c>exp(10min)</c>, <c>lognormal(30min, 10min)</c>
/// (mean, sd), <c>gamma(2h, 1h)</c> (mean, sd), <c>tri(2h, 4h, 12h)</c> (min, mode, max),
/// <c>uniform(1h, 2h)</c>, <c>fixed(4min)</c>, <c>empirical(10min: 0.3, 20min: 0.7)</c>. The result is a
/// distribution of hours.
/// </summary>
internal static class DistributionSyntax
{
    /// <summary>Largest sd / mean of lognormal and gamma: at 10 the lognormal's sigma is 2.1 and its 99.99th percentile some 300 times the mean.</summary>
    public const double MaxCoefficientOfVariation = 10;

    public static readonly IReadOnlyList<string> Names = ["exp", "lognormal", "gamma", "tri", "uniform", "fixed", "empirical"];

    private static readonly string KnownNames = string.Join(", ", Names);

    private static readonly Dictionary<string, string> Usage = new(StringComparer.Ordinal)
    {
        ["exp"] = "exp(mean), e.g. exp(10min)",
        ["lognormal"] = "lognormal(mean, sd), e.g. lognormal(30min, 10min)",
        ["gamma"] = "gamma(mean, sd), e.g. gamma(2h, 1h)",
        ["tri"] = "tri(min, mode, max), e.g. tri(2h, 4h, 12h)",
        ["uniform"] = "uniform(min, max), e.g. uniform(1h, 2h)",
        ["fixed"] = "fixed(value), e.g. fixed(4min)",
        ["empirical"] = "empirical(value: weight, ...), e.g. empirical(10min: 0.3, 20min: 0.7)",
    };

    /// <summary>The advice to write a distribution as its usage says, in both languages (the usage itself is the file's syntax).</summary>
    private static Advice Write(string usage) =>
        new("write " + usage, "hãy viết " + usage.Replace(", e.g. ", ", ví dụ ", StringComparison.Ordinal));

    /// <summary>How a distribution is written, e.g. "exp(mean), e.g. exp(10min)".</summary>
    public static string UsageOf(string name) => Usage[name];

    public static bool TryParse(string text, [NotNullWhen(true)] out Distribution? distribution, [NotNullWhen(false)] out SyntaxError? error)
    {
        distribution = null;
        var trimmed = text.Trim();
        var open = trimmed.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !trimmed.EndsWith(')'))
        {
            var hint = Units.TryDurationHours(trimmed, out _, out _)
                ? $"a constant is written fixed({trimmed})"
                : "write a call such as exp(10min), lognormal(30min, 10min), tri(2h, 4h, 12h) or fixed(4min)";
            error = new SyntaxError($"expected a distribution, found '{trimmed}'", hint);
            return false;
        }

        var name = trimmed[..open].Trim();
        if (!Usage.TryGetValue(name, out var usage))
        {
            error = new SyntaxError($"unknown distribution '{name}'",
                (Advice?)DidYouMean.Hint(name, Names) ?? new Advice("known: " + KnownNames, "các phân phối hợp lệ: " + KnownNames));
            return false;
        }

        var inner = trimmed[(open + 1)..^1];
        var args = inner.Trim().Length == 0 ? [] : inner.Split(',').Select(a => a.Trim()).ToArray();
        if (name == "empirical")
        {
            return TryEmpirical(args, usage, out distribution, out error);
        }

        var expected = name switch { "exp" or "fixed" => 1, "tri" => 3, _ => 2 };
        if (args.Length != expected)
        {
            error = new SyntaxError($"{name} takes {expected} argument{(expected == 1 ? "" : "s")}, found {args.Length} in '{trimmed}'", Write(usage));
            return false;
        }

        var values = new double[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (!Units.TryDurationHours(args[i], out values[i], out var unitError))
            {
                error = new SyntaxError($"argument {i + 1} of {name}: {unitError.Message}", unitError.Hint ?? Write(usage));
                return false;
            }
        }

        error = name switch
        {
            "exp" when values[0] <= 0 => new SyntaxError("the mean of exp must be positive", Write(usage)),
            "lognormal" or "gamma" when values[0] <= 0 || values[1] <= 0 => new SyntaxError($"the mean and sd of {name} must be positive", Write(usage)),
            "lognormal" or "gamma" when values[1] > MaxCoefficientOfVariation * values[0] => new SyntaxError(
                string.Create(CultureInfo.InvariantCulture, $"the sd of {name} is {values[1] / values[0]:0.#} times its mean; at most {MaxCoefficientOfVariation} times is accepted"),
                "so wide a spread is mostly tiny draws and a rare huge one, and no number of replications pins down its mean; check the units"),
            "tri" when !(values[0] <= values[1] && values[1] <= values[2] && values[0] < values[2]) =>
                new SyntaxError($"tri needs min <= mode <= max and min < max, found '{trimmed}'", Write(usage)),
            "uniform" when !(values[0] < values[1]) => new SyntaxError($"uniform needs min < max, found '{trimmed}'", Write(usage)),
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        distribution = name switch
        {
            "exp" => new ExponentialDistribution(values[0]),
            "lognormal" => new LogNormalDistribution(values[0], values[1]),
            "gamma" => new GammaDistribution(values[0], values[1]),
            "tri" => new TriangularDistribution(values[0], values[1], values[2]),
            "uniform" => new UniformDistribution(values[0], values[1]),
            _ => new Deterministic(values[0]),
        };
        return true;
    }

    private static bool TryEmpirical(string[] args, string usage, [NotNullWhen(true)] out Distribution? distribution, [NotNullWhen(false)] out SyntaxError? error)
    {
        distribution = null;
        if (args.Length == 0)
        {
            error = new SyntaxError("empirical needs at least one value: weight pair", Write(usage));
            return false;
        }

        var values = new List<double>();
        var weights = new List<double>();
        foreach (var arg in args)
        {
            var colon = arg.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                error = new SyntaxError($"empirical entry '{arg}' is not value: weight", Write(usage));
                return false;
            }

            if (!Units.TryDurationHours(arg[..colon], out var value, out var unitError))
            {
                error = new SyntaxError($"empirical value: {unitError.Message}", unitError.Hint);
                return false;
            }

            if (!Units.TryNumber(arg[(colon + 1)..], out var weight) || weight < 0)
            {
                error = new SyntaxError($"empirical weight '{arg[(colon + 1)..].Trim()}' is not a non-negative number", Write(usage));
                return false;
            }

            values.Add(value);
            weights.Add(weight);
        }

        if (!(weights.Sum() > 0))
        {
            error = new SyntaxError("the weights of empirical must have a positive sum", Write(usage));
            return false;
        }

        distribution = new EmpiricalDistribution(values, weights);
        error = null;
        return true;
    }
}
