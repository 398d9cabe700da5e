using System.Diagnostics.CodeAnalysis;

namespace BorderSim.Scenarios;

/// <summary>
/// How to fix a mistake, in English and, where its source says it, in Vietnamese. A plain string is English only: then
/// a Vietnamese reader gets the phrase-by-phrase translation of the English (ScenarioErrorText), so saying the
/// Vietnamese here, next to the English, is how an error reads whole in both languages.
/// </summary>
internal sealed record Advice(string English, string? Vietnamese)
{
    [return: NotNullIfNotNull(nameof(english))]
    public static implicit operator Advice?(string? english) => english is null ? null : new Advice(english, null);
}
