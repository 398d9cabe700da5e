using BorderSim.Model.Results;

namespace BorderSim.Model.Spec;

/// <summary>
/// What a scenario calls itself and its parts in each report language: its name and description, and the labels of
/// its classes, directions, stages, roads and calendars (gates), by the name the file gives them. A part without a
/// label is absent here, and a report shows its name (or the glossary's word for it).
/// </summary>
/// <param name="Name">The scenario's name in English and Vietnamese (the same text twice when written once).</param>
/// <param name="Description">Its description in both languages; empty text when none.</param>
public sealed record ScenarioWords(Bilingual Name, Bilingual Description)
{
    /// <summary>Labels of cargo classes, by class name.</summary>
    public IReadOnlyDictionary<string, Bilingual> Classes { get; init; } = new Dictionary<string, Bilingual>();

    /// <summary>Labels of directions, by direction name.</summary>
    public IReadOnlyDictionary<string, Bilingual> Directions { get; init; } = new Dictionary<string, Bilingual>();

    /// <summary>Labels of stages (yards, checks, road stages), by stage name.</summary>
    public IReadOnlyDictionary<string, Bilingual> Stages { get; init; } = new Dictionary<string, Bilingual>();

    /// <summary>Labels of roads, by road name.</summary>
    public IReadOnlyDictionary<string, Bilingual> Roads { get; init; } = new Dictionary<string, Bilingual>();

    /// <summary>Labels of calendars (a gate's or a road's opening hours), by calendar name.</summary>
    public IReadOnlyDictionary<string, Bilingual> Calendars { get; init; } = new Dictionary<string, Bilingual>();

    /// <summary>Reasons (of a surge, closure, ban or change) given in both languages, by their English text.</summary>
    public IReadOnlyDictionary<string, Bilingual> Reasons { get; init; } = new Dictionary<string, Bilingual>();

    /// <summary>The words of a scenario written with a plain name and description and no labels.</summary>
    public static ScenarioWords Plain(string name, string description) => new(new Bilingual(name, name), new Bilingual(description, description));
}
