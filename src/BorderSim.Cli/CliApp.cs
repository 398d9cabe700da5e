using System.CommandLine;
using System.CommandLine.Invocation;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// The <c>bordersim</c> command line, callable in-process: <see cref="Run"/> takes the arguments and the
/// writers for stdout and stderr and returns the exit code. Verbs live in one file each
/// (<c>RunCommand.cs</c>, <c>ValidateCommand.cs</c>, ...) and are registered in <see cref="BuildRoot"/>.
/// </summary>
public static class CliApp
{
    public const string Description = "BorderSim: a discrete-event simulator of truck queues at road border crossings.";

    /// <summary>The version printed by --version and written to run.json.</summary>
    public static string Version => StudyVersion.Current;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        Run(args, stdout, stderr, isErrorTerminal: false, cancellationToken);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool isErrorTerminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Run(args, new CliContext(stdout, stderr, isErrorTerminal, args, cancellationToken));
    }

    /// <summary>Runs the command line in <paramref name="context"/> (its writers, token and, in tests, a fault to inject).</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        // Names, file names and option values are user text: none of their control characters reaches the terminal.
        context = context with
        {
            Out = new TerminalSafeWriter(context.Out),
            Error = new TerminalSafeWriter(context.Error),
            ProgressError = context.ProgressError,
        };
        TextWriter stderr = context.Error;
        TextWriter stdout = context.Out;
        CancellationToken cancellationToken = context.CancellationToken;
        Option<bool> verbose = CommonOptions.CreateVerbose();
        RootCommand root = BuildRoot(context, verbose);
        ParseResult parseResult = root.Parse(args);
        context = context with { IsDebug = context.IsDebug || parseResult.GetValue(verbose) };
        try
        {
            if (parseResult.Action is ParseErrorAction)
            {
                return ReportParseErrors(parseResult, context with { Language = ReportOptions.LanguageOf(parseResult) });
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            return ReportFailure(e, context);
        }
    }

    /// <summary>System.CommandLine exits with 1 on a parse error; 1 means "regression" here, so report and exit 2.</summary>
    private static int ReportParseErrors(ParseResult parseResult, CliContext context)
    {
        foreach (var error in parseResult.Errors)
        {
            context.Refuse($"bordersim: {error.Message}");
        }

        context.Refuse($"see 'bordersim {string.Join(' ', CommandPath(parseResult))} --help'".Replace("  ", " ", StringComparison.Ordinal));
        return ExitCodes.InvalidInput;
    }

    /// <summary>A bug or a failed run: one line for the user (the stack trace on request), exit 3.</summary>
    private static int ReportFailure(Exception e, CliContext context)
    {
        TextWriter stderr = context.Error;

        // Replications run in parallel: their failure arrives wrapped, and one line should name the cause.
        Exception cause = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
        if (cause is BorderSim.Model.Crossing.TrucksInSystemLimitException)
        {
            // More trucks at once than a run holds: the scenario's numbers are the mistake, and the message names them.
            stderr.WriteLine($"bordersim: {cause.Message}");
            return ExitCodes.InvalidInput;
        }

        if (cause is OutOfMemoryException or InsufficientExecutionStackException)
        {
            stderr.WriteLine("bordersim: run failed: out of memory; shorten the run (days, replications, trucks_per_day) or run fewer replications at once (--threads)");
            return ExitCodes.RunFailed;
        }

        stderr.WriteLine($"bordersim: run failed: {cause.GetType().Name}: {cause.Message.Split('\n')[0].TrimEnd()}");
        if (context.IsDebug)
        {
            stderr.WriteLine(e.ToString());
        }
        else
        {
            stderr.WriteLine("(rerun with --verbose or BORDERSIM_DEBUG=1 for the stack trace)");
        }

        return ExitCodes.RunFailed;
    }

    /// <summary>The root command with every verb. Add a verb here: <c>root.Subcommands.Add(CompareCommand.Create(context));</c>.</summary>
    public static RootCommand BuildRoot(CliContext context, Option<bool> verbose)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand(Description);
        root.Options.Add(verbose);
        foreach (Option option in root.Options)
        {
            if (option is VersionOption)
            {
                // The default prints the entry assembly's version, which in-process (tests) is the host's.
                option.Action = new PrintVersionAction();
            }
        }

        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(BatchCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(RegressCommand.Create(context));
        root.Subcommands.Add(CapacityCommand.Create(context));
        root.Subcommands.Add(OptimizeCommand.Create(context));
        root.Subcommands.Add(CalibrateCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(ExamplesCommand.Create(context));
        return root;
    }

    private static IEnumerable<string> CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return names;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            (parseResult.InvocationConfiguration.Output ?? Console.Out).WriteLine(Version);
            return ExitCodes.Ok;
        }
    }
}
