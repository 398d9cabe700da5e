namespace BorderSim.Reporting.Tests;

public class AtomicFileTests
{
    [Test]
    public void A_write_replaces_the_old_content_and_leaves_no_temporary_file()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        string path = Path.Combine(directory, "out.csv");
        File.WriteAllText(path, "old");
        AtomicFile.WriteText(path, w => w.Write("new"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
            Assert.That(Directory.GetFiles(directory), Is.EquivalentTo(new[] { path }));
        });
    }

    [Test]
    public void A_write_that_throws_keeps_the_old_file_and_leaves_no_half_file()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        string path = Path.Combine(directory, "out.csv");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write(new string('x', 200_000));
            throw new InvalidOperationException("disk on fire");
        }));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
            Assert.That(Directory.GetFiles(directory), Is.EquivalentTo(new[] { path }));
        });
    }

    [Test]
    public void A_write_that_throws_creates_no_file_where_there_was_none()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        string path = Path.Combine(directory, "out.csv");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, _ => throw new InvalidOperationException("boom")));
        Assert.That(Directory.GetFiles(directory), Is.Empty);
    }

    [Test]
    public void Writing_into_a_missing_directory_fails_with_an_io_error()
    {
        string path = Path.Combine(TestFiles.NewTemporaryDirectory(), "missing", "out.csv");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteText(path, w => w.Write("x")));
    }
}
