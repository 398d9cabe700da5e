using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>The names defined in a scenario, and references to check once every section is read.</summary>
internal sealed class Names
{
    /// <summary>The word metric ids use for every direction or class together: no direction or class may take it.</summary>
    public const string ReservedAll = "all";

    public List<string> Classes { get; } = [];

    public List<string> Calendars { get; } = [];

    public List<string> Roads { get; } = [];

    public List<string> Directions { get; } = [];

    public List<string> Pools { get; } = [];

    /// <summary>Directions that some origin routes trucks to: their own arrivals are optional.</summary>
    public HashSet<string> FedDirections { get; } = new(StringComparer.Ordinal);

    /// <summary>Check stages by name (changes may set their servers).</summary>
    public Dictionary<string, string> StageKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Servers of each check by name (a dated reservation must fit the servers of its date).</summary>
    public Dictionary<string, int> CheckServers { get; } = new(StringComparer.Ordinal);

    /// <summary>Lanes per direction of each road by name.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, int>> RoadLanes { get; } = new(StringComparer.Ordinal);

    /// <summary>Class names used before the classes of the implicit 'empty' are known.</summary>
    public List<(YNode Node, string Field, string Name)> ClassReferences { get; } = [];

    /// <summary>True when a yard returns trucks empty, so the implicit class 'empty' exists.</summary>
    public bool NeedsEmptyClass { get; set; }

    /// <summary>Every return_empty_via: trucks of Direction go back empty through Via.</summary>
    public List<(string Direction, string Via, YNode Node, string Field)> ReturnRoutes { get; } = [];

    /// <summary>Every return_empty_via that names the stages of Via where the empties join (From) and leave (To) it.</summary>
    public List<ReturnStages> ReturnStages { get; } = [];
}

/// <summary>A return_empty_via over part of <paramref name="Via"/>: stage names with their nodes (null = not given).</summary>
internal sealed record ReturnStages(string Direction, string Via, string? From, YNode? FromNode, string FromField, string? To, YNode? ToNode, string ToField)
{
    /// <summary>Whether the empties leave before the last stage of <paramref name="Via"/> (so they never reach its destination yard).</summary>
    public bool StopsBefore(IReadOnlyList<BorderSim.Model.Spec.StageSpec> viaStages) => To is not null && viaStages.Count > 0 && viaStages[^1].Name != To;
}
