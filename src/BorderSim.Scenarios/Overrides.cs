using System.Globalization;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>
/// Applies <c>--set path=value</c> overrides to the YAML tree before it is mapped, so an overridden value
/// is validated exactly like one in the file. Path segments are mapping keys; in a list, a number is an
/// index (<c>stages.1</c>) and any other segment picks the item with that name (<c>stages.vn_customs</c>,
/// which for a stage steps into its settings). The last key may be new in an existing mapping (then the
/// mapping's own check reports it if it is not a known key); any other missing step is an error.
/// </summary>
internal static class Overrides
{
    public const string SourceName = "--set";

    public static bool TryParse(string text, int position, out ScenarioOverride? result, out ScenarioError? error)
    {
        result = null;
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = new ScenarioError(SourceName, position, 1, "", $"'{text}' is not path=value", "write e.g. --set directions.export.arrivals.trucks_per_day=1500");
            return false;
        }

        var path = text[..equals].Trim();
        var segments = path.Split('.');
        if (path.Length == 0 || segments.Any(s => s.Length == 0))
        {
            error = new ScenarioError(SourceName, position, 1, path, $"'{path}' is not a dotted path", "write keys separated by dots, e.g. roads.freight_road_1119.lanes.export");
            return false;
        }

        result = new ScenarioOverride(path, text[(equals + 1)..]);
        return true;
    }

    public static YNode Apply(YNode root, IReadOnlyList<ScenarioOverride> overrides, Diagnostics diagnostics)
    {
        for (var i = 0; i < overrides.Count; i++)
        {
            root = ApplyOne(root, overrides[i], i + 1, diagnostics);
        }

        return root;
    }

    private static YNode ApplyOne(YNode root, ScenarioOverride change, int position, Diagnostics diagnostics)
    {
        var valueColumn = change.Path.Length + 2;
        var value = ParseValue(change.Value, position, valueColumn, diagnostics);
        if (value is null)
        {
            return root;
        }

        var segments = change.Path.Split('.');
        var current = root;
        var column = 1;
        var walked = "";
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            var isLast = s == segments.Length - 1;
            var here = walked.Length == 0 ? segment : walked + "." + segment;
            void Fail(string message, string? hint) =>
                diagnostics.Add(new ScenarioError(SourceName, position, column, change.Path, message, hint));

            switch (current)
            {
                case YMap map:
                    {
                        var index = map.IndexOf(segment);
                        if (index < 0)
                        {
                            if (isLast)
                            {
                                var key = new YScalar(SourceName, position, column, segment, isPlain: true);
                                map.Entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
                                return root;
                            }

                            Fail($"no key '{segment}' at '{(walked.Length == 0 ? "the top level" : walked)}'",
                                DidYouMean.Hint(segment, map.Keys) ?? "keys here: " + string.Join(", ", map.Keys));
                            return root;
                        }

                        if (isLast)
                        {
                            map.Entries[index] = new KeyValuePair<YScalar, YNode>(map.Entries[index].Key, value);
                            return root;
                        }

                        current = map.Entries[index].Value;
                        break;
                    }

                case YSeq seq:
                    {
                        if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                        {
                            // One past the last item adds an item: --set 'changes.2={ from: 2026-06-15, stage: vn_customs, servers: 8 }'.
                            if (isLast && index == seq.Items.Count)
                            {
                                seq.Items.Add(value);
                                return root;
                            }

                            if (index >= seq.Items.Count)
                            {
                                Fail($"'{walked}' has {seq.Items.Count} items; there is no item {index}",
                                    (seq.Items.Count == 0 ? "" : $"items are numbered 0 to {seq.Items.Count - 1}; ") + $"{walked}.{seq.Items.Count}=VALUE adds one");
                                return root;
                            }

                            if (isLast)
                            {
                                seq.Items[index] = value;
                                return root;
                            }

                            current = seq.Items[index];
                            break;
                        }

                        var found = FindNamed(seq, segment);
                        if (found is null)
                        {
                            var itemNames = seq.Items.Select(NameOf).OfType<string>().ToList();
                            Fail($"no item named '{segment}' in '{walked}'",
                                DidYouMean.Hint(segment, itemNames) ?? (itemNames.Count == 0 ? "address items by index, e.g. " + walked + ".0" : "items: " + string.Join(", ", itemNames)));
                            return root;
                        }

                        if (isLast)
                        {
                            Fail($"'{here}' is a whole list item", "set one of its keys, e.g. " + here + ".servers=8");
                            return root;
                        }

                        current = found;
                        break;
                    }

                default:
                    Fail($"'{walked}' is a single value, so it has no '{segment}'", $"set {walked}=... instead");
                    return root;
            }

            walked = here;
            column += segment.Length + 1;
        }

        return root;
    }

    /// <summary>The node at <paramref name="path"/>, walked as <see cref="ApplyOne"/> walks it; null when the path leads nowhere.</summary>
    public static YNode? Find(YNode root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            current = current switch
            {
                YMap map => map.Get(segment),
                YSeq seq when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) => index < seq.Items.Count ? seq.Items[index] : null,
                YSeq seq => FindNamed(seq, segment),
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static YNode? ParseValue(string text, int position, int column, Diagnostics diagnostics)
    {
        var prepared = TextGuard.Prepare(text, out var depthError);
        if (prepared is null)
        {
            diagnostics.Add(new ScenarioError(SourceName, position, column + depthError!.Column - 1, "", $"the value nests deeper than {TextGuard.MaxDepth} levels", null));
            return null;
        }

        var before = diagnostics.Count;
        var node = YamlTreeBuilder.Build(prepared, SourceName, diagnostics, (line, col) => (position, line == 1 ? column + col - 1 : column));
        if (diagnostics.Count > before)
        {
            return null;
        }

        return node ?? new YScalar(SourceName, position, column, "", isPlain: true);
    }

    /// <summary>An item's name: its own <c>name</c> key, or for a stage (<c>- check: {...}</c>) the name inside, or a road stage's road.</summary>
    private static string? NameOf(YNode item)
    {
        if (item is not YMap map)
        {
            return null;
        }

        if (map.Get("name") is YScalar name)
        {
            return name.Value;
        }

        if (map.Entries.Count == 1)
        {
            return map.Entries[0].Value switch
            {
                YMap inner when inner.Get("stage_name") is YScalar stageName => stageName.Value,
                YMap inner when inner.Get("name") is YScalar innerName => innerName.Value,
                YScalar scalar => scalar.Value,
                _ => null,
            };
        }

        return null;
    }

    private static YNode? FindNamed(YSeq seq, string name)
    {
        foreach (var item in seq.Items)
        {
            if (NameOf(item) != name)
            {
                continue;
            }

            var map = (YMap)item;
            return map.Get("name") is YScalar || map.Entries[0].Value is not YMap inner ? map : inner;
        }

        return null;
    }
}
