using BorderSim.Reporting;

namespace BorderSim.Studies;

/// <summary>
/// The folder a study writes its run list and parts into, as the command line's output session provides it: files
/// replaced atomically, listed in run.json or not, and sub-folders checked for links.
/// </summary>
public interface IStudyFolder : IOutputFolder
{
    /// <summary>Creates the folder <paramref name="folderName"/> inside this folder (runs/) if needed.</summary>
    void CreateFolder(string folderName);

    /// <summary>Writes <paramref name="fileName"/> in place at once (runlist.csv, read back by a resumed run).</summary>
    void WriteInPlace(string fileName, Action<TextWriter> write);

    /// <summary>Writes <paramref name="fileName"/> (a part or its manifest) in place, unlisted in run.json; synced to disk when <paramref name="synced"/>.</summary>
    void WriteUnlisted(string fileName, byte[] bytes, bool synced = true);
}
