namespace BorderSim.Engine.Tests.Validation;

/// <summary>Run lengths shared by the queueing-theory checks.</summary>
internal static class ValidationRun
{
    /// <summary>
    /// 99.9 % intervals: about 20 intervals are checked across the validation tests, so with 99 %
    /// one correct result in five runs of the suite would sit outside its interval by chance; with
    /// 99.9 % the family-wise chance is about 2 %. Seeds are fixed, so a run is deterministic either way.
    /// </summary>
    public const double Confidence = 0.999;

    /// <summary>20 batches: t(0.9995, 19) = 3.88, and enough degrees of freedom for the variance estimate.</summary>
    public const int Batches = 20;

    /// <summary>
    /// Customers per batch. A batch must be long against the queue's relaxation time, about
    /// 1/(μ(1 − √ρ)²) service times for M/M/1 (Morse 1955): 34 at ρ = 0.5, 360 at ρ = 0.9. Batches of
    /// ≥ 20,000 customers are ≥ 50 relaxation times, so batch means are close to independent, and the
    /// longer batches at high ρ keep the interval narrow where the variance of the wait explodes
    /// (asymptotic variance ∝ 1/(1 − ρ)⁴).
    /// </summary>
    public static int CustomersPerBatch(double utilisation) => utilisation switch
    {
        <= 0.5 => 20_000,
        <= 0.7 => 50_000,
        _ => 200_000,
    };

    public static double BatchHours(double utilisation, double arrivalsPerHour) => CustomersPerBatch(utilisation) / arrivalsPerHour;
}
