using System.Text.Json.Nodes;

namespace BorderSim.Scenarios.Format;

/// <summary>
/// A section of the scenario format: a mapping whose keys are declared in <see cref="Keys"/> (in the order the
/// mapper lists them in its messages), with <see cref="Rules"/> that span keys.
/// </summary>
internal sealed record FormatSection(string Title, string Doc, IReadOnlyList<FormatKey> Keys)
{
    public IReadOnlyList<SectionRule> Rules { get; init; } = [];

    /// <summary>The anchor of the section on the reference page.</summary>
    public string Id => string.Concat(Title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));

    /// <summary>The known keys, in declaration order (the order of "known keys: ..." in messages).</summary>
    public IReadOnlyList<string> Known => [.. Keys.Select(k => k.Name)];

    /// <summary>The required keys in declaration order; with <paramref name="withConditional"/>, the conditional ones too.</summary>
    public IReadOnlyList<string> RequiredKeys(bool withConditional = false) =>
        [.. Keys.Where(k => k.Need == Need.Required || (withConditional && k.Need == Need.Conditional)).Select(k => k.Name)];

    public FormatKey this[string name] => Keys.Single(k => k.Name == name);
}

/// <summary>A rule that spans keys of a section: one line for the reference page, and the schema that says it.</summary>
internal sealed record SectionRule(string Doc, Func<JsonObject> Schema)
{
    private static JsonObject Requires(params string[] keys) => new() { ["required"] = new JsonArray([.. keys.Select(k => JsonValue.Create(k))]) };

    private static JsonArray Array(IEnumerable<JsonNode> nodes) => new([.. nodes]);

    /// <summary>Exactly one of <paramref name="keys"/> is given.</summary>
    public static SectionRule OneOf(string doc, params string[] keys) =>
        new(doc, () => new JsonObject { ["oneOf"] = Array(keys.Select(k => (JsonNode)Requires(k))) });

    /// <summary>The section has exactly one key.</summary>
    public static SectionRule ExactlyOneKey(string doc) => new(doc, () => new JsonObject { ["minProperties"] = 1, ["maxProperties"] = 1 });

    /// <summary>The section has at least one key.</summary>
    public static SectionRule AtLeastOneKey(string doc) => new(doc, () => new JsonObject { ["minProperties"] = 1 });

    /// <summary>When <paramref name="key"/> is <paramref name="value"/>, <paramref name="required"/> is given too.</summary>
    public static SectionRule RequiredWhen(string doc, string key, string value, string required) => new(doc, () => new JsonObject
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["properties"] = new JsonObject { [key] = new JsonObject { ["not"] = new JsonObject { ["enum"] = new JsonArray(value) } } } },
            Requires(required)),
    });

    /// <summary><paramref name="keys"/> are given only when <paramref name="key"/> is <paramref name="value"/>.</summary>
    public static SectionRule OnlyWhen(string doc, string key, string value, params string[] keys) => new(doc, () => new JsonObject
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["properties"] = new JsonObject { [key] = new JsonObject { ["enum"] = new JsonArray(value) } } },
            new JsonObject { ["not"] = new JsonObject { ["anyOf"] = Array(keys.Select(k => (JsonNode)Requires(k))) } }),
    });

    /// <summary>A rule whose schema is given as is.</summary>
    public static SectionRule Custom(string doc, Func<JsonObject> schema) => new(doc, schema);

    internal static JsonObject RequiresAll(params string[] keys) => Requires(keys);
}
