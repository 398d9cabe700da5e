namespace BorderSim.Model.Results;

/// <summary>
/// Words for a planner in the two languages of the reports: English and Vietnamese. The model holds the words
/// (a metric's label, a unit, a section title); Reporting picks the one of its page.
/// </summary>
public sealed record Bilingual(string English, string Vietnamese);
