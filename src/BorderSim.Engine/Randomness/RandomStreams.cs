namespace BorderSim.Engine.Randomness;

/// <summary>
/// The random streams of one replication. Each stream's seed is derived from (master seed,
/// replication, stream name) alone, so adding a stream never shifts what another one draws, and
/// two alternatives that name their streams alike see the same numbers (common random numbers).
/// </summary>
public sealed class RandomStreams
{
    private readonly Dictionary<string, RandomStream> _streams = new(StringComparer.Ordinal);

    public RandomStreams(ulong masterSeed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        MasterSeed = masterSeed;
        Replication = replication;
    }

    public ulong MasterSeed { get; }

    public int Replication { get; }

    /// <summary>The stream called <paramref name="name"/>, created on first use.</summary>
    public RandomStream this[string name]
    {
        get
        {
            if (!_streams.TryGetValue(name, out var stream))
            {
                stream = new RandomStream(DeriveSeed(MasterSeed, Replication, name));
                _streams.Add(name, stream);
            }

            return stream;
        }
    }

    /// <summary>The seed of stream <paramref name="name"/>: SplitMix64 over the master seed, the replication and an FNV-1a hash of the name.</summary>
    public static ulong DeriveSeed(ulong masterSeed, int replication, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameHash = 14695981039346656037UL;
        foreach (var c in name)
        {
            nameHash = (nameHash ^ c) * 1099511628211UL;
        }

        var state = masterSeed;
        var a = RandomStream.SplitMix64(ref state);
        state = a ^ ((ulong)replication * 0xD1B54A32D192ED03UL);
        var b = RandomStream.SplitMix64(ref state);
        state = b ^ nameHash;
        return RandomStream.SplitMix64(ref state);
    }
}
