using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

public class HorizonTextTests
{
    /// <summary>What a dated event applies to, as HorizonCheck writes it, in Vietnamese: each part from the glossary, a class without "loại hàng hàng…".</summary>
    [TestCase("direction export", "chiều xuất khẩu")]
    [TestCase("class general", "hàng tổng hợp")]
    [TestCase("stage cn_inspection", "khâu cn_inspection")]
    [TestCase("calendar vn_gate", "giờ làm việc vn_gate")]
    [TestCase("origin pingxiang to route via_tan_thanh", "điểm xuất phát pingxiang đến tuyến via_tan_thanh")]
    [TestCase("scenario", "kịch bản")]
    public void Where_a_dated_event_applies_is_said_in_Vietnamese(string where, string expected) =>
        Assert.That(HorizonText.Where(where, ReportLanguage.Vietnamese), Is.EqualTo(expected));

    [Test]
    public void Every_event_a_horizon_can_cut_has_its_Vietnamese_word()
    {
        // The kinds HorizonCheck and the dated-entry warnings write (HorizonCut.Event, DatedEntry.Kind).
        string[] kinds = ["surge", "ban", "suspension", "closure", "appointment-only period", "appointment period", "advisory", "change"];
        Assert.That(kinds, Is.SubsetOf(Glossary.Events.Keys));
    }
}
