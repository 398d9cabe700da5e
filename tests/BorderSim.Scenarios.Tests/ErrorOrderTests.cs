namespace BorderSim.Scenarios.Tests;

/// <summary>
/// A file's errors come in the order of the file (line, then column), as a compiler lists them, whatever order the
/// sections are checked in; an override's errors after the file's; the cap's last word on the last line printed.
/// </summary>
public class ErrorOrderTests
{
    private const string Crossing = """
        name: order case
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        calendars:
          vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-26:00" } }
        roads:
          freight_road: { lanes: { export: 2 }, crossing: fixd(4min) }
        classes:
          general: { share: 2, tonnes: 25 }
        directions:
          export:
            arrivals: { trucks_per_day: -1, hourly_profile: flat }
            stages:
              - check: { name: vn_customs, servers: 0, calendar: vn_gate, service: exp(10min) }
              - road: freight_road
        """;

    [Test]
    public void A_files_errors_come_line_by_line_and_an_overrides_after_them()
    {
        var result = ScenarioReader.Read(new StringReader(Crossing), "order.yaml", [ScenarioReader.ParseOverride("days=soon")]);
        var fromFile = result.Errors.Where(e => e.File == "order.yaml").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.Select(e => e.Line), Is.EqualTo(new[] { 6, 8, 10, 13, 15 }), string.Join("\n", result.Errors));
            Assert.That(result.Errors.Select(e => e.File), Is.EqualTo(new[] { "order.yaml", "order.yaml", "order.yaml", "order.yaml", "order.yaml", "--set" }), "the override last");
        });
    }

    [Test]
    public void The_cap_says_it_stopped_on_the_last_error_listed()
    {
        // 250 classes each with a share of 2: more errors than the cap.
        var classes = string.Join("\n", Enumerable.Range(0, 250).Select(i => $"  c{i}: {{ share: 2, tonnes: 25 }}"));
        var text = Crossing.Replace("classes:\n  general: { share: 2, tonnes: 25 }", "classes:\n" + classes, StringComparison.Ordinal);
        var result = ScenarioReader.Read(new StringReader(text), "order.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("c249:"), "the classes replaced the one");
            Assert.That(result.Errors, Has.Count.EqualTo(200));
            Assert.That(result.Errors.Select(e => e.Line), Is.Ordered);
            Assert.That(result.Errors[^1].Message, Does.EndWith("; stopping after 200 errors"));
            Assert.That(result.Errors.Take(199).Select(e => e.Message), Has.None.Contains("stopping after"));
        });
    }
}
