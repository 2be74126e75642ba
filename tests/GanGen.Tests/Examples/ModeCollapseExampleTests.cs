using System;
using System.IO;
using System.Linq;
using GanGen.Tests.Infrastructure;
using GanGen.Tests.Interop;
using Xunit.Abstractions;

namespace GanGen.Tests.Examples;

/// <summary>
/// The stabiliser experiment's command, on a tiny budget: it writes one results line per run, a table and a picture;
/// a later invocation with --resume keeps the finished runs, adds its own, and the table shows every row measured so far.
/// </summary>
public sealed class ModeCollapseExampleTests : TemporaryFolderTests
{
    private readonly ITestOutputHelper _log;

    public ModeCollapseExampleTests(ITestOutputHelper log) : base("gangen-modes") => _log = log;

    [Fact]
    public void Runs_accumulate_across_invocations_and_the_table_lists_every_measured_row()
    {
        string[] budget = ["--datasets", "ring", "--ring-steps", "60", "--batch-size", "32", "--threads", "1", "--output", "run"];
        var (code, output, error) = Run(["--rows", "plain", "pacgan", "--seeds", "1", .. budget]);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("ring plain seed 1: ", output);
        Assert.Contains("ring pacgan seed 1: ", output);
        Assert.True(File.Exists(PathOf("run/ring-plain.png")));
        Assert.True(File.Exists(PathOf("run/ring-pacgan.png")));
        var lines = File.ReadAllLines(PathOf("run/results.csv"));
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("plain,ring,1,60,32,", lines[1]);
        Assert.StartsWith("pacgan,ring,1,60,32,", lines[2]);

        // Resumed: seed 1 of the plain row is kept, seed 2 is added; PacGAN, not asked for this time, stays in the table.
        (code, output, error) = Run(["--rows", "plain", "--seeds", "1", "2", "--resume", .. budget]);
        Assert.Equal(0, code);
        Assert.Contains("ring plain seed 1: done before, kept", output);
        Assert.Contains("ring plain seed 2: ", output);
        lines = File.ReadAllLines(PathOf("run/results.csv"));
        Assert.Equal(4, lines.Length);
        string table = File.ReadAllText(PathOf("run/results.md"));
        _log.WriteLine(table);
        Assert.Contains("### 8-Gaussian ring: 60 steps of 32, 2,500 samples measured per run", table);
        var plain = Assert.Single(table.Split('\n'), l => l.StartsWith("| non-saturating GAN"));
        Assert.Matches(@"\| 1: \d+, 2: \d+ \|", plain);
        var pacgan = Assert.Single(table.Split('\n'), l => l.StartsWith("| PacGAN"));
        Assert.Matches(@"\| 1: \d+ \|", pacgan);
    }

    [Fact]
    public void An_unknown_row_is_one_error_line_naming_the_rows()
    {
        var (code, _, error) = Run(["--rows", "bogus", "--output", "run"]);
        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --rows: no row 'bogus'; the rows are plain, unrolled, pacgan", line);
        Assert.False(Directory.Exists(PathOf("run")) && Directory.EnumerateFiles(PathOf("run")).Any());
    }

    private (int Code, string Output, string Error) Run(string[] arguments)
    {
        var result = ExampleProcess.Run("ModeCollapse", FolderPath, arguments);
        _log.WriteLine($"exit {result.ExitCode}\nstdout:\n{result.Output}\nstderr:\n{result.Error}");
        return result;
    }
}
