using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

/// <summary>A path no lever names, labelled from the scenario's own labels (<see cref="PathLabel"/>); it was the path itself.</summary>
public class PathLabelTests
{
    private static ScenarioSpec Load(params string[] parts) => ScenarioReader.Load(Path.Combine([RepositoryPaths.Scenarios, .. parts])).Scenario!;

    [TestCase("directions.inbound.stages.booth.servers", "booth: servers", "bàn kiểm tra: số bàn", TestName = "A_stage_s_servers_are_named_by_the_stage_s_label")]
    [TestCase("directions.inbound.arrivals.trucks_per_day", "inbound: trucks a day", "chiều vào: xe mỗi ngày", TestName = "A_direction_s_demand_is_named_by_the_glossary_s_side")]
    [TestCase("seed", "seed", "seed", TestName = "A_path_of_no_known_part_stays_as_written")]
    public void A_path_of_the_mmc_validation_is_labelled_from_its_parts(string path, string english, string vietnamese)
    {
        Assert.That(PathLabel.Of(path, Load("validation", "mmc.yaml")), Is.EqualTo(new Bilingual(english, vietnamese)));
    }

    [TestCase("roads.freight_road_1119.lanes.import", "freight road 1119–1120: lanes (import)", "đường chuyên dụng 1119–1120: số làn (nhập khẩu)", TestName = "A_road_s_lanes_one_way_are_named_by_the_road_s_label_and_the_direction")]
    [TestCase("calendars.vn_gate.hours.mon-sun", "VN gate: opening hours (mon-sun)", "cửa khẩu phía Việt Nam: giờ làm việc (mon-sun)", TestName = "A_gate_s_hours_are_named_by_the_gate_s_label")]
    public void A_path_of_huu_nghi_is_labelled_from_its_parts(string path, string english, string vietnamese)
    {
        Assert.That(PathLabel.Of(path, Load("huu-nghi-6-lanes.yaml")), Is.EqualTo(new Bilingual(english, vietnamese)));
    }
}
