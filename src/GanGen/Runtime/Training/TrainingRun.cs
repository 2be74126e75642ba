using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GanGen.Runtime.Imaging;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// Drives a generated trainer through a whole run: steps, periodic metrics (CSV and TensorBoard), sample grids from
/// the fixed noise, quality evaluations, and atomic checkpoints — <c>last.ckpt</c> for resuming and
/// <c>best.ckpt</c> for the best evaluation so far (GANs often degrade late in training).
/// </summary>
public static class TrainingRun
{
    /// <summary>File name of the checkpoint a resumed run continues from.</summary>
    public const string LastCheckpoint = "last.ckpt";

    /// <summary>File name of the checkpoint with the best evaluation.</summary>
    public const string BestCheckpoint = "best.ckpt";

    /// <summary>
    /// Trains <paramref name="gan"/> until <see cref="TrainingRunOptions.Steps"/>. <paramref name="batchForStep"/>
    /// must return the batch for a given step — real samples, plus labels or sources when the GAN takes them — as a
    /// pure function of the step, so a resumed run sees the same data; the run disposes it. <paramref name="writePng"/> encodes a [3, H, W] grid in [0, 1] to a PNG file
    /// (default: <see cref="PngFile.Write"/>).
    /// </summary>
    public static void Fit<TGenerator, TDiscriminator>(
        GanTrainer<TGenerator, TDiscriminator> gan,
        Func<long, GanBatch> batchForStep,
        TrainingRunOptions options,
        ITrainingObserver? observer = null,
        Func<Tensor, Evaluation>? evaluate = null,
        int evaluationSamples = 1000,
        Action<Tensor, string>? writePng = null)
        where TGenerator : nn.Module
        where TDiscriminator : nn.Module
    {
        ArgumentNullException.ThrowIfNull(gan);
        ArgumentNullException.ThrowIfNull(batchForStep);
        ArgumentNullException.ThrowIfNull(options);
        writePng ??= PngFile.Write;
        options.Validate();
        string folder = Path.GetFullPath(options.OutputFolder);
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        string last = Path.Combine(folder, LastCheckpoint);
        string best = Path.Combine(folder, BestCheckpoint);
        if (options.Resume && File.Exists(last)) gan.LoadCheckpoint(last);

        double bestScore = ReadBestScore(folder);
        observer?.Started(gan.StepCount, options.Steps);
        using var metricsLog = new StreamWriter(Path.Combine(folder, "metrics.csv"), append: gan.StepCount > 0);
        if (gan.StepCount == 0) metricsLog.WriteLine("step,loss_d,loss_g,real_score,fake_score");
        var board = options.TensorBoard ? utils.tensorboard.SummaryWriter(Path.Combine(folder, "tensorboard")) : null;

        var clock = Stopwatch.StartNew();
        long stepsSinceLog = 0;
        while (gan.StepCount < options.Steps)
        {
            if (options.DecayLearningRates) gan.DecayLearningRatesLinearly(options.Steps);
            using (var batch = batchForStep(gan.StepCount)) gan.Step(batch);
            stepsSinceLog++;
            long step = gan.StepCount;
            bool end = step == options.Steps;

            if (step % options.LogEvery == 0 || end)
            {
                var metrics = gan.ReadMetrics();
                double rate = stepsSinceLog / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                clock.Restart();
                stepsSinceLog = 0;
                metricsLog.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{step},{metrics.DiscriminatorLoss},{metrics.GeneratorLoss},{metrics.RealScore},{metrics.FakeScore}"));
                metricsLog.Flush();
                if (board is not null)
                {
                    int boardStep = checked((int)step);
                    board.add_scalar("loss/discriminator", metrics.DiscriminatorLoss, boardStep);
                    if (float.IsFinite(metrics.GeneratorLoss)) board.add_scalar("loss/generator", metrics.GeneratorLoss, boardStep);
                    board.add_scalar("score/real", metrics.RealScore, boardStep);
                    board.add_scalar("score/fake", metrics.FakeScore, boardStep);
                }
                observer?.Logged(metrics, rate);
                if (!metrics.IsFinite)
                    throw new InvalidOperationException($"{gan.Config.Name}: training diverged at step {step} ({metrics}); lower the learning rates or check the data range.");
            }

            if (step % options.SampleEvery == 0 || end)
            {
                string path = Path.Combine(folder, "samples", $"step-{step:D7}.png");
                using (var samples = gan.SampleFixed())
                using (var grid = ImageGrid.Make(samples))
                {
                    writePng(grid, path);
                }
                board?.add_img("samples", path, checked((int)step));
                if (board is not null)
                {
                    using var weights = gan.GeneratorParameters.Values.cpu();
                    board.add_histogram("generator/weights", weights, checked((int)step));
                }
                observer?.SamplesWritten(step, path);
            }

            bool evaluateNow = evaluate is not null && ((options.EvaluateEvery > 0 && step % options.EvaluateEvery == 0) || end);
            if (evaluateNow)
            {
                Evaluation evaluation;
                using (var samples = gan.Sample(evaluationSamples)) evaluation = evaluate!(samples);
                bool improved = evaluation.Score < bestScore;
                board?.add_scalar("quality/score", (float)evaluation.Score, checked((int)step));
                if (improved)
                {
                    bestScore = evaluation.Score;
                    gan.SaveCheckpoint(best);
                    File.WriteAllText(Path.Combine(folder, "best.txt"), string.Create(CultureInfo.InvariantCulture, $"{step}\n{evaluation.Score:R}\n{evaluation.Report}\n"));
                }
                observer?.Evaluated(step, evaluation.Report, evaluation.Score, improved);
            }

            if ((options.CheckpointEvery > 0 && step % options.CheckpointEvery == 0) || end)
            {
                gan.SaveCheckpoint(last);
                observer?.CheckpointWritten(step, last);
            }
        }
    }

    private static double ReadBestScore(string folder)
    {
        string path = Path.Combine(folder, "best.txt");
        if (!File.Exists(path)) return double.PositiveInfinity;
        var lines = File.ReadAllLines(path);
        return lines.Length > 1 && double.TryParse(lines[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double score)
            ? score
            : double.PositiveInfinity;
    }
}
