namespace BorderSim.Cli.Tests;

public class OptimizeCommandTests : SearchCommandTests
{
    private const string Servers = "directions.inbound.stages.booth.servers";

    [Test]
    public void The_fewest_servers_of_five_to_eight_keeping_the_mean_wait_under_twelve_minutes_at_480_trucks_a_day_is_six()
    {
        // Erlang C at lambda = 20/h, mu = 4/h: Wq = infinite (5 servers, rho = 1), 0.147 h (6), 0.038 h (7), 0.011 h (8).
        // 6 is 0.053 h inside the 0.2 h target, five times the 0.01 h tolerance (5% of the target): it must be found.
        string output = Path.Combine(Folder, "opt");
        CliRunner.Outcome outcome = CliRunner.Run("optimize", MMc, "--vary", $"{Servers}=5:8:1", "--target", "wait_hours_mean/inbound/all<=0.2", "-o", output);
        string[] csv = File.ReadAllLines(Path.Combine(output, "optimize.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Does.StartWith($"best: {Servers}=6\n"));
            Assert.That(outcome.Out, Does.Contain($"{Servers}=5: infeasible, overloaded (demand 480 trucks/day >= capacity 480 trucks/day at booth)"));
            Assert.That(csv[0], Does.StartWith($"{Servers},status,misses,not_decided,decided_with_guarantee,replications,servers_and_lanes,"));
            Assert.That(csv[2], Does.StartWith("6,best,,,true,"));
            Assert.That(new FileInfo(Path.Combine(output, "optimize.png")).Length, Is.GreaterThan(10_000));
        });
    }

    [Test]
    public void Two_configurations_within_the_indifference_zone_may_either_be_chosen()
    {
        // Service 15 min or 15.05 min: Erlang C waits 0.147 h and 0.150 h, 0.003 h apart, inside the 0.02 h indifference zone.
        const string service = "directions.inbound.stages.booth.service";
        CliRunner.Outcome outcome = CliRunner.Run(
            "optimize", MMc, "--vary", $"{service}=exp(15min),exp(15.05min)", "--target", "wait_hours_mean/inbound/all<=0.5",
            "--minimize", "wait_hours_mean/inbound/all", "--indifference", "0.02", "--days", "10", "-o", Path.Combine(Folder, "iz"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Does.StartWith($"best: {service}=exp(15min)\n").Or.StartWith($"best: {service}=exp(15.05min)\n"));
            Assert.That(outcome.Out, Does.Contain("within 0.02 of the best feasible one's"));
        });
    }

    [Test]
    public void With_costs_the_cheapest_a_day_wins_and_a_seventh_server_pays_for_the_waiting_it_saves()
    {
        // By hand (Erlang C waits, 480 trucks/day, 20 USD a truck-hour, 10 USD a booth-hour, always open):
        // 6 servers 6 x 240 + 480 x 0.147 x 20 = 1,440 + 1,411 = 2,851 USD/day; 7 servers 1,680 + 480 x 0.038 x 20 = 2,045.
        // The difference, about 800 USD/day, is far beyond the indifference zone (5 % of the best, about 100).
        string output = Path.Combine(Folder, "cost");
        CliRunner.Outcome outcome = CliRunner.Run(
            "optimize", MMc, "--vary", $"{Servers}=6,7", "--target", "wait_hours_mean/inbound/all<=0.2",
            "--set", "costs={booth_usd_per_hour: 10}", "--set", "classes.general.delay_cost_usd_per_hour=20", "--days", "10", "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Does.StartWith($"best: {Servers}=7\n"));
            Assert.That(outcome.Out, Does.Contain("the chosen one's cost_usd_per_day is within"));
            Assert.That(File.ReadAllLines(Path.Combine(output, "optimize.csv"))[2], Does.StartWith("7,best,,,true,"));
        });
    }

    [Test]
    public void An_infeasible_configuration_is_listed_with_every_target_it_misses()
    {
        // At 440 a day (not overloaded: rho = 0.917 with 5 servers), Erlang C gives 5 servers a mean wait of 0.48 h and a
        // 95th percentile of 1.66 h, past 0.2 h and 0.8 h; 6 servers meet both (0.079 h and 0.39 h).
        string output = Path.Combine(Folder, "two");
        CliRunner.Outcome outcome = CliRunner.Run(
            "optimize", MMc, "--set", "directions.inbound.arrivals.trucks_per_day=440", "--vary", $"{Servers}=5,6", "--target", "wait_hours_mean/inbound/all<=0.2", "--target", "wait_hours_p95/inbound/all<=0.8", "--days", "10", "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Does.Contain($"{Servers}=5: infeasible, misses wait_hours_mean/inbound/all<=0.2 and wait_hours_p95/inbound/all<=0.8;"));
            Assert.That(File.ReadAllLines(Path.Combine(output, "optimize.csv"))[1], Does.StartWith("5,infeasible,wait_hours_mean/inbound/all<=0.2; wait_hours_p95/inbound/all<=0.8,,true,"));
        });
    }

    [Test]
    public void An_unknown_metric_to_minimize_or_a_malformed_vary_is_refused_before_anything_runs()
    {
        string output = Path.Combine(Folder, "never");
        CliRunner.Outcome outcome = CliRunner.Run("optimize", MMc, "--vary", $"{Servers}", "--target", "wait_hours_mean/inbound/all<=0.2", "--minimize", "cost_usd_per_dya", "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("--minimize 'cost_usd_per_dya'"));
            Assert.That(outcome.Error, Does.Contain("--vary"));
            Assert.That(Directory.Exists(output), Is.False);
        });
    }
}
