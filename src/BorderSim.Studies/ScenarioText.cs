namespace BorderSim.Studies;

/// <summary>The text of a scenario file already loaded, for the report's header comments and provenance.</summary>
public static class ScenarioText
{
    /// <summary>
    /// The text of <paramref name="path"/>; empty if it can no longer be read: the report then says the file has no
    /// comments rather than fail a finished run.
    /// </summary>
    public static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
