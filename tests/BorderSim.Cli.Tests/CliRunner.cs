namespace BorderSim.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args) => Run(CancellationToken.None, args);

    public static Outcome Run(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, cancellationToken);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI in-process with a stream filter on every file the output session writes (a full disk).</summary>
    public static Outcome Run(Func<string, Stream, Stream> outputStreamFilter, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, false, args, CancellationToken.None) { OutputStreamFilter = outputStreamFilter };
        int code = CliApp.Run(args, context);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    public static string NewTemporaryDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "bordersim-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A small valid scenario: two directions, gates with hours in their own zones, a shared road.</summary>
    public const string SmallScenario = """
        name: Hữu Nghị test crossing
        description: Small scenario for CLI tests.
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        warm_up: 12h
        replications: 3
        seed: 42

        calendars:
          vn_gate:
            time_zone: Asia/Ho_Chi_Minh
            hours: { mon-sun: "07:00-19:00" }
          cn_gate:
            time_zone: Asia/Shanghai
            hours: { mon-sun: "08:00-20:00" }

        roads:
          freight_road_1119: { lanes: { export: 2, import: 2 }, crossing: fixed(4min), buffer: 20 }

        classes:
          fruit:   { share: 0.6, shelf_life: 72h, tonnes: 19, delay_cost_usd_per_hour: 6 }
          general: { share: 0.4, tonnes: 25, delay_cost_usd_per_hour: 2 }

        directions:
          export:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - yard:  { name: vn_yard, capacity: 100, overflow: highway, road_per_truck: 19m }
              - check: { name: vn_customs, servers: 4, calendar: vn_gate, service: exp(10min) }
              - road: freight_road_1119
              - check: { name: cn_inspection, servers: 4, calendar: cn_gate, service: exp(8min), buffer: 30 }
          import:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - check: { name: cn_export_check, servers: 4, calendar: cn_gate, service: exp(6min) }
              - road: freight_road_1119
              - check: { name: vn_import_customs, servers: 4, calendar: vn_gate, service: exp(12min), buffer: 40 }
        """;

    public static string WriteScenario(string directory, string name, string text)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
