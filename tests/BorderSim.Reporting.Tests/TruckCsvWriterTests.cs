using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

public class TruckCsvWriterTests
{
    private static TruckRecord Truck(int replication, long id, string direction = "export") => new(
        replication, id, direction, "fruit", "green",
        ArrivedHours: id * 0.1, LeftHours: id * 0.1 + 2.5, TruckOutcome.Served, WaitHours: 1.25, IsPastShelfLife: id % 7 == 0,
        direction == "export"
            ? [new StageVisit("vn_yard", id * 0.1, double.NaN, id * 0.1 + 1), new StageVisit("vn_customs", id * 0.1 + 1, id * 0.1 + 1.25, id * 0.1 + 2.5)]
            : [new StageVisit("cn_export_check", id * 0.1, id * 0.1, id * 0.1 + 0.5)]);

    private static string WriteAll(string directory, int replications, int trucksPerReplication, int threads, bool reverse)
    {
        string path = Path.Combine(directory, TruckCsvWriter.FileName);
        using var writer = TruckCsvWriter.ForScenario(path, SampleResults.Scenario());
        var order = Enumerable.Range(0, replications).ToArray();
        if (reverse)
        {
            Array.Reverse(order);
        }

        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = threads }, r =>
        {
            ITruckObserver sink = writer.ForReplication(r);
            for (int t = 0; t < trucksPerReplication; t++)
            {
                sink.OnTruckLeft(Truck(r, t, t % 3 == 0 ? "import" : "export"));
            }
        });
        writer.Complete();
        return File.ReadAllText(path);
    }

    [Test]
    public void The_file_is_the_same_whatever_the_thread_count_and_replication_order()
    {
        string serial = WriteAll(TestFiles.NewTemporaryDirectory(), 6, 500, threads: 1, reverse: false);
        string parallel = WriteAll(TestFiles.NewTemporaryDirectory(), 6, 500, threads: 4, reverse: true);
        Assert.That(parallel, Is.EqualTo(serial));
    }

    [Test]
    public void Rows_come_in_replication_order_with_a_column_group_per_stage()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        string text = WriteAll(directory, 3, 4, threads: 3, reverse: true);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1 + 3 * 4));
        Assert.That(lines[0], Is.EqualTo(
            "replication,truck,direction,class,channel,arrived_h,left_h,outcome,wait_h,past_shelf_life," +
            "vn_yard_entered_h,vn_yard_service_start_h,vn_yard_left_h," +
            "vn_customs_entered_h,vn_customs_service_start_h,vn_customs_left_h," +
            "freight_road_1119_entered_h,freight_road_1119_service_start_h,freight_road_1119_left_h," +
            "cn_inspection_entered_h,cn_inspection_service_start_h,cn_inspection_left_h," +
            "cn_export_check_entered_h,cn_export_check_service_start_h,cn_export_check_left_h," +
            "vn_import_customs_entered_h,vn_import_customs_service_start_h,vn_import_customs_left_h"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "0", "0", "0", "0", "1", "1", "1", "1", "2", "2", "2", "2" }));
        // Truck 1 of replication 0: export, yard has no service start (empty cell), customs served at 1.35 h.
        Assert.That(lines[2], Is.EqualTo("0,1,export,fruit,green,0.1,2.6,served,1.25,false,0.1,,1.1,1.1,1.35,2.6,,,,,,,,,,,,"));
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { TruckCsvWriter.FileName }), "no part files left");
    }

    [Test]
    public void Disposing_without_completing_leaves_neither_the_file_nor_part_files()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        using (var writer = TruckCsvWriter.ForScenario(Path.Combine(directory, TruckCsvWriter.FileName), SampleResults.Scenario()))
        {
            writer.ForReplication(0).OnTruckLeft(Truck(0, 1));
            writer.ForReplication(1).OnTruckLeft(Truck(1, 1));
        }

        Assert.That(Directory.GetFiles(directory), Is.Empty);
    }

    [Test]
    public void A_replication_without_trucks_adds_no_rows()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        string path = Path.Combine(directory, TruckCsvWriter.FileName);
        using (var writer = TruckCsvWriter.ForScenario(path, SampleResults.Scenario()))
        {
            writer.ForReplication(0);
            writer.ForReplication(1).OnTruckLeft(Truck(1, 3));
            writer.Complete();
        }

        Assert.That(File.ReadAllLines(path), Has.Length.EqualTo(2));
    }

    [Test]
    public void A_stage_the_scenario_does_not_have_is_a_bug_reported_loudly()
    {
        using var writer = TruckCsvWriter.ForScenario(Path.Combine(TestFiles.NewTemporaryDirectory(), TruckCsvWriter.FileName), SampleResults.Scenario());
        var truck = Truck(0, 1) with { Stages = [new StageVisit("nowhere", 0, 0, 1)] };
        var error = Assert.Throws<InvalidOperationException>(() => writer.ForReplication(0).OnTruckLeft(truck));
        Assert.That(error!.Message, Does.Contain("nowhere"));
    }

    [Test]
    public void A_truck_of_another_replication_is_refused()
    {
        using var writer = TruckCsvWriter.ForScenario(Path.Combine(TestFiles.NewTemporaryDirectory(), TruckCsvWriter.FileName), SampleResults.Scenario());
        Assert.Throws<ArgumentException>(() => writer.ForReplication(0).OnTruckLeft(Truck(1, 1)));
    }
}
