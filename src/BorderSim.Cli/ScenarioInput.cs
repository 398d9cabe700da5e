using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>Loading scenarios for the verbs: every error printed to stderr in the one user format.</summary>
public static class ScenarioInput
{
    /// <summary>
    /// The file's stem for a default output folder (results/&lt;stem&gt;): a stem of only dots (<c>...yaml</c> has
    /// <c>..</c>) would name the folder above, so it becomes <c>scenario</c>.
    /// </summary>
    public static string OutputStem(string file)
    {
        string stem = Path.GetFileNameWithoutExtension(file);
        return stem.Trim('.').Length == 0 ? "scenario" : stem;
    }

    /// <summary>
    /// The text of a scenario file already loaded (for the header comments in report.html); empty if it can no longer
    /// be read: the report then says the file has no comments rather than fail a finished run.
    /// </summary>
    public static string ReadTextOrEmpty(string path) => BorderSim.Studies.ScenarioText.ReadOrEmpty(path);

    /// <summary>Loads <paramref name="path"/>; on errors prints each (<c>file:line:col: field: message (hint)</c>) and returns the result anyway.</summary>
    public static ScenarioLoadResult LoadAndReport(string path, IReadOnlyList<ScenarioOverride> overrides, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ScenarioLoadResult result = ScenarioReader.Load(path, overrides);
        PrintErrors(result.Errors, context);
        return result;
    }

    /// <summary>Prints errors or warnings to stderr, one a line, in the user format (a warning says <c>warning:</c>).</summary>
    public static void PrintErrors(IEnumerable<ScenarioError> errors, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(context);
        foreach (ScenarioError error in errors)
        {
            context.Error.WriteLine(ScenarioErrorText.Say(error, context.Language));
        }
    }
}
