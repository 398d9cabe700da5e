using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>
/// A scenario file read and parsed once, then loaded with each configuration's --set values in memory: a search
/// (capacity, optimize, calibrate) tries dozens of configurations of one file, and each is the parsed tree with its
/// values applied, mapped and checked, exactly as <see cref="ScenarioReader.Load"/> would give it (same scenario, same
/// errors, same hash), without reading and parsing the YAML again. The files the scenario names (daily arrival
/// series, observations) are still read for each load, relative to the scenario's folder.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly string _path;
    private readonly string? _text;
    private readonly YNode? _root;

    private ScenarioDocument(string path, string? text, YNode? root)
    {
        _path = path;
        _text = text;
        _root = root;
    }

    /// <summary>Whether the file was read and parsed once (else every load reads it again and says what is wrong).</summary>
    public bool IsParsed => _root is not null;

    /// <summary>Reads and parses <paramref name="path"/>; a file that cannot be read or parsed is left to each load to report.</summary>
    public static ScenarioDocument Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path) || !InputFile.TryReadText(path, ScenarioReader.MaxFileBytes, out string? text, out _))
        {
            return new ScenarioDocument(path, null, null);
        }

        return new ScenarioDocument(path, text, ScenarioReader.Parse(text, path));
    }

    /// <summary>The scenario with <paramref name="overrides"/> applied, as <see cref="ScenarioReader.Load"/> gives it.</summary>
    public ScenarioLoadResult Load(IReadOnlyList<ScenarioOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (_root is null)
        {
            return ScenarioReader.Load(_path, overrides);
        }

        return ScenarioReader.WithObservations(ScenarioReader.Map(YamlCopy.Of(_root), _text!, overrides, _path), _path);
    }
}
