namespace BorderSim.Cli;

/// <summary>The exit codes of every verb (STYLE.md, "Command line").</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A regression or a failed comparison (regress, compare).</summary>
    public const int RegressionFailed = 1;

    /// <summary>
    /// A target the user set was not reached (run --precision stopped at --max-replications). The results are
    /// written and say so; the same code as a regression, since both mean "a check you asked for failed".
    /// </summary>
    public const int TargetNotMet = 1;

    /// <summary>The user's input is wrong: a bad scenario, option or file name. No stack trace.</summary>
    public const int InvalidInput = 2;

    /// <summary>The simulation failed, or an unexpected error (a bug).</summary>
    public const int RunFailed = 3;

    /// <summary>A result could not be written (the output path is a file, no permission, disk full).</summary>
    public const int OutputNotWritten = 4;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), as sent by timeout, systemd, Slurm and Kubernetes; handled like Ctrl-C.</summary>
    public const int Terminated = 143;
}
