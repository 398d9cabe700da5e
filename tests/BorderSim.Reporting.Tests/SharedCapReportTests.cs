using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

/// <summary>"What was simulated" says which checks share a daily allowance, in both languages.</summary>
public class SharedCapReportTests
{
    private static string WhatWasSimulated(ReportLanguage lang)
    {
        ScenarioSpec s = SampleResults.Scenario(days: 7, replications: 2) with
        {
            SharedCaps = [new SharedCapSpec("cn_acceptance", ["cn_inspection", "cn_export_check"], new TrucksPerDayRange(900, 1100), NodaTime.DateTimeZoneProviders.Tzdb["Asia/Shanghai"])],
        };
        var result = new ExperimentResult(s, WarmUpHours: 0, WarmUpMethod: "fixed", Summary: [], TimeSeries: [], ServedPerDay: [], WaitByClass: [], Replications: []);
        var page = new ReportPage("t", lang);
        ScenarioSection.WriteWhatWasSimulated(page, result, "What was simulated");
        return System.Net.WebUtility.HtmlDecode(page.Build());
    }

    [Test]
    public void Each_spanned_check_says_it_shares_the_cap_and_with_whom()
    {
        string english = WhatWasSimulated(ReportLanguage.English);
        string vietnamese = WhatWasSimulated(ReportLanguage.Vietnamese);

        Assert.Multiple(() =>
        {
            Assert.That(english, Does.Contain("export / cn_inspection: shares a clearance cap of at most 900-1100 trucks a day (drawn each day) with cn_export_check (cn_acceptance)"));
            Assert.That(english, Does.Contain("import / cn_export_check: shares a clearance cap of at most 900-1100 trucks a day (drawn each day) with cn_inspection (cn_acceptance)"));
            Assert.That(english, Does.Not.Contain("vn_customs: shares"));
            Assert.That(vietnamese, Does.Contain("dùng chung giới hạn thông quan tối đa 900-1100 xe/ngày (rút ngẫu nhiên mỗi ngày) với cn_export_check (cn_acceptance)"));
        });
    }
}
