using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim run FILE</c>: runs a scenario's replications and writes summary.csv, timeseries.csv,
/// trucks.csv (with --trucks), the plots and run.json into the output directory; prints the summary table.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Scenario file (YAML)" };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory for the results [default: results/<scenario file name without extension>]",
            HelpName = "DIR",
        };
        var trucks = new Option<bool>("--trucks") { Description = "Also write trucks.csv: one row per truck with its times at every stage" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the plots (PNG and SVG)" };
        RunSettingsOptions settings = RunSettingsOptions.Create();

        var command = new Command("run", "Run a scenario's replications; write CSV results, plots and run.json") { file, output, trucks, noPlots };
        settings.AddTo(command);
        command.SetAction(parseResult =>
        {
            var overrideErrors = new List<ScenarioError>();
            var request = new RunRequest(
                parseResult.GetValue(file)!,
                parseResult.GetValue(output),
                settings.ReadRunOptions(parseResult),
                settings.ReadOverrides(parseResult, overrideErrors),
                parseResult.GetValue(trucks),
                !parseResult.GetValue(noPlots));
            if (overrideErrors.Count > 0)
            {
                ScenarioInput.PrintErrors(overrideErrors, context);
                return ExitCodes.InvalidInput;
            }

            return Execute(request, context);
        });
        return command;
    }

    /// <summary>What to run and where to write it.</summary>
    public sealed record RunRequest(
        string ScenarioFile,
        string? OutputDirectory,
        RunOptions Options,
        IReadOnlyList<ScenarioOverride> Overrides,
        bool WriteTrucks,
        bool WritePlots);

    /// <summary>The default output directory: results/&lt;scenario file stem&gt;.</summary>
    public static string DefaultOutputDirectory(string scenarioFile) =>
        Path.Combine("results", Path.GetFileNameWithoutExtension(scenarioFile));

    public static int Execute(RunRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;

        ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(request.ScenarioFile, request.Overrides, context);
        if (!loaded.IsValid)
        {
            return ExitCodes.InvalidInput;
        }

        ScenarioSpec scenario = loaded.Scenario!;
        ScenarioSpec effective;
        try
        {
            // The options checked before anything runs or is written: a bad --days is the user's mistake, not a failed run.
            effective = ExperimentRunner.Apply(scenario, request.Options);
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            context.Error.WriteLine($"{request.ScenarioFile}: {FirstLine(message)}");
            return ExitCodes.InvalidInput;
        }

        string directory = request.OutputDirectory ?? DefaultOutputDirectory(request.ScenarioFile);
        if (!TryPrepareDirectory(directory, context))
        {
            return ExitCodes.OutputNotWritten;
        }

        int threads = request.Options.Threads ?? Environment.ProcessorCount;
        context.Diagnostic($"running {scenario.Name}: {effective.Replications} replications of {effective.Days} days on {threads} threads, seed {effective.Seed}");

        TruckCsvWriter? truckWriter = null;
        var progress = new ReplicationProgress(context, effective.Replications);
        ExperimentResult result;
        try
        {
            truckWriter = request.WriteTrucks ? TruckCsvWriter.ForScenario(Path.Combine(directory, TruckCsvWriter.FileName), scenario) : null;
            result = ExperimentRunner.Run(
                scenario,
                request.Options,
                truckWriter is null ? null : truckWriter.ForReplication,
                progress,
                context.CancellationToken);
            progress.Finish();
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            progress.Finish();
            truckWriter?.Dispose();
            context.Error.WriteLine("interrupted; no results written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress.Finish();
            truckWriter?.Dispose();
            context.Error.WriteLine($"cannot write trucks.csv in '{directory}': {FirstLine(e.Message)}");
            return ExitCodes.OutputNotWritten;
        }
        catch (Exception) when (truckWriter is not null)
        {
            truckWriter.Dispose();
            throw;
        }

        var written = new List<string>();
        try
        {
            SummaryCsv.WriteFile(result, Path.Combine(directory, SummaryCsv.FileName));
            written.Add(SummaryCsv.FileName);
            TimeSeriesCsv.WriteFile(result, Path.Combine(directory, TimeSeriesCsv.FileName));
            written.Add(TimeSeriesCsv.FileName);
            if (truckWriter is not null)
            {
                truckWriter.Complete();
                written.Add(TruckCsvWriter.FileName);
            }

            if (request.WritePlots)
            {
                written.AddRange(Plots.WriteAll(result, directory));
            }

            written.Add(RunInfo.FileName);
            var info = new RunInfo(
                RunInfo.VersionOf(typeof(RunCommand).Assembly),
                ["bordersim", .. context.Arguments],
                request.ScenarioFile,
                loaded.ContentSha256,
                scenario.Name,
                [.. request.Overrides.Select(o => o.ToString())],
                result.Scenario.Seed,
                result.Replications.Count,
                threads,
                result.Scenario.Days,
                result.WarmUpHours,
                result.WarmUpMethod,
                startedUtc,
                DateTimeOffset.UtcNow,
                written);
            info.WriteFile(Path.Combine(directory, RunInfo.FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"cannot write results to '{directory}': {FirstLine(e.Message)}");
            return ExitCodes.OutputNotWritten;
        }
        finally
        {
            truckWriter?.Dispose();
        }

        SummaryTable.Write(result, context.Out);
        context.Diagnostic($"wrote {written.Count} files to {directory}");
        return ExitCodes.Ok;
    }

    private static bool TryPrepareDirectory(string directory, CliContext context)
    {
        if (File.Exists(directory))
        {
            context.Error.WriteLine($"cannot write results to '{directory}': it is a file, not a directory (give -o a directory)");
            return false;
        }

        try
        {
            Directory.CreateDirectory(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"cannot create the output directory '{directory}': {FirstLine(e.Message)}");
            return false;
        }
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
