using System.Text.Json.Nodes;

namespace BorderSim.Scenarios.Format;

/// <summary>
/// How a value of the format is written: the "reader" of a key. It says itself in words for the reference page
/// (<see cref="Describe"/>) and as a JSON schema (<see cref="Schema"/>), and names the sections nested in it.
/// </summary>
internal abstract record Shape
{
    /// <summary>The value in words (markdown), e.g. "whole number ≥ 1" or a link to a section.</summary>
    public abstract string Describe();

    /// <summary>A fresh JSON schema of the value.</summary>
    public abstract JsonObject Schema();

    /// <summary>The sections nested in the value, each with the path step that leads to it ("" for the key itself, ".NAME", "[]").</summary>
    public virtual IEnumerable<(string Step, FormatSection Section)> Children => [];
}

/// <summary>A single value (number, text, enum, ...) given by its words and its schema.</summary>
internal sealed record ScalarShape(string Text, Func<JsonObject> Build) : Shape
{
    public override string Describe() => Text;

    public override JsonObject Schema() => Build();
}

/// <summary>A value of a named kind (duration, distribution, ...), defined once under <c>definitions</c>.</summary>
internal sealed record RefShape(Definition Definition) : Shape
{
    public override string Describe() => $"[{Definition.Name}](#{Definition.Name.ToLowerInvariant()})";

    public override JsonObject Schema() => new() { ["$ref"] = "#/definitions/" + Definition.Name };

    public override IEnumerable<(string Step, FormatSection Section)> Children => Definition.Shape.Children;
}

/// <summary>A mapping with the keys of a section.</summary>
internal sealed record ObjectShape(FormatSection Section) : Shape
{
    public override string Describe() => $"[{Section.Title}](#{Section.Id})";

    public override JsonObject Schema() => SchemaWriter.SectionSchema(Section);

    public override IEnumerable<(string Step, FormatSection Section)> Children => [("", Section)];
}

/// <summary>A mapping from names the scenario chooses (<see cref="KeyName"/>, e.g. NAME or CLASS) to values of one shape.</summary>
internal sealed record MapShape(string KeyName, Shape Entry) : Shape
{
    public int MinEntries { get; init; }

    /// <summary>Keys the reader refuses, e.g. all (the metric ids' word for every class).</summary>
    public IReadOnlyList<string> Forbidden { get; init; } = [];

    /// <summary>Whether the keys are names that others refer to (letters, digits, '_' and '-', not '-' first).</summary>
    public bool KeysAreNames { get; init; }

    /// <summary>More of the schema, for a rule across the entries (e.g. every channel has p when there are two).</summary>
    public Func<JsonObject>? Extra { get; init; }

    public override string Describe() => $"mapping {KeyName} → {Entry.Describe()}";

    public override JsonObject Schema()
    {
        var schema = new JsonObject { ["type"] = "object" };
        if (MinEntries > 0)
        {
            schema["minProperties"] = MinEntries;
        }

        schema["additionalProperties"] = Entry.Schema();
        if (KeysAreNames || Forbidden.Count > 0)
        {
            var names = new JsonObject();
            if (KeysAreNames)
            {
                names["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/name" });
            }

            if (Forbidden.Count > 0)
            {
                names["not"] = new JsonObject { ["enum"] = new JsonArray([.. Forbidden.Select(f => JsonValue.Create(f))]) };
            }

            schema["propertyNames"] = names;
        }

        foreach (var (key, value) in Extra?.Invoke() ?? [])
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }

    public override IEnumerable<(string Step, FormatSection Section)> Children =>
        Entry.Children.Select(c => ("." + KeyName + c.Step, c.Section));
}

/// <summary>A mapping whose keys match a pattern (day or month names), to values of one shape.</summary>
internal sealed record PatternMapShape(string KeyText, string Pattern, Shape Entry) : Shape
{
    public override string Describe() => $"mapping {KeyText} → {Entry.Describe()}";

    public override JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["patternProperties"] = new JsonObject { [Pattern] = Entry.Schema() },
        ["additionalProperties"] = false,
    };
}

/// <summary>A list of values of one shape.</summary>
internal sealed record ListShape(Shape Item) : Shape
{
    public int MinItems { get; init; }

    public override string Describe() => $"list of {Item.Describe()}";

    public override JsonObject Schema()
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = Item.Schema() };
        if (MinItems > 0)
        {
            schema["minItems"] = MinItems;
        }

        return schema;
    }

    public override IEnumerable<(string Step, FormatSection Section)> Children => Item.Children.Select(c => ("[]" + c.Step, c.Section));
}

/// <summary>One of several shapes, e.g. a road's name or a mapping.</summary>
internal sealed record AnyOfShape(IReadOnlyList<Shape> Options) : Shape
{
    public override string Describe() => string.Join(" or ", Options.Select(o => o.Describe()));

    public override JsonObject Schema() => new() { ["anyOf"] = new JsonArray([.. Options.Select(o => (JsonNode)o.Schema())]) };

    public override IEnumerable<(string Step, FormatSection Section)> Children => Options.SelectMany(o => o.Children);
}

/// <summary>A named kind of value, written once under the schema's <c>definitions</c> and once under the page's Values.</summary>
internal sealed record Definition(string Name, string Doc, Shape Shape, IReadOnlyList<string> Examples)
{
    /// <summary>Whether the schema of the definition lists its examples (for an editor's completion).</summary>
    public bool ExamplesInSchema { get; init; }
}
