using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>
/// Edits single values of a scenario's text in place, so everything else (comments, order, layout) stays as written:
/// the value at a <c>--set</c> path is found in the parsed tree, and its characters at its line and column are
/// replaced. Only a value written on one line, plain or in double or single quotes without escapes, can be edited;
/// any other is refused with why. Used by <c>calibrate</c> to write the calibrated scenario as a new file.
/// </summary>
public static class ScenarioTextEdit
{
    /// <summary>The text of the single value at <paramref name="valuePath"/> in <paramref name="text"/>; null with <paramref name="problem"/> when there is none or it cannot be edited in place.</summary>
    public static string? ValueAt(string text, string file, string valuePath, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Locate(text, file, valuePath, out problem) is { } place ? place.Value : null;
    }

    /// <summary>
    /// <paramref name="text"/> with each path's value replaced by its new text (kept in the same quotes, if any);
    /// null with <paramref name="problems"/> (one line a path) when a path leads to no single value or to one that
    /// cannot be edited in place.
    /// </summary>
    public static string? Replace(string text, string file, IReadOnlyList<(string Path, string Value)> edits, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        problems = [];
        var places = new List<(int Offset, int Length, string Value)>();
        foreach ((string path, string value) in edits)
        {
            if (Locate(text, file, path, out string problem) is { } place)
            {
                places.Add((place.Offset, place.Length, value));
            }
            else
            {
                problems.Add($"{path}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var result = new System.Text.StringBuilder(text);
        foreach ((int offset, int length, string value) in places.OrderByDescending(p => p.Offset))
        {
            result.Remove(offset, length).Insert(offset, value);
        }

        return result.ToString();
    }

    private sealed record Place(int Offset, int Length, string Value);

    private static Place? Locate(string text, string file, string valuePath, out string problem)
    {
        problem = "";
        var diagnostics = new Diagnostics(file);
        var prepared = TextGuard.Prepare(text, out _);
        var root = prepared is null ? null : YamlTreeBuilder.Build(prepared, file, diagnostics);
        if (root is null || diagnostics.Count > 0)
        {
            problem = "the scenario cannot be read (run 'bordersim validate' on it)";
            return null;
        }

        if (Overrides.Find(root, valuePath) is not YScalar scalar)
        {
            problem = Overrides.Find(root, valuePath) is null
                ? $"the scenario has no value at '{valuePath}'"
                : $"'{valuePath}' is a mapping or list, not a single value";
            return null;
        }

        int offset = OffsetOf(text, scalar.Line, scalar.Column);
        if (offset < 0 || scalar.Value.Contains('\n', StringComparison.Ordinal))
        {
            problem = $"its value at line {scalar.Line} is not written on one line, so it cannot be edited in place";
            return null;
        }

        if (scalar.IsPlain)
        {
            return string.CompareOrdinal(text, offset, scalar.Value, 0, scalar.Value.Length) == 0
                ? new Place(offset, scalar.Value.Length, scalar.Value)
                : Unsupported(scalar, out problem);
        }

        char quote = text[offset];
        int end = offset + 1 + scalar.Value.Length;
        bool asWritten = quote is '"' or '\'' && end < text.Length && text[end] == quote
            && string.CompareOrdinal(text, offset + 1, scalar.Value, 0, scalar.Value.Length) == 0;
        return asWritten ? new Place(offset + 1, scalar.Value.Length, scalar.Value) : Unsupported(scalar, out problem);
    }

    private static Place? Unsupported(YScalar scalar, out string problem)
    {
        problem = $"its value at line {scalar.Line}, column {scalar.Column} is written with escapes or over lines, so it cannot be edited in place";
        return null;
    }

    /// <summary>The offset of 1-based <paramref name="line"/> and <paramref name="column"/>; −1 when outside the text.</summary>
    private static int OffsetOf(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                return -1;
            }
        }

        offset += column - 1;
        return offset < text.Length ? offset : -1;
    }
}
