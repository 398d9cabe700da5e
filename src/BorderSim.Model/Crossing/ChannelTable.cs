using BorderSim.Engine.Randomness;
using BorderSim.Model.Arrivals;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>The channels of one stage for one class: cumulative probabilities and service times.</summary>
public sealed record ChannelTable(string[] Names, double[] Cumulative, Distribution[] Services)
{
    public static ChannelTable Single(Distribution service) => new(["green"], [1.0], [service]);

    public static ChannelTable For(IReadOnlyList<ChannelSpec> channels, string cargoClass)
    {
        var names = channels.Select(c => c.Name).ToArray();
        var cumulative = new double[channels.Count];
        double running = 0;
        for (var i = 0; i < channels.Count; i++)
        {
            running += channels[i].ProbabilityFor(cargoClass);
            cumulative[i] = running;
        }

        return new ChannelTable(names, cumulative, [.. channels.Select(c => c.ServiceFor(cargoClass))]);
    }

    /// <summary>The mean service hours over the channels, weighted by their probabilities.</summary>
    public double MeanServiceHours()
    {
        double mean = 0, previous = 0;
        var total = Cumulative[^1];
        for (var i = 0; i < Services.Length; i++)
        {
            mean += (Cumulative[i] - previous) / total * Services[i].Mean;
            previous = Cumulative[i];
        }

        return mean;
    }

    public int Choose(double uniform)
    {
        var total = Cumulative[^1];
        for (var i = 0; i < Cumulative.Length - 1; i++)
        {
            if (uniform * total < Cumulative[i])
            {
                return i;
            }
        }

        return Cumulative.Length - 1;
    }
}
