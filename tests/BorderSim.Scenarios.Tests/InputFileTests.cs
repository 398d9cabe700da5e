using System.Diagnostics;

namespace BorderSim.Scenarios.Tests;

/// <summary>Reading input is bounded whatever the file is: a device, a pipe, a file whose size on disk is 0.</summary>
public class InputFileTests
{
    [Test]
    [Platform("Linux")]
    public void Dev_zero_is_refused_as_not_a_regular_file_without_reading_it()
    {
        var result = ScenarioReader.Load("/dev/zero");
        Assert.That(result.Errors.Single().ToString(), Does.StartWith("/dev/zero:1:1: is not a regular file"));
    }

    [Test]
    [Platform("Linux")]
    public void A_named_pipe_with_no_writer_is_refused_at_once_rather_than_waited_on()
    {
        var directory = Directory.CreateTempSubdirectory("bordersim-");
        try
        {
            var fifo = Path.Combine(directory.FullName, "pipe.yaml");
            using (var mkfifo = Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
                Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is needed for this test");
            }

            var load = Task.Run(() => ScenarioReader.Load(fifo));
            Assert.That(load.Wait(TimeSpan.FromSeconds(10)), Is.True, "opening a pipe with no writer blocks");
            Assert.That(load.Result.Errors.Single().Message, Does.StartWith("is not a regular file"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    [Platform("Linux")]
    public void A_file_whose_size_on_disk_is_zero_is_still_read_only_up_to_the_limit()
    {
        // /proc files are regular files that say they are 0 bytes long and yet have content.
        Assume.That(new FileInfo("/proc/self/maps").Length, Is.Zero);
        Assert.That(InputFile.TryReadText("/proc/self/maps", 100, out var text, out var problem), Is.False);
        Assert.That(text, Is.Null);
        Assert.That(problem!.Kind, Is.EqualTo(InputFile.ProblemKind.TooLarge));
        Assert.That(problem.Message, Does.Contain("larger than the limit"));
    }

    [Test]
    public void A_small_regular_file_is_read_as_utf8_without_its_byte_order_mark()
    {
        var directory = Directory.CreateTempSubdirectory("bordersim-");
        try
        {
            var path = Path.Combine(directory.FullName, "a.csv");
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "Hữu Nghị\n"u8.ToArray()]);
            Assert.That(InputFile.TryReadText(path, 100, out var text, out _), Is.True);
            Assert.That(text, Is.EqualTo("Hữu Nghị\n"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
