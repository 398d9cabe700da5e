using System.Runtime.CompilerServices;

// The collaborators of a replication are internal; their unit tests reach them directly.
[assembly: InternalsVisibleTo("BorderSim.Model.Tests")]
