using BorderSim.Engine.Randomness;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Tests;

public class UnitsTests
{
    [TestCase("30s", 30.0 / 3600)]
    [TestCase("90min", 1.5)]
    [TestCase("2h", 2.0)]
    [TestCase("1.5h", 1.5)]
    [TestCase("3d", 72.0)]
    [TestCase(" 15min ", 0.25)]
    [TestCase("0min", 0.0)]
    public void A_duration_with_a_unit_becomes_hours(string text, double hours)
    {
        Assert.That(Units.TryDurationHours(text, out var actual, out var error), Is.True, error?.Message);
        Assert.That(actual, Is.EqualTo(hours).Within(1e-12));
    }

    [TestCase("90", "has no unit", "write 90min or 90h")]
    [TestCase("1.5", "has no unit", "write 1.5min or 1.5h")]
    [TestCase("90m", "unknown unit of time 'm'", "m is metres")]
    [TestCase("2 hours", "unknown unit of time 'hours'", "units of time are")]
    [TestCase("-3h", "cannot be negative", null)]
    [TestCase("soon", "expected a duration with a unit", "90min")]
    public void A_duration_without_a_proper_unit_is_refused_with_a_hint(string text, string message, string? hint)
    {
        Assert.That(Units.TryDurationHours(text, out _, out var error), Is.False);
        Assert.That(error!.Message, Does.Contain(message));
        if (hint is not null)
        {
            Assert.That(error.Hint?.English, Does.Contain(hint));
        }
    }

    [TestCase("19m", 19.0)]
    [TestCase("0.019km", 19.0)]
    [TestCase("1.2km", 1200.0)]
    public void A_distance_with_a_unit_becomes_metres(string text, double metres)
    {
        Assert.That(Units.TryDistanceMetres(text, out var actual, out _), Is.True);
        Assert.That(actual, Is.EqualTo(metres).Within(1e-9));
    }

    [TestCase("19", "has no unit")]
    [TestCase("19ft", "unknown unit of distance")]
    public void A_distance_without_a_proper_unit_is_refused(string text, string message)
    {
        Assert.That(Units.TryDistanceMetres(text, out _, out var error), Is.False);
        Assert.That(error!.Message, Does.Contain(message));
    }
}

public class DistributionSyntaxTests
{
    [Test]
    public void Exp_takes_its_mean_with_a_unit()
    {
        Assert.That(Parse("exp(10min)"), Is.TypeOf<ExponentialDistribution>().And.Property("Mean").EqualTo(10.0 / 60).Within(1e-12));
    }

    [Test]
    public void Lognormal_and_gamma_take_mean_and_sd()
    {
        var lognormal = (LogNormalDistribution)Parse("lognormal(30min, 10min)");
        Assert.That(lognormal.MeanValue, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(lognormal.StandardDeviation, Is.EqualTo(10.0 / 60).Within(1e-12));
        var gamma = (GammaDistribution)Parse("gamma(2h, 1h)");
        Assert.That((gamma.MeanValue, gamma.StandardDeviation), Is.EqualTo((2.0, 1.0)));
    }

    [Test]
    public void Tri_takes_min_mode_max_and_uniform_min_max()
    {
        var tri = (TriangularDistribution)Parse("tri(2h, 4h, 12h)");
        Assert.That((tri.Min, tri.Mode, tri.Max), Is.EqualTo((2.0, 4.0, 12.0)));
        var uniform = (UniformDistribution)Parse("uniform(1h, 2h)");
        Assert.That((uniform.Min, uniform.Max), Is.EqualTo((1.0, 2.0)));
    }

    [Test]
    public void Fixed_is_a_constant_and_units_may_be_mixed()
    {
        Assert.That(Parse("fixed(4min)").Mean, Is.EqualTo(4.0 / 60).Within(1e-12));
        Assert.That(((TriangularDistribution)Parse("tri(30min, 1h, 1d)")).Max, Is.EqualTo(24.0));
    }

    [Test]
    public void Empirical_takes_value_weight_pairs()
    {
        var empirical = (EmpiricalDistribution)Parse("empirical(10min: 0.3, 20min: 0.7)");
        Assert.That(empirical.Values, Is.EqualTo(new[] { 10.0 / 60, 20.0 / 60 }).Within(1e-12));
        Assert.That(empirical.Weights, Is.EqualTo(new[] { 0.3, 0.7 }));
        Assert.That(empirical.Mean, Is.EqualTo(((10 * 0.3) + (20 * 0.7)) / 60).Within(1e-12));
    }

    [TestCase("expo(10min)", "unknown distribution 'expo'", "did you mean 'exp'?")]
    [TestCase("exp(10)", "argument 1 of exp: '10' has no unit", "10min")]
    [TestCase("exp(0min)", "mean of exp must be positive", null)]
    [TestCase("lognormal(30min)", "lognormal takes 2 arguments, found 1", "lognormal(mean, sd)")]
    [TestCase("tri(4h, 2h, 12h)", "tri needs min <= mode <= max", null)]
    [TestCase("uniform(2h, 1h)", "uniform needs min < max", null)]
    [TestCase("10min", "expected a distribution", "fixed(10min)")]
    [TestCase("exp 10min", "expected a distribution", null)]
    [TestCase("empirical(10min)", "is not value: weight", null)]
    [TestCase("empirical(10min: 0, 20min: 0)", "positive sum", null)]
    [TestCase("empirical(10min: x)", "weight 'x'", null)]
    public void A_bad_call_is_refused_with_a_reason(string text, string message, string? hint)
    {
        Assert.That(DistributionSyntax.TryParse(text, out _, out var error), Is.False);
        Assert.That(error!.Message, Does.Contain(message));
        if (hint is not null)
        {
            Assert.That(error.Hint?.English, Does.Contain(hint));
        }
    }

    private static Distribution Parse(string text)
    {
        Assert.That(DistributionSyntax.TryParse(text, out var distribution, out var error), Is.True, error?.Message);
        return distribution!;
    }
}

public class HoursSyntaxTests
{
    [TestCase("mon", new[] { 1 })]
    [TestCase("mon-fri", new[] { 1, 2, 3, 4, 5 })]
    [TestCase("sat-sun", new[] { 6, 7 })]
    [TestCase("fri-mon", new[] { 5, 6, 7, 1 })]
    [TestCase("mon-sun", new[] { 1, 2, 3, 4, 5, 6, 7 })]
    [TestCase("Sun", new[] { 7 })]
    public void A_day_key_is_a_day_or_a_range_that_may_wrap(string key, int[] isoDays)
    {
        Assert.That(HoursSyntax.TryDays(key, out var days, out _), Is.True);
        Assert.That(days!.Select(d => (int)d), Is.EqualTo(isoDays));
    }

    [Test]
    public void A_misspelt_day_gets_a_did_you_mean()
    {
        Assert.That(HoursSyntax.TryDays("mon-fry", out _, out var error), Is.False);
        Assert.That(error!.Message, Is.EqualTo("'fry' is not a day"));
        Assert.That(error.Hint?.English, Is.EqualTo("did you mean 'fri'?"));
    }

    [TestCase("may-jul", new[] { 5, 6, 7 })]
    [TestCase("nov-feb", new[] { 11, 12, 1, 2 })]
    public void A_month_key_is_a_month_or_a_range(string key, int[] months)
    {
        Assert.That(HoursSyntax.TryMonths(key, out var actual, out _), Is.True);
        Assert.That(actual, Is.EqualTo(months));
    }

    [Test]
    public void Intervals_are_read_sorted_and_24_00_closes_the_day()
    {
        Assert.That(HoursSyntax.TryIntervals("13:00-19:00, 07:00-12:00", out var intervals, out _), Is.True);
        Assert.That(intervals!.Select(i => (i.OpensAtHour, i.ClosesAtHour)), Is.EqualTo(new[] { (7.0, 12.0), (13.0, 19.0) }));
        Assert.That(HoursSyntax.TryIntervals("20:30-24:00", out var late, out _), Is.True);
        Assert.That(late!.Single().OpensAtHour, Is.EqualTo(20.5));
        Assert.That(late!.Single().ClosesAtHour, Is.EqualTo(24.0));
    }

    [Test]
    public void Closed_means_no_interval()
    {
        Assert.That(HoursSyntax.TryIntervals("closed", out var intervals, out _), Is.True);
        Assert.That(intervals, Is.Empty);
    }

    [TestCase("19:00-07:00", "closes at or before it opens")]
    [TestCase("07:00-07:00", "closes at or before it opens")]
    [TestCase("07:00-25:00", "'25:00' is not a time of day")]
    [TestCase("24:00-24:00", "'24:00' is not a time of day")]
    [TestCase("07:60-19:00", "'07:60' is not a time of day")]
    [TestCase("7-19", "'7' is not a time of day")]
    [TestCase("07:00-12:00, 11:00-19:00", "overlap")]
    [TestCase("always", "expected opening hours")]
    public void Bad_hours_are_refused(string text, string message)
    {
        Assert.That(HoursSyntax.TryIntervals(text, out _, out var error), Is.False);
        Assert.That(error!.Message, Does.Contain(message));
    }
}

public class DateSyntaxTests
{
    [Test]
    public void A_start_may_be_a_date_or_a_local_date_and_time()
    {
        Assert.That(DateSyntax.TryDateTime("2026-06-01T07:30", out var withTime, out var hasTime, out _), Is.True);
        Assert.That((withTime, hasTime), Is.EqualTo((new LocalDateTime(2026, 6, 1, 7, 30), true)));
        Assert.That(DateSyntax.TryDateTime("2026-06-01", out var dateOnly, out hasTime, out _), Is.True);
        Assert.That((dateOnly, hasTime), Is.EqualTo((new LocalDateTime(2026, 6, 1, 0, 0), false)));
    }

    [TestCase("2026-02-30", "February 2026 has 28 days")]
    [TestCase("2024-02-30", "February 2024 has 29 days")]
    [TestCase("2026-13-01", "there is no month 13")]
    [TestCase("2026-06-01T24:00", "no such time of day")]
    [TestCase("1 June 2026", "is not a date")]
    [TestCase("2026-06-01T00:00", "expected a date, found a date and time")]
    public void A_date_that_does_not_exist_is_refused(string text, string message)
    {
        Assert.That(DateSyntax.TryDate(text, out _, out var error), Is.False);
        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void A_leap_day_exists_in_a_leap_year()
    {
        Assert.That(DateSyntax.TryDate("2028-02-29", out var date, out _), Is.True);
        Assert.That(date, Is.EqualTo(new LocalDate(2028, 2, 29)));
    }
}

public class TextGuardTests
{
    [Test]
    public void Commas_and_colons_inside_a_call_are_kept_together_and_columns_stay_true()
    {
        const string Text = "a: { dwell: tri(2h, 4h, 12h), x: 1 }\nb: empirical(10min: 0.3, 20min: 0.7)\n";
        var prepared = TextGuard.Prepare(Text, out var error);
        Assert.That(error, Is.Null);
        Assert.That(prepared, Has.Length.EqualTo(Text.Length));
        Assert.That(TextGuard.Restore(prepared!), Is.EqualTo(Text));
    }

    [Test]
    public void Quoted_text_and_comments_are_left_alone()
    {
        const string Text = "a: 'f(x, y)'  # g(1, 2)\nb: \"h(1, 2)\"\n";
        Assert.That(TextGuard.Prepare(Text, out _), Is.EqualTo(Text));
    }

    // The top-level mapping is one level, so 63 brackets under it make 64.
    [TestCase(63, true)]
    [TestCase(64, false)]
    public void Nesting_is_bounded_at_64_levels(int depth, bool accepted)
    {
        var text = "x: " + new string('[', depth) + new string(']', depth) + "\n";
        Assert.That(TextGuard.Prepare(text, out _) is not null, Is.EqualTo(accepted));
    }

    [Test]
    public void Brackets_inside_quotes_and_block_scalars_do_not_count()
    {
        var brackets = new string('[', 200);
        var text = $"a: '{brackets}'\nb: |\n  {brackets}\n  more text\nc: \"{brackets}\"\n";
        Assert.That(TextGuard.Prepare(text, out var error), Is.Not.Null);
        Assert.That(error, Is.Null);
    }

    [Test]
    public void An_apostrophe_inside_plain_text_does_not_hide_the_brackets_after_it()
    {
        var text = "reason: driver's day\nx: " + new string('[', 100) + "\n";
        Assert.That(TextGuard.Prepare(text, out var error), Is.Null);
        Assert.That(error!.Line, Is.EqualTo(2));
    }

    [Test]
    public void Deep_block_indentation_is_bounded_too()
    {
        var lines = Enumerable.Range(0, 80).Select(i => new string(' ', i) + "k" + i + ":");
        Assert.That(TextGuard.Prepare(string.Join("\n", lines) + " x\n", out var error), Is.Null);
        Assert.That(error!.Depth, Is.EqualTo(65));
    }
}

public class DidYouMeanTests
{
    [TestCase("sevrers", "servers")]
    [TestCase("replicatons", "replications")]
    [TestCase("Servers", "servers")]
    public void A_near_miss_is_suggested(string found, string expected)
    {
        Assert.That(DidYouMean.Hint(found, ["servers", "service", "replications", "name"]), Is.EqualTo($"did you mean '{expected}'?"));
    }

    [Test]
    public void Nothing_is_suggested_when_nothing_is_close()
    {
        Assert.That(DidYouMean.Hint("zzzzzz", ["servers", "calendar"]), Is.Null);
    }
}
