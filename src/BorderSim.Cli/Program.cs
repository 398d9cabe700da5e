using System.Runtime.InteropServices;
using System.Text;

namespace BorderSim.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var interrupt = new CancellationTokenSource();
        PosixSignal? received = null;
        void OnSignal(PosixSignalContext signal)
        {
            // First Ctrl-C (SIGINT) or SIGTERM (timeout, systemd, Slurm, Kubernetes): stop the run cleanly (no half
            // files, temporaries removed) and exit 130 or 143. A second one is left to its default: the process ends.
            if (!interrupt.IsCancellationRequested)
            {
                signal.Cancel = true;
                received = signal.Signal;
                interrupt.Cancel();
            }
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        // A console that cannot be written (a full disk behind a redirect) never stops the run nor costs its files.
        var stdout = new UnfailingConsoleWriter(Console.Out);
        var stderr = new UnfailingConsoleWriter(Console.Error);
        int exitCode = CliApp.Run(args, stdout, stderr, isErrorTerminal: !Console.IsErrorRedirected, interrupt.Token);
        stdout.Flush();
        stderr.Flush();
        if (exitCode == ExitCodes.Ok && (stdout.HasFailed || stderr.HasFailed))
        {
            exitCode = ExitCodes.OutputNotWritten;
        }

        return exitCode == ExitCodes.Interrupted && received == PosixSignal.SIGTERM ? ExitCodes.Terminated : exitCode;
    }
}
