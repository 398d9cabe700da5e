using System.Diagnostics;
using System.Text;

namespace BorderSim.Cli.Tests;

/// <summary>The built bordersim run as a child process, so a test can send it signals as a terminal, timeout or Slurm would.</summary>
internal sealed class ChildCli : IDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly Lock _lock = new();

    private ChildCli(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    /// <summary>
    /// Whether this process ignores <paramref name="signal"/> (the SigIgn mask of /proc/self/status). A child inherits an
    /// ignored SIGINT (a background job of a non-interactive shell, nohup) and .NET rightly keeps it ignored, so
    /// Ctrl-C cannot be tested from such a shell.
    /// </summary>
    public static bool IsIgnoredHere(int signal)
    {
        string? line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }

    public string Error
    {
        get
        {
            lock (_lock)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet bordersim.dll ARGS</c> (the CLI built beside the tests) in <paramref name="workingDirectory"/>.</summary>
    public static ChildCli Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>
    /// As <see cref="Start(string, string[])"/>, with the child's managed heap capped at <paramref name="heapLimitBytes"/>
    /// (DOTNET_GCHeapHardLimit): past it an allocation fails with OutOfMemoryException instead of taking the machine's
    /// memory, so a test of a memory bound cannot take the machine down.
    /// </summary>
    public static ChildCli Start(string workingDirectory, long? heapLimitBytes, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (heapLimitBytes is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bordersim.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var child = new ChildCli(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (child._lock)
            {
                child._error.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return child;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds; fails the test if it does not within <paramref name="seconds"/>.
    /// The bound only stops a hung child: it is generous because a loaded 2-core machine (parallel builds) can take
    /// 20 s to finish a replication that takes 0.1 s on a quiet one; it is not a speed check.
    /// </summary>
    public void WaitUntil(Func<bool> condition, string what, double seconds = 90)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                Assert.Fail($"bordersim exited ({_process.ExitCode}) before {what}: {Error}");
            }

            if (clock.Elapsed.TotalSeconds > seconds)
            {
                Assert.Fail($"no {what} within {seconds} s: {Error}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Sends <paramref name="signal"/> and returns the exit code and the seconds until the process ended.</summary>
    public (int ExitCode, double Seconds) Signal(int signal, double timeoutSeconds = 15)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-s", signal.ToString(System.Globalization.CultureInfo.InvariantCulture), _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
            Assert.That(kill.ExitCode, Is.Zero, "kill(1)");
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            _process.Kill();
            Assert.Fail($"bordersim did not end within {timeoutSeconds} s of signal {signal}: {Error}");
        }

        double seconds = clock.Elapsed.TotalSeconds;
        _process.WaitForExit();
        return (_process.ExitCode, seconds);
    }

    /// <summary>Waits for the process to end by itself; fails the test (and kills it) if it does not within <paramref name="seconds"/>.</summary>
    public int WaitForExit(double seconds)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(seconds)))
        {
            _process.Kill();
            _process.WaitForExit();
            Assert.Fail($"bordersim did not end within {seconds} s: {Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
