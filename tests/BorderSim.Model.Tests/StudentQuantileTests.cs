using BorderSim.Model.Experiments;
using MathNet.Numerics.Distributions;

namespace BorderSim.Model.Tests;

public class StudentQuantileTests
{
    // The quantile inverts the CDF: StudentT.CDF(q) = p. MathNet's CDF is the regularised incomplete beta, accurate to
    // about 1e-15; the tolerance, 1e-12 on p, leaves room for the rounding of q far in the tail.
    [TestCase(1, 0.975)]
    [TestCase(1, 0.9998046875)]
    [TestCase(1, 0.999999)]
    [TestCase(2, 0.975)]
    [TestCase(2, 0.999999)]
    [TestCase(3, 0.99999)]
    [TestCase(3, 1 - 1e-12)]
    [TestCase(4, 1e-12)]
    [TestCase(9, 0.975)]
    public void The_upper_quantile_inverts_the_distribution_function_however_far_in_the_tail(int degreesOfFreedom, double probability)
    {
        double quantile = Statistics.StudentQuantile(degreesOfFreedom, probability);
        Assert.That(StudentT.CDF(0, 1, degreesOfFreedom, quantile), Is.EqualTo(probability).Within(1e-12));
    }

    // Student-t table values (Abramowitz and Stegun, table 26.10; ν = 1 is the Cauchy law, tan(0.475π)), to 1e-9 relative.
    [TestCase(1, 0.975, 12.706204736)]
    [TestCase(2, 0.975, 4.302652730)]
    [TestCase(3, 0.975, 3.182446305)]
    [TestCase(9, 0.975, 2.262157163)]
    [TestCase(30, 0.995, 2.749995652)]
    public void It_is_the_textbook_value(int degreesOfFreedom, double probability, double expected)
    {
        Assert.That(Statistics.StudentQuantile(degreesOfFreedom, probability), Is.EqualTo(expected).Within(1e-7).Percent);
    }
}
