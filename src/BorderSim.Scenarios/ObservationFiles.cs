using BorderSim.Model.Spec;
using BorderSim.Scenarios.Mapping;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios;

/// <summary>A CSV of observations named by a scenario's <c>observations:</c>, with where the name was written.</summary>
/// <param name="Path">The path as written, relative to the scenario file's folder (or absolute).</param>
/// <param name="ScenarioFile">The scenario file that names it.</param>
/// <param name="Line">Line of the name in the scenario.</param>
/// <param name="Column">Column of the name in the scenario.</param>
/// <param name="Field">The field, e.g. <c>observations[0]</c>.</param>
public sealed record ObservationFileReference(string Path, string ScenarioFile, int Line, int Column, string Field);

/// <summary>The scenario's <c>observations: [counts.csv, ...]</c>: the names read from YAML, and the files read at the edge.</summary>
internal static class ObservationFiles
{
    public const string Key = "observations";

    /// <summary>The file names of <c>observations:</c> in <paramref name="root"/>, every problem reported; none without the key.</summary>
    public static IReadOnlyList<ObservationFileReference> Collect(YNode root, Diagnostics diagnostics)
    {
        if (root is not YMap map || map.Get(Key) is not { } node)
        {
            return [];
        }

        var fields = new Fields(diagnostics);
        var seq = fields.Seq(node, Key, "write observations: [counts.csv], paths relative to the scenario file");
        if (seq is null)
        {
            return [];
        }

        var files = new List<ObservationFileReference>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var field = Fields.Index(Key, i);
            var text = fields.Scalar(seq.Items[i], field, "a file name", "e.g. counts.csv");
            if (text is null)
            {
                continue;
            }

            if (text.Trim().Length == 0 || !text.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                fields.Error(seq.Items[i], field, $"expected a .csv file, found '{text}'", "observations are CSV files, e.g. counts.csv");
                continue;
            }

            files.Add(new ObservationFileReference(text.Trim(), seq.Items[i].File, seq.Items[i].Line, seq.Items[i].Column, field));
        }

        return files;
    }

    /// <summary>
    /// The edge: reads each file (relative to <paramref name="scenarioPath"/>'s folder) against <paramref name="scenario"/>,
    /// adding its errors to <paramref name="errors"/>; the observations of every file, in order.
    /// </summary>
    public static IReadOnlyList<ObservationSpec> Load(string scenarioPath, IReadOnlyList<ObservationFileReference> files, ScenarioSpec scenario, List<ScenarioError> errors)
    {
        var folder = System.IO.Path.GetDirectoryName(scenarioPath) ?? "";
        var observations = new List<ObservationSpec>();
        foreach (var file in files)
        {
            var path = System.IO.Path.Combine(folder, file.Path);
            if (!InputFile.TryReadText(path, InputFile.MaxCsvBytes, out var text, out var problem))
            {
                errors.Add(new ScenarioError(file.ScenarioFile, file.Line, file.Column, file.Field, $"{path}: {problem.Message}",
                    problem.Kind == InputFile.ProblemKind.NotFound ? "the path is relative to the scenario file's folder" : problem.Hint));
                continue;
            }

            observations.AddRange(ObservationsCsv.Read(new StringReader(text), path, scenario, errors));
        }

        return observations;
    }
}
