using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

public class GlossaryTests
{
    [Test]
    public void Every_term_of_the_glossary_has_an_English_and_a_different_Vietnamese_word()
    {
        List<(string Name, Bilingual Words)> terms = [.. Glossary.All()];
        Assert.That(terms, Has.Count.GreaterThan(30), "the directions, classes and named terms are all enumerated");
        Assert.Multiple(() =>
        {
            foreach ((string name, Bilingual words) in terms)
            {
                Assert.That(words.English, Is.Not.Empty, name);
                Assert.That(words.Vietnamese, Is.Not.Empty, name);
                Assert.That(words.Vietnamese, Is.Not.EqualTo(words.English), $"{name}: the Vietnamese is a copy of the English");
            }
        });
    }

    [Test]
    public void Directions_and_cargo_classes_are_said_from_the_glossary_and_an_unknown_name_as_written()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportLanguage.Vietnamese.Direction("export"), Is.EqualTo(Glossary.Directions["export"].Vietnamese));
            Assert.That(ReportLanguage.English.CargoClass("cold_chain"), Is.EqualTo("cold chain"));
            Assert.That(ReportLanguage.Vietnamese.CargoClass("general"), Is.EqualTo("hàng tổng hợp"));
            Assert.That(ReportLanguage.Vietnamese.Direction("to_pingxiang"), Is.EqualTo("to_pingxiang"));
        });
    }

    [TestCase(20.1, 20.2, "từ 20,1 lên 20,2")]
    [TestCase(20.2, 20.1, "từ 20,2 xuống còn 20,1")]
    [TestCase(5.0, 5.0, "từ 5,00 thành 5,00")]
    public void A_change_in_Vietnamese_says_whether_it_rose_or_fell(double from, double to, string expected)
    {
        ReportLanguage vi = ReportLanguage.Vietnamese;
        Assert.That(vi.FromTo(vi.Number(from), vi.Number(to), to - from), Is.EqualTo(expected));
    }
}
