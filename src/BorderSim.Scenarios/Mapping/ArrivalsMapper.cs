using BorderSim.Engine.Randomness;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads a direction's arrivals: the daily rate, hourly profile, weekday and month factors, surges and class mix.</summary>
internal sealed class ArrivalsMapper(Fields f, Names names, IReadOnlyList<CargoClassSpec> classes)
{
    private static readonly Advice FactorAdvice = new("a factor multiplies the rate; 1 = no change", "hệ số nhân với tốc độ xe đến; 1 = không đổi");

    public ArrivalSpec? Read(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { trucks_per_day: 450, hourly_profile: flat }");
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, DirectionSections.Arrivals);
        double? perDay = map.Get("trucks_per_day") is { } perDayNode ? ReadPerDay(map, perDayNode, field) : null;
        var profile = map.Get("hourly_profile") is { } profileNode ? ReadProfile(profileNode, Fields.Join(field, "hourly_profile")) : ArrivalSpec.Flat;

        var weekdays = new Dictionary<IsoDayOfWeek, double>();
        if (map.Get("weekday_factors") is { } weekdayNode)
        {
            ReadFactors(weekdayNode, Fields.Join(field, "weekday_factors"), "{ sat: 0.8, sun: 0.6 }", (key, keyField, factor) =>
            {
                if (!HoursSyntax.TryDays(key.Value, out var days, out var error))
                {
                    f.Error(key, keyField, error.Message, error.Hint);
                    return;
                }

                foreach (var day in days)
                {
                    weekdays[day] = factor;
                }
            });
        }

        var months = new Dictionary<int, double>();
        if (map.Get("month_factors") is { } monthNode)
        {
            ReadFactors(monthNode, Fields.Join(field, "month_factors"), "{ jun: 1.3 }", (key, keyField, factor) =>
            {
                if (!HoursSyntax.TryMonths(key.Value, out var list, out var error))
                {
                    f.Error(key, keyField, error.Message, error.Hint);
                    return;
                }

                foreach (var month in list)
                {
                    months[month] = factor;
                }
            });
        }

        var surges = new List<SurgeSpec>();
        if (map.Get("surges") is { } surgesNode && f.Seq(surgesNode, Fields.Join(field, "surges")) is { } surgeSeq)
        {
            for (var i = 0; i < surgeSeq.Items.Count; i++)
            {
                if (ReadSurge(surgeSeq.Items[i], Fields.Index(Fields.Join(field, "surges"), i)) is { } surge)
                {
                    surges.Add(surge);
                }
            }
        }

        var mix = map.Get("class_mix") is { } mixNode
            ? ReadClassMix(mixNode, Fields.Join(field, "class_mix"))
            : classes.ToDictionary(c => c.Name, c => c.Share, StringComparer.Ordinal);

        return perDay is null || profile is null || mix is null
            ? null
            : new ArrivalSpec(perDay.Value, profile, weekdays, months, surges, mix);
    }

    /// <summary>
    /// A number, or an observed daily series <c>{ from: counts.csv, series: NAME }</c>: its keys are checked here and 0
    /// stands in until <see cref="DailySeriesFiles.Load"/> reads the file at the edge. A series holds the weekday and
    /// month variation already, so their factors are refused beside it.
    /// </summary>
    private double? ReadPerDay(YMap arrivals, YNode node, string arrivalsField)
    {
        var field = Fields.Join(arrivalsField, "trucks_per_day");
        if (node is not YMap series)
        {
            return f.Number(node, field, hint: new Advice("or an observed daily series: { from: counts.csv, series: NAME }", "hoặc một chuỗi số liệu quan sát theo ngày: { from: counts.csv, series: NAME }"));
        }

        f.Keys(series, field, DirectionSections.DailySeries);
        var ok = true;
        if (series.Get("from") is { } fromNode && f.Text(fromNode, Fields.Join(field, "from")) is { } from
            && !from.Trim().EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            f.Error(fromNode, Fields.Join(field, "from"), $"expected a .csv file, found '{from}'", "the daily counts are a CSV with the columns series, date and value, e.g. counts.csv");
            ok = false;
        }

        if (series.Get("series") is { } seriesNode && f.Text(seriesNode, Fields.Join(field, "series")) is { } name && name.Trim().Length == 0)
        {
            f.Error(seriesNode, Fields.Join(field, "series"), "the series is empty", "name the rows to read, as written in the CSV's series column");
            ok = false;
        }

        foreach (var key in new[] { "weekday_factors", "month_factors" })
        {
            if (arrivals.Get(key) is { } factorNode)
            {
                f.Error(factorNode, Fields.Join(arrivalsField, key), $"{key} cannot be used with an observed daily series",
                    "the counts hold each day's level already; remove the factors, or use a number for trucks_per_day");
                ok = false;
            }
        }

        return ok ? 0 : null;
    }

    private IReadOnlyList<double>? ReadProfile(YNode node, string field)
    {
        if (node is YScalar { Value: "flat" })
        {
            return ArrivalSpec.Flat;
        }

        var seq = f.Seq(node, field, new Advice("write flat, or 24 relative weights [1, 1, ..., 1] for hours 0 to 23", "hãy viết flat, hoặc 24 trọng số tương đối [1, 1, ..., 1] cho các giờ 0 đến 23"));
        if (seq is null)
        {
            return null;
        }

        var weights = new List<double>();
        var ok = true;
        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (f.Number(seq.Items[i], Fields.Index(field, i), hint: new Advice("weights are relative and non-negative", "trọng số là tương đối và không âm")) is { } w)
            {
                weights.Add(w);
            }
            else
            {
                ok = false;
            }
        }

        if (seq.Items.Count != 24)
        {
            f.Error(seq, field, $"expected 24 hourly weights (hour 0 first), found {seq.Items.Count}", "write flat for a constant rate");
            return null;
        }

        if (ok && !(weights.Sum() > 0))
        {
            f.Error(seq, field, new Bilingual("the hourly weights sum to zero", "tổng các trọng số theo giờ bằng không"), new Advice("at least one hour needs a positive weight", "ít nhất một giờ cần có trọng số dương"));
            return null;
        }

        return ok ? weights : null;
    }

    private void ReadFactors(YNode node, string field, string example, Action<YScalar, string, double> add)
    {
        if (f.Map(node, field, "write e.g. " + example) is not { } map)
        {
            return;
        }

        foreach (var (key, value) in map.Entries)
        {
            var keyField = Fields.Join(field, key.Value);
            if (f.Number(value, keyField, hint: FactorAdvice) is { } factor)
            {
                add(key, keyField, factor);
            }
        }
    }

    private SurgeSpec? ReadSurge(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { from: 2026-06-10, to: 2026-06-25, factor: 1.5, classes: [fruit] }");
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, DirectionSections.Surge);
        LocalDate? from = map.Get("from") is { } fromNode ? f.Date(fromNode, Fields.Join(field, "from")) : null;
        LocalDate? to = map.Get("to") is { } toNode ? f.Date(toNode, Fields.Join(field, "to")) : null;
        if (from is { } a && to is { } b && b < a)
        {
            f.Error(map.Get("to")!, Fields.Join(field, "to"), $"'to' ({b:uuuu-MM-dd}) is before 'from' ({a:uuuu-MM-dd})");
            to = null;
        }

        double? factor = map.Get("factor") is { } factorNode ? f.Number(factorNode, Fields.Join(field, "factor"), hint: FactorAdvice) : null;
        var surgeClasses = new List<string>();
        if (map.Get("classes") is { } classesNode && f.NameList(classesNode, Fields.Join(field, "classes")) is { } list && classesNode is YSeq seq)
        {
            for (var i = 0; i < list.Count; i++)
            {
                names.ClassReferences.Add((seq.Items[i], Fields.Index(Fields.Join(field, "classes"), i), list[i]));
                surgeClasses.Add(list[i]);
            }
        }

        var reason = map.Get("reason") is { } reasonNode ? f.Reason(reasonNode, Fields.Join(field, "reason")) ?? "" : "";
        return from is null || to is null || factor is null ? null : new SurgeSpec(from.Value, to.Value, factor.Value, surgeClasses, reason);
    }

    private Dictionary<string, double>? ReadClassMix(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { fruit: 0.7, general: 0.3 }");
        if (map is null)
        {
            return null;
        }

        var mix = new Dictionary<string, double>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var keyField = Fields.Join(field, key.Value);
            names.ClassReferences.Add((key, keyField, key.Value));
            if (f.Probability(value, keyField) is { } share)
            {
                mix[key.Value] = share;
            }
            else
            {
                ok = false;
            }
        }

        if (ok && Math.Abs(mix.Values.Sum() - 1) > 1e-6)
        {
            var terms = string.Join(" + ", mix.Select(m => $"{m.Key} {Fields.Format(m.Value)}"));
            f.Error(
                map,
                field,
                new Bilingual($"the class mix sums to {Fields.Format(mix.Values.Sum())}, not 1", $"tổng tỷ lệ các loại hàng là {Fields.Format(mix.Values.Sum())}, không phải 1"),
                new Advice("shares are fractions of this direction's trucks: " + terms, "tỷ lệ là phần của số xe chiều này: " + terms));
            return null;
        }

        return ok ? mix : null;
    }
}
