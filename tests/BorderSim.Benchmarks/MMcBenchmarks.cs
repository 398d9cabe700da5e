using BenchmarkDotNet.Attributes;

namespace BorderSim.Benchmarks;

/// <summary>
/// Trucks per second through an M/M/c crossing (λ = 20/h, μ = 4/h, c = 6, ρ = 0.83), per truck:
/// the kernel with one process per truck against a bare priority-queue loop of the same model,
/// and the kernel again with 100,000 trucks queued at once (a long queue must not slow it down).
/// Each benchmark reports time and bytes per truck (OperationsPerInvoke = trucks).
/// </summary>
[MemoryDiagnoser]
public class MMcBenchmarks
{
    public const int Trucks = 200_000;
    public const int LongQueueTrucks = 100_000;
    private const double ArrivalsPerHour = 20;
    private const double ServicesPerHour = 4;
    private const int Lanes = 6;
    private const ulong Seed = 20_240_601;

    private ProcessMMcModel _process = null!;
    private BareLoopMMcModel _bare = null!;
    private ProcessMMcModel _processLongQueue = null!;
    private BareLoopMMcModel _bareLongQueue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _process = new ProcessMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        _bare = new BareLoopMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        _processLongQueue = new ProcessMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        _bareLongQueue = new BareLoopMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);

        // One warm-up run each, which also proves the models are the same: equal draws, equal waits.
        _process.RunArrivals(Trucks);
        _bare.RunArrivals(Trucks);
        _processLongQueue.RunBurst(LongQueueTrucks);
        _bareLongQueue.RunBurst(LongQueueTrucks);
        Check("M/M/c", _process.TotalWaitHours, _bare.TotalWaitHours);
        Check("long queue", _processLongQueue.TotalWaitHours, _bareLongQueue.TotalWaitHours);
        Console.WriteLine(
            $"// events per truck: process {(double)_process.ProcessedEventCount / Trucks:0.00}, bare loop {(double)_bare.ProcessedEventCount / Trucks:0.00}; " +
            $"long queue: process {(double)_processLongQueue.ProcessedEventCount / LongQueueTrucks:0.00}, bare loop {(double)_bareLongQueue.ProcessedEventCount / LongQueueTrucks:0.00}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Trucks, Description = "MMc bare PriorityQueue loop")]
    public double MMc_BareLoop()
    {
        _bare.RunArrivals(Trucks);
        return _bare.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = Trucks, Description = "MMc process per truck")]
    public double MMc_Processes()
    {
        _process.RunArrivals(Trucks);
        return _process.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = LongQueueTrucks, Description = "MMc long queue bare loop")]
    public double MMcLongQueue_BareLoop()
    {
        _bareLongQueue.RunBurst(LongQueueTrucks);
        return _bareLongQueue.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = LongQueueTrucks, Description = "MMc long queue process per truck")]
    public double MMcLongQueue_Processes()
    {
        _processLongQueue.RunBurst(LongQueueTrucks);
        return _processLongQueue.TotalWaitHours;
    }

    private static void Check(string model, double processWaitHours, double bareWaitHours)
    {
        if (Math.Abs(processWaitHours - bareWaitHours) > 1e-9 * Math.Max(1, bareWaitHours))
        {
            throw new InvalidOperationException($"{model}: the process model and the bare loop disagree ({processWaitHours} h vs {bareWaitHours} h of waiting)");
        }
    }
}
