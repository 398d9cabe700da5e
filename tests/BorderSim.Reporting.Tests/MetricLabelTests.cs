using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

/// <summary>Metric labels on a page come from the model's table of metrics, in the page's language.</summary>
public class MetricLabelTests
{
    [Test]
    public void A_metric_label_has_its_words_scope_and_unit_in_the_language_of_the_page()
    {
        MetricKey key = Metrics.WaitHoursMean.Key("all", "fruit");
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.English.MetricLabel(key), Is.EqualTo("mean wait, fruit (h)"));
            Assert.That(ReportLanguage.Vietnamese.MetricLabel(key), Is.EqualTo("thời gian chờ trung bình, trái cây (giờ)"));
            Assert.That(ReportLanguage.Vietnamese.MetricLabel(Metrics.HighwayQueueKmMean.Key("export")), Is.EqualTo("hàng xe trên quốc lộ, trung bình, xuất khẩu (km)"));
            Assert.That(ReportLanguage.Vietnamese.MetricLabel(Metrics.Utilisation.Key("import", stage: "cn_inspection")), Is.EqualTo("tỷ lệ bận trong giờ mở cửa, nhập khẩu / cn_inspection (tỷ lệ)"));
        });
    }

    [Test]
    public void Metrics_that_had_no_label_read_in_Vietnamese_with_a_Vietnamese_unit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.Vietnamese.MetricLabel(Metrics.PoolTripsPerDay.Key(stage: "drivers")), Is.EqualTo("số chuyến mỗi ngày của đội, drivers (chuyến/ngày)"));
            Assert.That(ReportLanguage.Vietnamese.MetricLabel(Metrics.DaysToClear.Key("export")), Is.EqualTo("số ngày giải tỏa xe tồn ban đầu, xuất khẩu (ngày)"));
            Assert.That(ReportLanguage.Vietnamese.MetricLabel(Metrics.ServedTonnesPerDay.Key("export", "all")), Is.EqualTo("số tấn hàng thông quan mỗi ngày, xuất khẩu (tấn/ngày)"));
            Assert.That(ReportLanguage.English.MetricLabel(Metrics.NetworkServedPerDay.Key()), Is.EqualTo("trucks served per day, whole network (trucks/day)"));
        });
    }

    [Test]
    public void Every_metric_of_the_table_reads_in_Vietnamese_without_an_id_or_an_English_unit()
    {
        Assert.Multiple(() =>
        {
            foreach (MetricDefinition metric in Metrics.All)
            {
                string label = ReportLanguage.Vietnamese.MetricLabel(metric.Key());
                Assert.That(label, Does.Not.Contain("_").And.Not.Contain(metric.Name), metric.Name);
                Assert.That(label, Does.Not.Contain("(h)").And.Not.Contain("/day").And.Not.Contain("(trucks").And.Not.Contain("(share)"), metric.Name);
            }
        });
    }

    [Test]
    public void A_headline_in_a_comparison_has_its_short_label_and_any_other_metric_its_full_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.English.HeadlineLabel(Metrics.WaitHoursP95.Key("all", "fruit")), Is.EqualTo("wait p95, fruit (h)"));
            Assert.That(ReportLanguage.English.HeadlineLabel(Metrics.ServedPerDay.Key("export", "all")), Is.EqualTo("served per day, export (trucks/day)"));
            Assert.That(ReportLanguage.English.HeadlineLabel(Metrics.DelayCostUsdPerDay.Key("all", "all")), Is.EqualTo("delay cost (USD/day)"));
            Assert.That(ReportLanguage.Vietnamese.HeadlineLabel(Metrics.WaitHoursP95.Key("all", "fruit")), Is.EqualTo("thời gian chờ phân vị 95, trái cây (giờ)"));
            Assert.That(ReportLanguage.English.HeadlineLabel(Metrics.GaveUp.Key("export", "all")), Is.EqualTo("trucks that gave up waiting, export (trucks)"));
        });
    }

    [Test]
    public void A_metric_the_table_does_not_know_reads_as_its_name_with_spaces()
    {
        Assert.That(ReportLanguage.Vietnamese.MetricLabel(new MetricKey("from_a_later_version", "widgets", "export")), Is.EqualTo("from a later version, xuất khẩu (widgets)"));
    }
}
