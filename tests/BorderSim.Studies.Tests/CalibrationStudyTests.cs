using System.Diagnostics;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios;

namespace BorderSim.Studies.Tests;

/// <summary>
/// Calibration run in-process on a small scenario whose observations the model itself made from known values: one
/// gate open 08:00–18:00 with 4 booths, trucks arriving around the clock. Arrivals exceed what the booths clear, so the
/// trucks that arrive a day say the arrival rate and the trucks cleared a day say the service time: the two are
/// identified separately. The class's tonnes change no observation: not identified.
/// </summary>
public class CalibrationStudyTests
{
    private const string Scenario = """
        # yaml-language-server: $schema=bordersim.schema.json
        # A gate that clears less than arrives (a comment the calibrated file keeps).
        name: calibration recovery
        start: 2026-01-05T00:00
        time_zone: Etc/UTC
        days: 4
        warm_up: 1d
        replications: 8
        seed: 7
        observations: [observed.csv]

        calendars:
          gate: { time_zone: Etc/UTC, hours: { mon-sun: "08:00-18:00" } }

        classes:
          general: { share: 1, tonnes: 19 }

        directions:
          inbound:
            arrivals: { trucks_per_day: 500, hourly_profile: flat }   # the arrivals per day, to fit
            stages:
              - check: { name: booth, servers: 4, calendar: gate, service: exp(15min) }
        """;

    private const string ArrivalsPath = "directions.inbound.arrivals.trucks_per_day";
    private const string ServicePath = "directions.inbound.stages.booth.service";

    [TestCase(11UL)]
    [TestCase(12UL)]
    [TestCase(13UL)]
    public void Calibrate_recovers_the_arrival_rate_and_service_time_that_made_the_observations_within_their_intervals(ulong observationSeed)
    {
        // Truth: 400 trucks a day, 12 min a truck (capacity 4 booths x 10 h x 5/h = 200 a day). The observations are one
        // replication (one "real" day each) with another seed than the calibration's 4 replications (seed 7). Each truth
        // must lie in its 95% interval; the three seeds were fixed before the first run. Time: about 2 s a seed.
        using var folder = new TemporaryStudyFolder();
        string file = WriteScenario(folder.Directory, observationSeed, trucksPerDay: 400, serviceMinutes: 12);
        var clock = Stopwatch.StartNew();
        (CalibrationStudy study, RoundStatus status, List<string> errors) = Calibrate(file, folder, ArrivalsPath + "=200..800", ServicePath + "=6..30.0");
        TestContext.Out.WriteLine($"seed {observationSeed}: {study.Points.Count} candidates in {clock.Elapsed.TotalSeconds:F1} s; "
            + string.Join("; ", study.Fitted.Select(f => CalibratedScenario.Describe(f, study.ThresholdInUse))));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(RoundStatus.Done));
            Assert.That(errors, Is.Empty);
            Assert.That(study.Observations, Has.Count.EqualTo(6));
            Assert.That(study.Fitted.All(f => f.IsIdentified), Is.True);
            Assert.That(study.Fitted[0].Low, Is.LessThanOrEqualTo(400));
            Assert.That(study.Fitted[0].High, Is.GreaterThanOrEqualTo(400));
            Assert.That(study.Fitted[1].Low, Is.LessThanOrEqualTo(12));
            Assert.That(study.Fitted[1].High, Is.GreaterThanOrEqualTo(12));
            Assert.That(study.Fitted[0].High - study.Fitted[0].Low, Is.LessThan(200), "three days of arrivals pin the rate to well under a third of the range");
        });
    }

    [Test]
    public void A_value_that_changes_no_observation_is_reported_as_not_identified()
    {
        using var folder = new TemporaryStudyFolder();
        string file = WriteScenario(folder.Directory, 11, trucksPerDay: 400, serviceMinutes: 12);
        (CalibrationStudy study, RoundStatus status, _) = Calibrate(file, folder, "classes.general.tonnes=5..30");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(RoundStatus.Done));
            Assert.That(study.Fitted[0].IsIdentified, Is.False);
            Assert.That(study.Fitted[0].LowAtBound && study.Fitted[0].HighAtBound, Is.True);
            Assert.That(CalibratedScenario.Describe(study.Fitted[0], study.ThresholdInUse), Does.Contain("not identified"));
        });
    }

    [Test]
    public void The_calibrated_file_keeps_the_comments_and_holds_the_fitted_values_and_what_they_were_fitted_to()
    {
        using var folder = new TemporaryStudyFolder();
        string file = WriteScenario(folder.Directory, 11, trucksPerDay: 400, serviceMinutes: 12);
        (CalibrationStudy study, _, _) = Calibrate(file, folder, ArrivalsPath + "=200..800", ServicePath + "=6..30.0");
        string? text = CalibratedScenario.Write(File.ReadAllText(file), file, study, ["observed.csv"], 7, new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero), out List<string> problems);
        string calibrated = Path.Combine(folder.Directory, "calibrated.yaml");
        File.WriteAllText(calibrated, text);
        ScenarioSpec spec = ScenarioReader.Load(calibrated).Scenario!;
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(text, Does.StartWith("# yaml-language-server: $schema=bordersim.schema.json\n# Calibrated by `bordersim calibrate` on 2026-12-06 (UTC) from scenario.yaml"));
            Assert.That(text, Does.Contain("# A gate that clears less than arrives (a comment the calibrated file keeps)."));
            Assert.That(text, Does.Contain("   # the arrivals per day, to fit"));
            Assert.That(text, Does.Contain($"trucks_per_day: {study.Fitted[0].Parameter.Format(study.Fitted[0].Value)}, hourly_profile"));
            Assert.That(text, Does.Contain($"service: exp({study.Fitted[1].Parameter.Format(study.Fitted[1].Value)}min)"));
            Assert.That(text, Does.Contain("to the 6 observations of observed.csv"));
            Assert.That(spec.Directions[0].Arrivals.TrucksPerDay, Is.EqualTo(study.Fitted[0].Value));
        });
    }

    [Test]
    public void A_fit_that_is_not_a_range_or_names_a_value_of_two_numbers_is_an_error_each()
    {
        var errors = new List<string>();
        string text = Scenario.Replace("exp(15min)", "\"lognormal(15min, 5min)\"", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(CalibrationParameter.Parse(ArrivalsPath + "=800..200", text, "s.yaml", errors), Is.Null);
            Assert.That(CalibrationParameter.Parse(ArrivalsPath + "=200", text, "s.yaml", errors), Is.Null);
            Assert.That(CalibrationParameter.Parse(ServicePath + "=5..20", text, "s.yaml", errors), Is.Null);
            Assert.That(CalibrationParameter.Parse("directions.inbound.arrivals.nowhere=1..2", text, "s.yaml", errors), Is.Null);
            Assert.That(errors, Has.Count.EqualTo(4));
            Assert.That(errors[0], Is.EqualTo($"--fit {ArrivalsPath}=800..200: LOW (800) must be below HIGH (200)"));
            Assert.That(errors[1], Does.StartWith($"--fit {ArrivalsPath}=200: expected PATH=LOW..HIGH"));
            Assert.That(errors[2], Does.Contain("holds 2 numbers"));
            Assert.That(errors[3], Does.Contain("no value at 'directions.inbound.arrivals.nowhere'"));
        });
    }

    [Test]
    public void A_value_in_quotes_is_edited_inside_its_quotes_and_whole_bounds_give_whole_candidates()
    {
        var errors = new List<string>();
        string text = Scenario.Replace("exp(15min)", "\"exp(15min)\"", StringComparison.Ordinal);
        CalibrationParameter service = CalibrationParameter.Parse(ServicePath + "=6..30.0", text, "s.yaml", errors)!;
        CalibrationParameter arrivals = CalibrationParameter.Parse(ArrivalsPath + "=200..800", text, "s.yaml", errors)!;
        string? edited = ScenarioTextEdit.Replace(text, "s.yaml", [(ServicePath, service.TextOf(12.5))], out _);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(edited, Does.Contain("service: \"exp(12.5min)\" }"));
            Assert.That(service.IsWhole, Is.False);
            Assert.That(service.AsWritten, Is.EqualTo(15));
            Assert.That(arrivals.IsWhole, Is.True);
            Assert.That(arrivals.At(0.3337), Is.EqualTo(400), "200 + 0.3337 x 600 = 400.2, whole");
            Assert.That(service.At(0.25), Is.EqualTo(12).Within(1e-12), "6 + 0.25 x 24");
        });
    }

    private static (CalibrationStudy Study, RoundStatus Status, List<string> Errors) Calibrate(string file, TemporaryStudyFolder folder, params string[] fits)
    {
        var errors = new List<string>();
        string text = File.ReadAllText(file);
        List<CalibrationParameter> parameters = [.. fits.Select(f => CalibrationParameter.Parse(f, text, file, errors)!)];
        ScenarioSpec scenario = ScenarioReader.Load(file).Scenario!;
        var study = new CalibrationStudy(scenario, parameters, scenario.Replications, maxEvaluations: 40);
        var runner = new SearchRunner(file, [], new RunOptions(), study.Paths, folder, _ => { }, null, CancellationToken.None)
        {
            ExtraRows = CalibrationObservations.Rows,
        };
        RoundStatus status = study.Run(runner, errors);
        return (study, status, errors);
    }

    /// <summary>
    /// Writes the scenario and its observations: arrivals on days 2–4, cleared on days 2–4 (day 1 fills the queue), as
    /// one replication of the scenario at the true values with <paramref name="seed"/> counts them.
    /// </summary>
    private static string WriteScenario(string directory, ulong seed, double trucksPerDay, double serviceMinutes)
    {
        string file = Path.Combine(directory, "scenario.yaml");
        File.WriteAllText(file, Scenario.Replace("\r\n", "\n", StringComparison.Ordinal));
        string csv = Path.Combine(directory, "observed.csv");
        string[] rows =
        [
            .. new[] { 6, 7, 8 }.Select(d => $"arrived_d{d},arrived_per_day,2026-01-0{d},,Etc/UTC,inbound,,{{0}},trucks,illustration"),
            .. new[] { 6, 7, 8 }.Select(d => $"cleared_d{d},cleared_per_day,2026-01-0{d},,Etc/UTC,inbound,,{{0}},trucks,illustration"),
        ];
        const string Header = "series,kind,date,local_time,time_zone,direction,class,value,unit,source\n";
        File.WriteAllText(csv, Header + string.Join('\n', rows.Select(r => string.Format(CultureInfo.InvariantCulture, r, 0))) + "\n");
        ScenarioOverride[] truth =
        [
            new(ArrivalsPath, trucksPerDay.ToString(CultureInfo.InvariantCulture)),
            new(ServicePath, $"exp({serviceMinutes.ToString(CultureInfo.InvariantCulture)}min)"),
        ];
        ScenarioSpec spec = ScenarioReader.Load(file, truth).Scenario!;
        ExperimentResult result = ExperimentRunner.Run(spec, new RunOptions(Replications: 1, Seed: seed, Threads: 1));
        double[] values = [.. spec.Observations.Select(o => ObservationComparison.ModelValue(result.Scenario, result.Replications[0], o)!.Value)];
        File.WriteAllText(csv, Header + string.Join('\n', rows.Select((r, i) => string.Format(CultureInfo.InvariantCulture, r, values[i]))) + "\n");
        return file;
    }
}
