using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Scenarios.Tests;

/// <summary><c>advisories:</c> dated advisories to which the trucks already in line react, read with file:line:col errors.</summary>
public class AdvisoryReaderTests
{
    private const string Scenario = """
        name: advisory
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        classes:
          fruit: { share: 0.6 }
          general: { share: 0.4 }
        directions:
          export:
            arrivals: { trucks_per_day: 300 }
            stages:
              - check: { name: vn_customs, servers: 4, service: exp(10min) }

        """;

    private static List<string> Errors(string text) =>
        [.. ScenarioReader.Read(new StringReader(text), "test.yaml").Errors.Select(e => e.ToString())];

    [Test]
    public void An_advisory_has_its_day_direction_classes_share_and_reason()
    {
        var spec = ScenarioReaderTests.ReadValid(Scenario + """
            advisories:
              - { from: 2026-06-02, direction: export, classes: [fruit], waiting: { leave: 0.3 }, reason: { en: acceptance stops, vi: ngừng tiếp nhận } }
              - { from: 2026-06-03, direction: export, waiting: { leave: 1 } }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(spec.Advisories, Has.Count.EqualTo(2));
            Assert.That(spec.Advisories[0].From, Is.EqualTo(new LocalDate(2026, 6, 2)));
            Assert.That(spec.Advisories[0].Direction, Is.EqualTo("export"));
            Assert.That(spec.Advisories[0].Classes, Is.EqualTo(new[] { "fruit" }));
            Assert.That(spec.Advisories[0].Waiting, Is.EqualTo(new WaitingReactionSpec(0.3)));
            Assert.That(spec.Advisories[1].Classes, Is.Empty, "no classes: every class");
        });
    }

    [TestCase("{ from: 2026-06-02, direction: export }", "test.yaml:14:5: advisories[0].waiting: missing required key 'waiting'")]
    [TestCase("{ from: 2026-06-02, direction: export, waiting: { leave: 0.5, move: 0.5 } }", "test.yaml:14:73: advisories[0].waiting.move: only an origin's suspension can move trucks in line")]
    [TestCase("{ from: 2026-06-02, direction: exprot, waiting: { leave: 0.5 } }", "test.yaml:14:36: advisories[0].direction: unknown direction 'exprot' (did you mean 'export'?)")]
    [TestCase("{ from: 2026-06-02, direction: export, classes: [durian], waiting: { leave: 0.5 } }", "test.yaml:14:54: advisories[0].classes[0]: unknown class 'durian'")]
    [TestCase("{ from: 2026-06-02, direction: export, classes: [], waiting: { leave: 0.5 } }", "test.yaml:14:53: advisories[0].classes: an advisory's classes name at least one class")]
    [TestCase("{ from: 2026-06-02, direction: export, waiting: { leave: 1.5 } }", "test.yaml:14:62: advisories[0].waiting.leave: must be at most 1, found 1.5")]
    public void A_broken_advisory_is_named_at_its_line_and_column(string advisory, string expected)
    {
        // The advisory is on line 14; columns counted by hand, e.g. 'exprot' starts at column 36 of "  - { from: 2026-06-02, direction: exprot".
        var errors = Errors(Scenario + "advisories:\n  - " + advisory + "\n");

        Assert.That(errors, Has.Some.StartsWith(expected), string.Join("\n", errors));
    }
}
