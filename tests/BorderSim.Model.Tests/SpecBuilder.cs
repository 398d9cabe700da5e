using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>Small scenarios built in code, so model tests do not depend on the YAML reader.</summary>
internal static class SpecBuilder
{
    public static readonly DateTimeZone Hanoi = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    public static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static ScenarioSpec Scenario(
        IReadOnlyList<DirectionSpec> directions,
        int days = 30,
        double? warmUpHours = 48,
        int replications = 4,
        IReadOnlyList<CalendarSpec>? calendars = null,
        IReadOnlyList<RoadSpec>? roads = null,
        IReadOnlyList<CargoClassSpec>? classes = null,
        IReadOnlyList<ScheduledChangeSpec>? changes = null,
        LocalDateTime? start = null) =>
        new(
            "test",
            "",
            start ?? new LocalDateTime(2026, 6, 1, 0, 0),
            Hanoi,
            days,
            warmUpHours,
            replications,
            20260601,
            15,
            calendars ?? [],
            roads ?? [],
            classes ?? [General()],
            directions,
            changes ?? []);

    public static CargoClassSpec General(double share = 1) => new("general", share, null, 25, 2, null);

    public static ArrivalSpec Flat(double trucksPerDay, IReadOnlyDictionary<string, double>? mix = null) =>
        new(trucksPerDay, ArrivalSpec.Flat, new Dictionary<IsoDayOfWeek, double>(), new Dictionary<int, double>(), [], mix ?? new Dictionary<string, double> { ["general"] = 1 });

    public static CheckStageSpec Check(string name, int servers, Distribution service, string? calendar = null, int? buffer = null) =>
        new(name, servers, calendar, [new ChannelSpec("green", 1, service, new Dictionary<string, double>(), new Dictionary<string, Distribution>())], buffer);

    public static YardStageSpec Yard(string name, int? capacity, Distribution? dwell = null, string? returnEmptyVia = null, int? releaseQuota = null) =>
        new(name, capacity, true, 19, releaseQuota, dwell, returnEmptyVia);

    public static CalendarSpec Calendar(string name, DateTimeZone zone, double opens, double closes, IReadOnlyList<ClosureSpec>? closures = null, IReadOnlyList<AppointmentPeriodSpec>? appointments = null) =>
        new(
            name,
            zone,
            new WeeklyHours(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)[new OpeningInterval(opens, closes)])),
            closures ?? [],
            appointments ?? []);
}
