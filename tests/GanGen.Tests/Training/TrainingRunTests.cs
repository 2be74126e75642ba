using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Training;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>The run driver: metrics log, sample grids, TensorBoard events, last/best checkpoints and resuming.</summary>
public sealed class TrainingRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-run-" + Guid.NewGuid().ToString("N"));
    private readonly List<(long[] Shape, string Path)> _grids = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void RunWritesMetricsSamplesCheckpointsAndResumes()
    {
        var scores = new Queue<double>(new[] { 5.0, 3.0, 4.0 });
        var options = new TrainingRunOptions(Steps: 6, OutputFolder: _folder, LogEvery: 2, SampleEvery: 3, EvaluateEvery: 2, CheckpointEvery: 3);
        using (var gan = new FashionDcgan(seed: 2))
        {
            TrainingRun.Fit(gan, Batch, options, evaluate: () => new Evaluation(scores.Dequeue(), "fake report"), writePng: WritePng);
            Assert.Equal(6, gan.StepCount);
        }

        var lines = File.ReadAllLines(Path.Combine(_folder, "metrics.csv"));
        Assert.Equal("step,loss_d,loss_g,real_score,fake_score", lines[0]);
        Assert.Equal(new[] { "2", "4", "6" }, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(2, _grids.Count); // steps 3 and 6
        Assert.All(_grids, g => Assert.Equal(new long[] { 3, 8 * 30 + 2, 8 * 30 + 2 }, g.Shape)); // 64 samples, 8×8 grid of 28+2
        Assert.True(File.Exists(Path.Combine(_folder, TrainingRun.LastCheckpoint)));
        Assert.True(File.Exists(Path.Combine(_folder, TrainingRun.BestCheckpoint)));
        Assert.StartsWith("4\n3", File.ReadAllText(Path.Combine(_folder, "best.txt"))); // best score 3.0 came at step 4
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "tensorboard"), "events.out.tfevents.*", SearchOption.AllDirectories));

        using var resumed = new FashionDcgan(seed: 77);
        TrainingRun.Fit(resumed, Batch, options with { Steps = 8, Start = RunStart.Resume }, writePng: WritePng);
        Assert.Equal(8, resumed.StepCount);
        var all = File.ReadAllLines(Path.Combine(_folder, "metrics.csv"));
        Assert.Equal(new[] { "2", "4", "6", "8" }, all.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        using var gan = new FashionDcgan(seed: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingRun.Fit(gan, Batch, new TrainingRunOptions(0, _folder), writePng: WritePng));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingRun.Fit(gan, Batch, new TrainingRunOptions(5, _folder, LogEvery: 0), writePng: WritePng));
    }

    private static GanBatch Batch(long step)
    {
        var generator = new Generator((ulong)(step + 1));
        return rand(new long[] { 8, 1, 28, 28 }, generator: generator).mul_(2).sub_(1);
    }

    private void WritePng(Tensor grid, string path)
    {
        _grids.Add((grid.shape, path));
        GanGen.Runtime.Imaging.PngFile.Write(grid, path);
        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        Assert.Equal((int)grid.size(2), bitmap.Width); // a real, decodable PNG of the grid's size
        Assert.Equal((int)grid.size(1), bitmap.Height);
    }
}
