using Parquet;

namespace BorderSim.Reporting;

/// <summary>
/// What the Parquet files share: Parquet.Net's options (Snappy, which DuckDB, pandas/pyarrow and Polars all read)
/// and a synchronous call of its asynchronous API, since the writers run on the run's own threads.
/// </summary>
internal static class ParquetFiles
{
    public static ParquetOptions Options => new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>An empty CSV cell (NaN: does not apply) is a null in Parquet.</summary>
    public static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    /// <summary>A Parquet file of <paramref name="schema"/> on <paramref name="stream"/>, its row groups written by <paramref name="write"/>.</summary>
    public static void Write(Parquet.Schema.ParquetSchema schema, Stream stream, Action<ParquetWriter> write)
    {
        ParquetWriter writer = Run(() => ParquetWriter.CreateAsync(schema, stream, Options, append: false));
        try
        {
            write(writer);
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public static T Run<T>(Func<Task<T>> call) => call().GetAwaiter().GetResult();

    public static void Run(Func<Task> call) => call().GetAwaiter().GetResult();
}
