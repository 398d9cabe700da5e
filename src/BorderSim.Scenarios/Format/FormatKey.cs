using System.Text.Json.Nodes;

namespace BorderSim.Scenarios.Format;

/// <summary>Whether a key of a section must be written.</summary>
internal enum Need
{
    Optional,
    Required,

    /// <summary>Required in some cases only; <see cref="FormatKey.RequiredWhen"/> says which, and the mapper asks for it then.</summary>
    Conditional,
}

/// <summary>
/// One key of a section of the scenario format, declared once: its name, how its value is read (<see cref="Reader"/>,
/// which also gives its JSON schema), its unit, whether it is required, its default, a one-line doc and an example.
/// The mappers check keys against it (unknown keys with a did-you-mean, missing required keys); the JSON schema
/// and the reference page are generated from it.
/// </summary>
internal sealed record FormatKey(string Name, Shape Reader, string Doc)
{
    public Need Need { get; init; }

    /// <summary>For a <see cref="Need.Conditional"/> key: when it is required, e.g. "with two or more channels".</summary>
    public string? RequiredWhen { get; init; }

    /// <summary>The unit of a number, e.g. "trucks/day"; null for a value that carries its own unit (a duration) or none.</summary>
    public string? Unit { get; init; }

    /// <summary>What a missing key means, as the reference page says it, e.g. "10", "always open".</summary>
    public string? Default { get; init; }

    /// <summary>The default as a value, when it is one (the schema's <c>default</c>, an editor's completion).</summary>
    public JsonNode? DefaultValue { get; init; }

    /// <summary>A value as written in YAML, e.g. <c>exp(10min)</c>.</summary>
    public string? Example { get; init; }

    public FormatKey Required() => this with { Need = Need.Required };

    public FormatKey RequiredIf(string when) => this with { Need = Need.Conditional, RequiredWhen = when };

    public FormatKey In(string unit) => this with { Unit = unit };

    public FormatKey Defaults(string text) => this with { Default = text };

    public FormatKey Defaults(string text, JsonNode value) => this with { Default = text, DefaultValue = value };

    public FormatKey Eg(string example) => this with { Example = example };
}
