namespace BorderSim.Scenarios.Yaml;

/// <summary>
/// A YAML node with the place it came from. The project's own small tree (rather than YamlDotNet's
/// representation model) so that duplicate keys are all reported instead of the first one thrown,
/// aliases are refused before anything expands, and values set from the command line carry their
/// own origin (<c>--set</c>).
/// </summary>
internal abstract class YNode(string file, int line, int column)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>What the node is, for messages ("a list", "a mapping", "'abc'").</summary>
    public abstract string Describe();
}

internal sealed class YScalar(string file, int line, int column, string value, bool isPlain) : YNode(file, line, column)
{
    public string Value { get; } = value;

    /// <summary>True when written without quotes (only plain scalars can mean null).</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "no value" : $"'{Shorten(Value)}'";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

internal sealed class YMap(string file, int line, int column) : YNode(file, line, column)
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];

    public YNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public int IndexOf(string key) => Entries.FindIndex(e => e.Key.Value == key);

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);

    public override string Describe() => "a mapping";
}

internal sealed class YSeq(string file, int line, int column) : YNode(file, line, column)
{
    public List<YNode> Items { get; } = [];

    public override string Describe() => "a list";
}

/// <summary>Copies of a parsed tree, so that --set values applied to one (in place) leave the other as parsed.</summary>
internal static class YamlCopy
{
    /// <summary>A copy of every mapping and list of <paramref name="node"/>; scalars, which never change, are shared.</summary>
    public static YNode Of(YNode node)
    {
        switch (node)
        {
            case YMap map:
                var mapCopy = new YMap(map.File, map.Line, map.Column);
                mapCopy.Entries.AddRange(map.Entries.Select(e => new KeyValuePair<YScalar, YNode>(e.Key, Of(e.Value))));
                return mapCopy;
            case YSeq seq:
                var seqCopy = new YSeq(seq.File, seq.Line, seq.Column);
                seqCopy.Items.AddRange(seq.Items.Select(Of));
                return seqCopy;
            default:
                return node;
        }
    }
}
