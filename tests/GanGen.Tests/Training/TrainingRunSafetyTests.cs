using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using GanGen.Runtime.Training;
using GanGen.Tests.Declarations;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>
/// A run's output folder is never silently lost or corrupted: explicit start modes, a folder lock, stale temporary
/// files removed, metrics.csv consistent with the checkpoint after a crash, clean stops, options that win on resume.
/// </summary>
public sealed class TrainingRunSafetyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-safety-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string Metrics => Path.Combine(_folder, "metrics.csv");

    private string Last => Path.Combine(_folder, TrainingRun.LastCheckpoint);

    [Fact]
    public void ResumeWithoutACheckpointIsRefusedAndChangesNothing()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Metrics, "step,loss_d,loss_g,real_score,fake_score\n1,0.5,0.7,0.5,0.5\n");
        using var gan = new TinyImageWgan(seed: 1);

        var error = Assert.Throws<RunFolderException>(() => Fit(gan, Options(4) with { Start = RunStart.Resume }));

        Assert.Equal(RunFolderProblem.NothingToResume, error.Problem);
        Assert.Contains("has no last.ckpt to resume from (it holds metrics.csv)", error.Message);
        Assert.Equal("step,loss_d,loss_g,real_score,fake_score\n1,0.5,0.7,0.5,0.5\n", File.ReadAllText(Metrics));
        Assert.Equal(0, gan.StepCount);
    }

    [Fact]
    public void ANewRunIntoAFolderHoldingARunIsRefusedUntilToldToOverwrite()
    {
        var options = Options(4) with { EvaluateEvery = 2 };
        using (var first = new TinyImageWgan(seed: 1)) Fit(first, options, evaluate: true);
        string best = Path.Combine(_folder, TrainingRun.BestCheckpoint);
        var lastBytes = File.ReadAllBytes(Last);
        var bestBytes = File.ReadAllBytes(best);
        var metrics = File.ReadAllText(Metrics);

        using var second = new TinyImageWgan(seed: 2);
        var error = Assert.Throws<RunFolderException>(() => Fit(second, options));
        Assert.Equal(RunFolderProblem.HoldsAnotherRun, error.Problem);
        Assert.Contains("metrics.csv, last.ckpt, best.ckpt, best.txt, samples/step-0000002.png, samples/step-0000004.png", error.Message);
        Assert.Equal(lastBytes, File.ReadAllBytes(Last));
        Assert.Equal(bestBytes, File.ReadAllBytes(best));
        Assert.Equal(metrics, File.ReadAllText(Metrics));

        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "mine");
        Fit(second, Options(2) with { Start = RunStart.Overwrite });
        Assert.False(File.Exists(best), "the previous run's best.ckpt survived --overwrite");
        Assert.False(File.Exists(Path.Combine(_folder, "best.txt")));
        Assert.Equal(new[] { "1", "2" }, Steps(Metrics));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_folder, "notes.txt"))); // only run files are deleted
    }

    [Fact]
    public void ASecondRunIntoALockedFolderIsRefusedByName()
    {
        using var first = new TinyImageWgan(seed: 1);
        using var second = new TinyImageWgan(seed: 2);
        RunFolderException? error = null;
        var observer = new RecordingObserver(metrics =>
        {
            if (metrics.Step == 2) error = Assert.Throws<RunFolderException>(() => Fit(second, Options(4) with { Start = RunStart.Overwrite }));
        });
        Fit(first, Options(4), observer);

        Assert.NotNull(error);
        Assert.Equal(RunFolderProblem.InUse, error!.Problem);
        Assert.Contains($"'{_folder}' is in use by another training run", error.Message);
        Assert.Equal(new[] { "1", "2", "3", "4" }, Steps(Metrics)); // the first run's log is whole
    }

    [Fact]
    public void ResumingAfterACrashRewritesMetricsToTheCheckpointsStep()
    {
        using (var crashed = new TinyImageWgan(seed: 1))
        {
            // Killed in step 6: rows 1–5 are logged, the last checkpoint holds step 4.
            Assert.Throws<InvalidOperationException>(() => Fit(crashed, Options(8), batches: step => step == 5 ? throw new InvalidOperationException("killed") : randn(16, 1, 4, 4)));
        }
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, Steps(Metrics));

        using var resumed = new TinyImageWgan(seed: 1);
        Fit(resumed, Options(8) with { Start = RunStart.Resume });
        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7", "8" }, Steps(Metrics)); // 5 once, not twice
    }

    [Fact]
    public void ResumingAfterAKillBeforeTheFirstFlushRestoresTheHeader()
    {
        using (var first = new TinyImageWgan(seed: 1)) Fit(first, Options(2));
        File.WriteAllText(Metrics, ""); // what a kill before the first flush leaves
        using var resumed = new TinyImageWgan(seed: 1);
        Fit(resumed, Options(4) with { Start = RunStart.Resume });
        var lines = File.ReadAllLines(Metrics);
        Assert.Equal("step,loss_d,loss_g,real_score,fake_score", lines[0]);
        Assert.Equal(new[] { "3", "4" }, Steps(Metrics));
    }

    [Fact]
    public void TemporaryFilesOfKilledWritersAreRemovedAtTheStart()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "samples"));
        int dead = ExitedProcessId();
        string stale = Path.Combine(_folder, $".last.ckpt.{dead}.tmp");
        string staleGrid = Path.Combine(_folder, "samples", $".step-0000002.png.{dead}.tmp");
        // A running writer's temporary file of one of the run's outputs (this run evaluates nothing, so never writes best.txt).
        string live = Path.Combine(_folder, $".best.txt.{Environment.ProcessId}.tmp");
        foreach (var file in new[] { stale, staleGrid, live }) File.WriteAllText(file, "half a checkpoint");

        using var gan = new TinyImageWgan(seed: 1);
        Fit(gan, Options(2));

        Assert.False(File.Exists(stale), "a killed writer's temporary checkpoint was left");
        Assert.False(File.Exists(staleGrid));
        Assert.True(File.Exists(live), "a running process's temporary file was removed");
    }

    [Fact]
    public void CancellingStopsBetweenStepsWithAFinalCheckpoint()
    {
        using var stop = new CancellationTokenSource();
        using var gan = new TinyImageWgan(seed: 1);
        var observer = new RecordingObserver(metrics =>
        {
            if (metrics.Step == 3) stop.Cancel();
        });

        var error = Assert.Throws<OperationCanceledException>(() => Fit(gan, Options(8), observer, token: stop.Token));

        Assert.Contains("stopped on request at step 3", error.Message);
        Assert.Equal(3, observer.Checkpoints[^1]);
        using var resumed = new TinyImageWgan(seed: 1);
        resumed.LoadCheckpoint(Last);
        Assert.Equal(3, resumed.StepCount);
        Assert.Equal(new[] { "1", "2", "3" }, Steps(Metrics));
    }

    [Fact]
    public void LearningRatesGivenWithResumeWinAndAreReported()
    {
        using (var first = new TinyImageWgan(seed: 1)) Fit(first, Options(2));
        using var resumed = new TinyImageWgan(seed: 1);
        var observer = new RecordingObserver();

        Fit(resumed, Options(4) with { Start = RunStart.Resume, DiscriminatorLearningRate = 5e-5 }, observer);

        Assert.Equal(5e-5, resumed.DiscriminatorOptimizer.LearningRate);
        Assert.Equal(1e-3, resumed.GeneratorOptimizer.LearningRate); // the checkpoint's
        Assert.NotNull(observer.Resume);
        Assert.Equal(2, observer.Resume!.Step);
        Assert.Equal(1e-3, observer.Resume.CheckpointDiscriminatorLearningRate);
        Assert.Equal(5e-5, observer.Resume.DiscriminatorLearningRate);
        Assert.Null(observer.Resume.GeneratorLearningRate);
    }

    [Fact]
    public void LinearDecayStartsFromTheOverridingRate()
    {
        using var gan = new TinyImageWgan(seed: 1);
        Fit(gan, Options(4) with { DecayLearningRates = true, GeneratorLearningRate = 4e-4 });
        Assert.Equal(4e-4 * 0.25, gan.GeneratorOptimizer.LearningRate, 12); // set before step 4 of 4
        Assert.Equal(1e-3 * 0.25, gan.DiscriminatorOptimizer.LearningRate, 12);
    }

    [Fact]
    public void GeneratorLossBeforeTheFirstGeneratorUpdateIsNotYetMeasuredNeverNaN()
    {
        using var gan = new TinyImageWgan(seed: 1); // WGAN-GP, n_critic 5: the generator first updates in step 5
        var observer = new RecordingObserver();
        Fit(gan, Options(6), observer);

        Assert.All(observer.Logs.Take(4), m => Assert.Null(m.GeneratorLoss));
        Assert.All(observer.Logs.Take(4), m => Assert.True(m.IsFinite));
        Assert.Contains("loss G —", observer.Logs[0].ToString());
        Assert.True(observer.Logs[4].GeneratorLoss is { } loss && float.IsFinite(loss));
        var rows = File.ReadAllLines(Metrics).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows.Take(4), cells => Assert.Equal("", cells[2]));
        Assert.All(rows.Skip(4), cells => Assert.True(float.TryParse(cells[2], System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.DoesNotContain("NaN", File.ReadAllText(Metrics));
    }

    private TrainingRunOptions Options(long steps) =>
        new(Steps: steps, OutputFolder: _folder, LogEvery: 1, SampleEvery: 2, CheckpointEvery: 2, TensorBoard: false);

    private static void Fit(TinyImageWgan gan, TrainingRunOptions options, ITrainingObserver? observer = null, bool evaluate = false,
        Func<long, Tensor>? batches = null, CancellationToken token = default) =>
        TrainingRun.Fit(gan, step => (batches ?? (_ => randn(16, 1, 4, 4)))(step), options, observer,
            evaluate ? () => new Evaluation(1.0, "report") : null, writePng: (_, path) => File.WriteAllText(path, "png"),
            cancellationToken: token);

    private static string[] Steps(string metrics) => File.ReadAllLines(metrics).Skip(1).Select(l => l.Split(',')[0]).ToArray();

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
