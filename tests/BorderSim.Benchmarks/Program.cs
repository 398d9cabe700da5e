using BenchmarkDotNet.Running;

// Not part of CI or `dotnet test`: run by hand, e.g.
//   dotnet run -c Release --project tests/BorderSim.Benchmarks -- --filter '*MMc*'
BenchmarkSwitcher.FromAssembly(typeof(BorderSim.Benchmarks.MMcBenchmarks).Assembly).Run(args);
