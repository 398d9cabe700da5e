using System.Text;

namespace BorderSim.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var interrupt = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // First Ctrl-C: stop the run cleanly (no half files), exit 130. A second one kills the process.
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            return CliApp.Run(args, Console.Out, Console.Error, isErrorTerminal: !Console.IsErrorRedirected, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
