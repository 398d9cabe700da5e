namespace BorderSim.Scenarios.Tests;

/// <summary>
/// A dated event that starts or ends inside the warm-up acts on trucks the results do not count: a warning naming
/// file:line:col, the event's dates and the warm-up's end, never an error.
/// </summary>
public class WarmUpWarningTests
{
    // 1 June 00:00 Hanoi for 10 days. Line numbers are those of the text below, counted by hand.
    private static string Scenario(string warmUp) => $$"""
        name: Warm-up
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 10
        warm_up: {{warmUp}}
        calendars:
          vn_gate:
            time_zone: Asia/Ho_Chi_Minh
            closures: [ { from: 2026-05-30, to: 2026-06-01, reason: before }, { from: 2026-06-05, to: 2026-06-05, reason: later } ]
          cn_gate:
            time_zone: Asia/Shanghai
            closures: [ { from: 2026-06-03, to: 2026-06-03, reason: beijing } ]
        classes:
          general: { share: 1 }
        directions:
          export:
            arrivals: { trucks_per_day: 100 }
            stages:
              - check: { name: vn_customs, servers: 4, service: exp(10min), calendar: vn_gate }
              - check: { name: cn_check, servers: 4, service: exp(10min), calendar: cn_gate }
        changes:
          - { from: 2026-06-03, stage: vn_customs, servers: 8 }
        bans:
          - { from: 2026-06-02, to: 2026-06-02, direction: export, classes: [general], action: turn_away }
        advisories:
          - { from: 2026-06-02, direction: export, waiting: { leave: 0.1 } }
        """;

    private static List<string> Warnings(string warmUp)
    {
        var result = ScenarioReader.Read(new StringReader(Scenario(warmUp)), "warm.yaml");
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        return [.. result.WarningsFor(result.Scenario!).Select(w => w.ToString())];
    }

    [Test]
    public void Events_that_start_or_end_inside_the_warm_up_are_named_with_the_warm_up_end()
    {
        // warm_up 49h ends 3 June 01:00 Hanoi: the change of 3 June 00:00 starts an hour before it; the Beijing closure
        // of 3 June starts at 2 June 23:00 Hanoi; the closure to 1 June ends at 2 June 00:00; the ban and the advisory
        // act on 2 June. The closure of 5 June is after it. In the order of the file's sections, changes last.
        const string Tail = ": what it does to trucks before then is not counted in the results (shorten warm_up, or start the run earlier, to count it)";
        Assert.That(Warnings("49h"), Is.EqualTo(new[]
        {
            "warm.yaml:9:17: warning: calendars.vn_gate.closures[0]: the closure 2026-05-30..2026-06-01 ends inside the warm-up, which ends at 2026-06-03 01:00" + Tail,
            "warm.yaml:12:17: warning: calendars.cn_gate.closures[0]: the closure 2026-06-03..2026-06-03 starts inside the warm-up, which ends at 2026-06-03 01:00 (2 h after the closure starts)" + Tail,
            "warm.yaml:24:5: warning: bans[0]: the ban 2026-06-02..2026-06-02 lies inside the warm-up, which ends at 2026-06-03 01:00" + Tail,
            "warm.yaml:26:13: warning: advisories[0].from: the advisory of 2026-06-02 is issued inside the warm-up, which ends at 2026-06-03 01:00" + Tail,
            "warm.yaml:22:13: warning: changes[0].from: the change from 2026-06-03 starts inside the warm-up, which ends at 2026-06-03 01:00 (1 h after the change starts)" + Tail,
        }));
    }

    [Test]
    public void An_event_starting_exactly_at_the_warm_up_end_is_not_inside_it()
    {
        // warm_up 48h ends 3 June 00:00 Hanoi, when the change starts; the Beijing closure starts an hour before.
        var fields = Warnings("48h").Select(w => w.Split(": ")[2]).ToList();
        Assert.That(fields, Does.Not.Contain("changes[0].from"));
        Assert.That(fields, Does.Contain("calendars.cn_gate.closures[0]"));
    }

    [TestCase("0h")]
    [TestCase("auto")]
    public void No_warm_up_or_one_detected_after_the_run_names_no_event(string warmUp) =>
        Assert.That(Warnings(warmUp), Has.None.Contains("warm-up"));

    [Test]
    public void An_origin_s_surge_and_a_route_suspension_inside_the_warm_up_are_named()
    {
        // warm_up 2d ends 3 June 00:00: the suspension of 2 June lies inside it, the origin's surge of 2-5 June starts inside it.
        const string Text = """
            name: Origins
            start: 2026-06-01T00:00
            time_zone: Asia/Ho_Chi_Minh
            days: 10
            warm_up: 2d
            classes:
              general: { share: 1 }
            origins:
              province:
                arrivals: { trucks_per_day: 300, surges: [ { from: 2026-06-02, to: 2026-06-05, factor: 2 } ] }
                routing: { all: { shares: { a: 0.5, b: 0.5 } } }
                suspensions: [ { route: a, from: 2026-06-02, to: 2026-06-02 } ]
            directions:
              a:
                stages:
                  - check: { name: a_customs, servers: 4, service: exp(10min) }
              b:
                stages:
                  - check: { name: b_customs, servers: 4, service: exp(10min) }
            """;
        var result = ScenarioReader.Read(new StringReader(Text), "origins.yaml");
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        Assert.That(result.WarningsFor(result.Scenario!).Select(w => (w.Field, w.Message[..w.Message.IndexOf(" the warm-up", StringComparison.Ordinal)])), Is.EqualTo(new[]
        {
            ("origins.province.arrivals.surges[0]", "the surge 2026-06-02..2026-06-05 starts inside"),
            ("origins.province.suspensions[0]", "the suspension 2026-06-02..2026-06-02 lies inside"),
        }));
    }
}
