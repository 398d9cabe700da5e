using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests;

/// <summary>Known answers: the generator must be xoshiro256** seeded by SplitMix64, bit for bit.</summary>
public class RandomStreamKnownAnswerTests
{
    [Test]
    public void Xoshiro256_star_star_from_state_1_2_3_4_gives_the_reference_outputs()
    {
        // The first ten outputs of Blackman and Vigna's xoshiro256starstar.c from s = {1, 2, 3, 4}, as
        // published with the reference implementation and in the rand_xoshiro crate's test.
        ulong[] reference =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
            607988272756665600, 16172922978634559625, 8476171486693032832,
            10595114339597558777, 2904607092377533576,
        ];
        var stream = RandomStream.FromState(1, 2, 3, 4);

        Assert.That(reference.Select(_ => stream.NextUInt64()), Is.EqualTo(reference));
    }

    [Test]
    public void SplitMix64_from_seed_1234567_gives_the_reference_outputs()
    {
        // Vigna's splitmix64.c seeded with 1234567 (Rosetta Code, "Pseudo-random numbers/Splitmix64").
        ulong[] reference = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        var state = 1234567UL;

        Assert.That(reference.Select(_ => RandomStream.SplitMix64(ref state)), Is.EqualTo(reference));
    }

    [Test]
    public void A_seeded_stream_starts_from_the_first_four_SplitMix64_outputs_of_its_seed()
    {
        var seeded = new RandomStream(1234567);
        var fromState = RandomStream.FromState(6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431);

        Assert.That(Enumerable.Range(0, 100).Select(_ => seeded.NextUInt64()), Is.EqualTo(Enumerable.Range(0, 100).Select(_ => fromState.NextUInt64())));
    }

    [Test]
    public void The_all_zero_state_is_refused()
    {
        // xoshiro's only fixed point: it would return 0 for ever.
        Assert.That(() => RandomStream.FromState(0, 0, 0, 0), Throws.ArgumentException);
    }

    [Test]
    public void Next_never_returns_int_MaxValue()
    {
        // Random.Next() promises [0, int.MaxValue). Pick s1 so that the first output is 2^64 − 1, whose top
        // 31 bits are int.MaxValue: the output is rotl(s1·5, 7)·9, so s1 = rotr((2^64 − 1)·9⁻¹, 7)·5⁻¹ mod 2^64.
        var s1 = RotateRight(ulong.MaxValue * InverseModulo2To64(9), 7) * InverseModulo2To64(5);
        var probe = RandomStream.FromState(1, s1, 3, 4);
        Assert.That(probe.NextUInt64(), Is.EqualTo(ulong.MaxValue), "the constructed state gives the all-ones output first");

        var stream = RandomStream.FromState(1, s1, 3, 4);
        var value = stream.Next();

        Assert.That(value, Is.LessThan(int.MaxValue));
        Assert.That(value, Is.GreaterThanOrEqualTo(0));
    }

    private static ulong RotateRight(ulong x, int k) => (x >> k) | (x << (64 - k));

    /// <summary>x⁻¹ mod 2^64 for odd x by Newton's iteration (each step doubles the correct low bits).</summary>
    private static ulong InverseModulo2To64(ulong x)
    {
        var inverse = x; // correct to 3 bits for odd x
        for (var i = 0; i < 5; i++)
        {
            inverse *= 2 - (x * inverse);
        }

        return inverse;
    }
}
