namespace BorderSim.Engine.Tests.Validation;

/// <summary>
/// Steady-state results of classical queues, the known answers the kernel is checked against.
/// Rates are per hour, times in hours; a = λ/μ is the offered load, ρ = a/c the utilisation.
/// </summary>
internal static class QueueingTheory
{
    /// <summary>
    /// Erlang C: the probability that an arrival to M/M/c has to wait,
    /// C(c, a) = (aᶜ/c!)·(1/(1−ρ)) / (Σₖ₌₀ᶜ⁻¹ aᵏ/k! + (aᶜ/c!)·(1/(1−ρ))).
    /// Kleinrock, Queueing Systems vol. 1 (1975), §3.5 (M/M/m), "Erlang's C formula".
    /// </summary>
    public static double ErlangC(int servers, double arrivalsPerHour, double servicesPerHour)
    {
        var load = arrivalsPerHour / servicesPerHour;
        var utilisation = load / servers;
        RequireStable(utilisation);
        double sum = 0, term = 1; // term = aᵏ/k!, built up to avoid factorials
        for (var k = 0; k < servers; k++)
        {
            sum += term;
            term *= load / (k + 1);
        }

        var waiting = term / (1 - utilisation); // term is now aᶜ/c!
        return waiting / (sum + waiting);
    }

    /// <summary>M/M/c mean wait in the queue Wq = C(c, a) / (cμ − λ). Kleinrock vol. 1, §3.5.</summary>
    public static double MMcMeanWaitHours(int servers, double arrivalsPerHour, double servicesPerHour) =>
        ErlangC(servers, arrivalsPerHour, servicesPerHour) / ((servers * servicesPerHour) - arrivalsPerHour);

    /// <summary>M/M/c mean queue length Lq = λ·Wq (Little's law applied to the queue).</summary>
    public static double MMcMeanQueueLength(int servers, double arrivalsPerHour, double servicesPerHour) =>
        arrivalsPerHour * MMcMeanWaitHours(servers, arrivalsPerHour, servicesPerHour);

    /// <summary>M/M/c mean number in the system L = Lq + a.</summary>
    public static double MMcMeanInSystem(int servers, double arrivalsPerHour, double servicesPerHour) =>
        MMcMeanQueueLength(servers, arrivalsPerHour, servicesPerHour) + (arrivalsPerHour / servicesPerHour);

    /// <summary>
    /// Pollaczek–Khinchine mean-value formula for M/G/1: Wq = λ·E[S²] / (2(1 − ρ)).
    /// Kleinrock, Queueing Systems vol. 1 (1975), ch. 5 (the queue M/G/1), the P-K mean-value formula.
    /// </summary>
    public static double MG1MeanWaitHours(double arrivalsPerHour, double meanServiceHours, double serviceSecondMomentHours2)
    {
        var utilisation = arrivalsPerHour * meanServiceHours;
        RequireStable(utilisation);
        return arrivalsPerHour * serviceSecondMomentHours2 / (2 * (1 - utilisation));
    }

    /// <summary>M/D/1: P-K with E[S²] = (1/μ)², so Wq = ρ / (2μ(1 − ρ)).</summary>
    public static double MD1MeanWaitHours(double arrivalsPerHour, double servicesPerHour) =>
        MG1MeanWaitHours(arrivalsPerHour, 1 / servicesPerHour, 1 / (servicesPerHour * servicesPerHour));

    /// <summary>
    /// M/M/c/K (at most K in the system, arrivals that find it full are lost): the probability that an
    /// arrival is blocked, which by PASTA is p_K, with
    /// pₙ = p₀·aⁿ/n! for n &lt; c and pₙ = p₀·aⁿ/(c!·cⁿ⁻ᶜ) for c ≤ n ≤ K.
    /// Gross, Shortle, Thompson and Harris, Fundamentals of Queueing Theory (4th ed., 2008), §2.5 (M/M/c/K).
    /// </summary>
    public static double MMcKBlockingProbability(int servers, int systemCapacity, double arrivalsPerHour, double servicesPerHour)
    {
        if (systemCapacity < servers)
        {
            throw new ArgumentOutOfRangeException(nameof(systemCapacity), systemCapacity, "K must be at least c");
        }

        var load = arrivalsPerHour / servicesPerHour;
        double total = 0, term = 1; // term = unnormalised pₙ
        for (var n = 0; n <= systemCapacity; n++)
        {
            total += term;
            if (n < systemCapacity)
            {
                term *= load / Math.Min(n + 1, servers);
            }
        }

        return term / total;
    }

    private static void RequireStable(double utilisation)
    {
        if (!(utilisation < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(utilisation), utilisation, "the queue has no steady state at ρ ≥ 1");
        }
    }
}
