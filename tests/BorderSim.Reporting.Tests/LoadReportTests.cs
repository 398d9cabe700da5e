using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

/// <summary>The capacity check printed before a run says a stage without capacity in words: never "Infinity%" or "Infinity".</summary>
public class LoadReportTests
{
    private static string Check(params StageLoad[] loads)
    {
        using var writer = new StringWriter();
        LoadReport.WriteCapacityCheck(loads, writer);
        return writer.ToString();
    }

    [Test]
    public void A_stage_closed_for_the_whole_run_reads_no_capacity_and_overloaded_not_infinity_percent()
    {
        string text = Check(new StageLoad("export", "cn_inspection", 200, 0), new StageLoad("export", "vn_customs", 200, 400));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("Infinity").And.Not.Contain("∞").And.Not.Contain("NaN"));
            Assert.That(text, Does.Contain("cn_inspection  demand    200  capacity      0  no capacity in the run  OVERLOADED"));
            Assert.That(text, Does.Contain("vn_customs     demand    200  capacity    400    50%"), "a finite share as before");
        });
    }

    [Test]
    public void A_capacity_without_limit_reads_no_limit()
    {
        string text = Check(new StageLoad("export", "kept for fruit", 10, double.PositiveInfinity));
        Assert.That(text, Does.Contain("capacity no limit     0%").And.Not.Contain("Infinity"));
    }
}
