using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace BorderSim.Benchmarks;

/// <summary>
/// Trucks per second through an M/M/c crossing (λ = 20/h, μ = 4/h, c = 6, ρ = 0.83), per truck: the
/// kernel with one process per truck against a bare priority-queue loop of the same model (the
/// baseline, the practical limit). Then the same with 100,000 trucks waiting: a long queue must not
/// slow the kernel down; and with 1,000 waiting, where every truck waits as in the long queue but
/// the waiting trucks fit in the CPU's caches, which tells the cost of queue length apart from the
/// cost of every truck waiting. Every benchmark reports time and bytes per truck (OperationsPerInvoke).
/// </summary>
/// <remarks>
/// Held queues: the trucks are queued once in setup, then arrivals run at about λ = cμ = 24/h (ρ = 1),
/// pulled 5 % up or down towards the held length, so the queue stays within a few hundred trucks of
/// it. One invocation runs Trucks/24 hours, Trucks arrivals on average (±0.2 %). Burst: 100,000 trucks start at one
/// instant and are served to the last, which adds the cost of starting 100,000 processes at once.
/// Two concrete classes run the same benchmarks under two GC settings (see below).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ShippedJitConfig))]
public abstract class MMcBenchmarksBase
{
    /// <summary>
    /// The JIT as the CLI ships it: no dynamic PGO (<c>&lt;TieredPGO&gt;false&lt;/TieredPGO&gt;</c> in BorderSim.Cli.csproj),
    /// applied to every job, a command line's <c>--job short</c> included. With PGO on, the process benchmark's launches
    /// split into two groups (about 240 and 330–380 ns per truck on 2026-12-07), so a run read anywhere from 0.28 to 0.47 of
    /// the bare loop; without it they were steady (274–291 ns). See docs/performance.md.
    /// </summary>
    private sealed class ShippedJitConfig : ManualConfig
    {
        public ShippedJitConfig() => AddJob(Job.Default.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredPGO", "0")).AsMutator());
    }

    public const int Trucks = 200_000;
    public const int WaitingTrucks = 100_000;
    public const int HeldTrucks = 1_000;
    private const double ArrivalsPerHour = 20;
    private const double ServicesPerHour = 4;
    private const int Lanes = 6;
    private const double SaturatedArrivalsPerHour = Lanes * ServicesPerHour;

    // One invocation with a held queue: Trucks arrivals on average.
    private const double HeldQueueRunHours = Trucks / SaturatedArrivalsPerHour;
    private const ulong Seed = 20_240_601;

    private ProcessMMcModel _process = null!;
    private BareLoopMMcModel _bare = null!;
    private ProcessMMcModel _processLongQueue = null!;
    private BareLoopMMcModel _bareLongQueue = null!;
    private ProcessMMcModel _processHeldQueue = null!;
    private BareLoopMMcModel _bareHeldQueue = null!;
    private ProcessMMcModel _processBurst = null!;
    private BareLoopMMcModel _bareBurst = null!;

    // Each benchmark runs in its own process; each setup builds only the pair of models it measures,
    // so a run's heap holds one model's trucks, not all six.
    [GlobalSetup(Targets = [nameof(MMc_BareLoop), nameof(MMc_Processes)])]
    public void SetupShortQueue()
    {
        _process = new ProcessMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        _bare = new BareLoopMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);

        // One warm-up run each, which also proves the pair is one model: equal draws, equal waits.
        MMc_Processes();
        MMc_BareLoop();
        Check("M/M/c", _process.TotalWaitHours, _bare.TotalWaitHours);
        Console.WriteLine($"// events per truck: process {(double)_process.ProcessedEventCount / Trucks:0.00}, bare loop {(double)_bare.ProcessedEventCount / Trucks:0.00}");
    }

    [GlobalSetup(Targets = [nameof(MMcLongQueue_BareLoop), nameof(MMcLongQueue_Processes)])]
    public void SetupLongQueue() => (_processLongQueue, _bareLongQueue) = HoldQueue(WaitingTrucks, "long queue");

    [GlobalSetup(Targets = [nameof(MMcHeldQueue_BareLoop), nameof(MMcHeldQueue_Processes)])]
    public void SetupHeldQueue() => (_processHeldQueue, _bareHeldQueue) = HoldQueue(HeldTrucks, "1k queue");

    [GlobalSetup(Targets = [nameof(MMcBurst_BareLoop), nameof(MMcBurst_Processes)])]
    public void SetupBurst()
    {
        _processBurst = new ProcessMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        _bareBurst = new BareLoopMMcModel(ArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        MMcBurst_Processes();
        MMcBurst_BareLoop();
        Check("burst", _processBurst.TotalWaitHours, _bareBurst.TotalWaitHours);
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

    [Benchmark(OperationsPerInvoke = Trucks, Description = "MMc 100k queue bare loop")]
    public double MMcLongQueue_BareLoop()
    {
        _bareLongQueue.RunFor(HeldQueueRunHours);
        return _bareLongQueue.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = Trucks, Description = "MMc 100k queue process per truck")]
    public double MMcLongQueue_Processes()
    {
        _processLongQueue.RunFor(HeldQueueRunHours);
        return _processLongQueue.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = Trucks, Description = "MMc 1k queue bare loop")]
    public double MMcHeldQueue_BareLoop()
    {
        _bareHeldQueue.RunFor(HeldQueueRunHours);
        return _bareHeldQueue.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = Trucks, Description = "MMc 1k queue process per truck")]
    public double MMcHeldQueue_Processes()
    {
        _processHeldQueue.RunFor(HeldQueueRunHours);
        return _processHeldQueue.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = WaitingTrucks, Description = "MMc 100k burst bare loop")]
    public double MMcBurst_BareLoop()
    {
        _bareBurst.RunBurst(WaitingTrucks);
        return _bareBurst.TotalWaitHours;
    }

    [Benchmark(OperationsPerInvoke = WaitingTrucks, Description = "MMc 100k burst process per truck")]
    public double MMcBurst_Processes()
    {
        _processBurst.RunBurst(WaitingTrucks);
        return _processBurst.TotalWaitHours;
    }

    /// <summary>
    /// A pair of models with <paramref name="waitingTrucks"/> queued and arrivals holding the queue there,
    /// after one warm-up run each, which also proves the pair is one model: equal draws, equal waits.
    /// </summary>
    private static (ProcessMMcModel Process, BareLoopMMcModel Bare) HoldQueue(int waitingTrucks, string label)
    {
        var process = new ProcessMMcModel(SaturatedArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        var bare = new BareLoopMMcModel(SaturatedArrivalsPerHour, ServicesPerHour, Lanes, Seed);
        process.FillQueue(waitingTrucks);
        bare.FillQueue(waitingTrucks);
        var eventsBefore = process.ProcessedEventCount;
        process.RunFor(HeldQueueRunHours);
        var eventsPerTruck = (double)(process.ProcessedEventCount - eventsBefore) / Trucks;
        bare.RunFor(HeldQueueRunHours);
        Check(label, process.TotalWaitHours, bare.TotalWaitHours);
        Console.WriteLine($"// {label}: {process.QueueLengthTrucks} trucks waiting (bare loop {bare.QueueLengthTrucks}), events per truck {eventsPerTruck:0.00}");
        return (process, bare);
    }

    private static void Check(string model, double processWaitHours, double bareWaitHours)
    {
        if (Math.Abs(processWaitHours - bareWaitHours) > 1e-9 * Math.Max(1, bareWaitHours))
        {
            throw new InvalidOperationException($"{model}: the process model and the bare loop disagree ({processWaitHours} h vs {bareWaitHours} h of waiting)");
        }
    }
}

/// <summary>
/// The M/M/c benchmarks with background GC off (workstation, non-concurrent): the setting for batch
/// simulation runs, which want throughput, not short pauses. Set it in a model's executable with
/// <c>&lt;ConcurrentGarbageCollection&gt;false&lt;/ConcurrentGarbageCollection&gt;</c>.
/// </summary>
[GcConcurrent(false)]
public class MMcBenchmarks : MMcBenchmarksBase
{
}

/// <summary>
/// The same benchmarks with .NET's default (background GC on), for comparison. The kernel stores
/// object references on every event, and with background GC on each store costs more.
/// </summary>
[GcConcurrent(true)]
public class MMcBackgroundGcBenchmarks : MMcBenchmarksBase
{
}
