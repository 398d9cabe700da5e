using System.CommandLine;

namespace BorderSim.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("BorderSim: a discrete-event simulator of truck queues at road border crossings.");
        return root.Parse(args).Invoke();
    }
}
