using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("BorderSim.Scenarios.Tests")]
