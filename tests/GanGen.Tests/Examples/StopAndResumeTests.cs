using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GanGen.Examples.Models;
using GanGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GanGen.Tests.Examples;

/// <summary>
/// The main example stopped with SIGTERM mid-run and resumed with a new learning rate, as a user would: a final
/// checkpoint of the step it reached, one line and exit code 143, then a resume that says what it kept and what the
/// command line overrode, with metrics.csv continuing without duplicates.
/// </summary>
public sealed class StopAndResumeTests : IDisposable
{
    private readonly ITestOutputHelper _log;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "gangen-stop-" + Guid.NewGuid().ToString("N")[..8]);

    public StopAndResumeTests(ITestOutputHelper log)
    {
        _log = log;
        Directory.CreateDirectory(_work);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void SigtermStopsWithAFinalCheckpointAndAResumeKeepsOrOverridesItsSettings()
    {
        string run = Path.Combine(_work, "run"), last = Path.Combine(run, "last.ckpt");
        string[] common = ["--output", run, "--sample-every", "100000", "--checkpoint-every", "0", "--evaluate-every", "0", "--evaluation-samples", "20", "--seed", "3"];
        long step;
        using (var process = ExampleProcess.Start("FashionMnist", _work, ["--steps", "100000", .. common]))
        {
            Assert.NotNull(process.WaitForLine(line => line.StartsWith("step 50/100000 ", StringComparison.Ordinal), TimeSpan.FromMinutes(3)));
            process.Signal(15); // SIGTERM
            var (code, output, error) = process.WaitForExit(TimeSpan.FromMinutes(2));
            _log.WriteLine($"exit {code}\nstdout:\n{output}\nstderr:\n{error}");

            Assert.Equal(143, code);
            string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var stopped = Regex.Match(line, @"^stopped by SIGTERM at step (\d+) of 100000; (.+) holds that step: continue with --resume$");
            Assert.True(stopped.Success, line);
            Assert.Equal(last, stopped.Groups[2].Value);
            step = long.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        Assert.InRange(step, 50, 100_000);
        using (var gan = new FashionDcgan(seed: 99))
        {
            gan.LoadCheckpoint(last);
            Assert.Equal(step, gan.StepCount);
        }
        Assert.Empty(Directory.GetFiles(run, ".*.tmp"));

        var resumed = ExampleProcess.Run("FashionMnist", _work, ["--resume", "--steps", (step + 2).ToString(CultureInfo.InvariantCulture), "--lr-d", "1e-4", .. common]);
        _log.WriteLine($"exit {resumed.ExitCode}\nstdout:\n{resumed.Output}\nstderr:\n{resumed.Error}");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"resumed from {last}: step {step}, --lr-g 0.0002\n", resumed.Output);
        Assert.Contains("overridden on the command line: --lr-d 0.0001 (last.ckpt had 0.0002)\n", resumed.Output);
        var steps = File.ReadAllLines(Path.Combine(run, "metrics.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(steps.Order().Distinct(), steps); // increasing, no row twice
        Assert.Equal(step + 2, steps[^1]);
    }
}
