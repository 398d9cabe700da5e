using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

/// <summary><c>shared_caps:</c> one daily allowance across several checks, read with file:line:col errors.</summary>
public class SharedCapReaderTests
{
    private static string WithSharedCaps(string sharedCaps) => ScenarioReaderTests.Sketch + "\n" + sharedCaps;

    private static IReadOnlyList<string> Errors(string text) =>
        [.. Scenarios.ScenarioReader.Read(new StringReader(text), "test.yaml").Errors.Select(e => e.ToString())];

    [Test]
    public void A_shared_cap_names_its_checks_its_trucks_a_day_and_its_time_zone()
    {
        var spec = ScenarioReaderTests.ReadValid(WithSharedCaps("""
            shared_caps:
              cn_acceptance: { stages: [cn_inspection, cn_export_check], trucks_per_day: 200-400, time_zone: Asia/Shanghai }
              vn_side: { stages: [vn_customs, vn_import_customs], trucks_per_day: 900 }
            """));

        Assert.That(spec.SharedCaps, Has.Count.EqualTo(2));
        var cn = spec.SharedCaps[0];
        Assert.Multiple(() =>
        {
            Assert.That(cn.Name, Is.EqualTo("cn_acceptance"));
            Assert.That(cn.Stages, Is.EqualTo(new[] { "cn_inspection", "cn_export_check" }));
            Assert.That(cn.TrucksPerDay, Is.EqualTo(new TrucksPerDayRange(200, 400)));
            Assert.That(cn.TimeZone?.Id, Is.EqualTo("Asia/Shanghai"));
            Assert.That(spec.SharedCaps[1].TrucksPerDay, Is.EqualTo(new TrucksPerDayRange(900, 900)));
            Assert.That(spec.SharedCaps[1].TimeZone, Is.Null, "the scenario's zone");
        });
    }

    [Test]
    public void A_shared_cap_spans_checks_only_each_once_and_each_check_in_one_shared_cap()
    {
        var errors = Errors(WithSharedCaps("""
            shared_caps:
              a: { stages: [cn_inspection, vn_yard, cn_inspecton], trucks_per_day: 100 }
              b: { stages: [cn_inspection, cn_export_check, cn_export_check], trucks_per_day: 100 }
            """));

        Assert.That(errors, Is.EqualTo(new[]
        {
            "test.yaml:51:32: shared_caps.a.stages[1]: stage 'vn_yard' is a yard; a shared cap spans checks (check them in their own cap_per_day, roads by theirs)",
            "test.yaml:51:41: shared_caps.a.stages[2]: unknown check 'cn_inspecton' (did you mean 'cn_inspection'?)",
            "test.yaml:52:17: shared_caps.b.stages[0]: check 'cn_inspection' is already in shared cap 'a'; a check draws from one shared cap at most",
            "test.yaml:52:49: shared_caps.b.stages[2]: check 'cn_export_check' is named twice",
        }));
    }

    [Test]
    public void Set_changes_a_shared_cap_or_adds_one_to_a_file_without()
    {
        var text = WithSharedCaps("""
            shared_caps:
              cn_acceptance: { stages: [cn_inspection, cn_export_check], trucks_per_day: 400 }
            """);

        var changed = ScenarioReaderTests.ReadValid(text, [Scenarios.ScenarioReader.ParseOverride("shared_caps.cn_acceptance.trucks_per_day=250")]);
        var added = ScenarioReaderTests.ReadValid(ScenarioReaderTests.Sketch, [Scenarios.ScenarioReader.ParseOverride("shared_caps={ both: { stages: [vn_customs, vn_import_customs], trucks_per_day: 600 } }")]);

        Assert.That(changed.SharedCaps.Single().TrucksPerDay, Is.EqualTo(new TrucksPerDayRange(250, 250)));
        Assert.That(added.SharedCaps.Single().Stages, Is.EqualTo(new[] { "vn_customs", "vn_import_customs" }));
    }

    [Test]
    public void A_shared_cap_needs_two_checks_and_a_number_of_trucks_a_day()
    {
        var errors = Errors(WithSharedCaps("""
            shared_caps:
              a: { stages: [cn_inspection], trucks_per_day: -5 }
              b: { stages: [vn_customs, cn_inspection] }
            """));

        Assert.That(errors, Has.Some.Contains("shared_caps.a.stages: a shared cap spans at least two checks"));
        Assert.That(errors, Has.Some.Contains("shared_caps.a.trucks_per_day: a cap cannot be below zero"));
        Assert.That(errors, Has.Some.Contains("shared_caps.b.trucks_per_day: missing required key 'trucks_per_day'"));
    }
}
