using BorderSim.Scenarios.Format;

namespace BorderSim.Scenarios;

/// <summary>
/// The scenario format as declared once in <c>Format/</c> (a table per section: key, reader, unit, required, default,
/// doc, example): the mappers check keys against it, and it generates the JSON schema and the reference page.
/// </summary>
public static class ScenarioFormat
{
    /// <summary>The JSON schema (draft-07) of a scenario, as committed in <c>scenarios/bordersim.schema.json</c>.</summary>
    public static string JsonSchema() => SchemaWriter.Write();

    /// <summary>The reference page of the format (markdown), as committed in <c>docs/reference/scenario-format.md</c>.</summary>
    public static string ReferencePage() => Format.ReferencePage.Write();
}
