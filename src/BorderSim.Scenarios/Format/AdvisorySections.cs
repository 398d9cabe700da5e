using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of advisories: dated warnings to drivers, to which the trucks already in line react.</summary>
internal static class AdvisorySections
{
    public static readonly FormatSection Advisory = new("Advisory",
        "A dated advisory to drivers (the other side's acceptance about to stop, a long queue announced): nothing closes, but from local midnight of 'from' " +
        "a share of the trucks of 'classes' already in line in 'direction' leaves, as on a ban's waiting (left_on_event). Trucks arriving later are not concerned: " +
        "give them a surge or a ban of their own.",
    [
        new FormatKey("from", Date, "The day it is issued, from local midnight.").Required().Eg("2026-06-10"),
        new FormatKey("direction", Name, "The direction whose trucks in line it concerns.").Required().Eg("export"),
        new FormatKey("classes", new ListShape(Name) { MinItems = 1 }, "The classes it concerns.").Defaults("every class").Eg("[fruit]"),
        new FormatKey("waiting", new ObjectShape(WaitingSections.Waiting), "How the trucks already in line react: leave (move is for an origin's suspension only).")
            .Required().Eg("{ leave: 0.3 }"),
        new FormatKey("reason", BilingualText, "Why, shown in reports."),
    ]);
}
