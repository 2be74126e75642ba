using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using GanGen.Runtime.Checkpoints;
using GanGen.Runtime.Imaging;
using static TorchSharp.torch;

namespace GanGen.Runtime.Training;

/// <summary>
/// Drives a generated trainer through a whole run: steps, periodic metrics (CSV and TensorBoard), sample grids from
/// the fixed noise, quality evaluations, and atomic checkpoints — <c>last.ckpt</c> for resuming and
/// <c>best.ckpt</c> for the best evaluation so far (GANs often degrade late in training). The run holds a lock on
/// its output folder, never overwrites another run's files unless told to, never checkpoints non-finite weights, and
/// stops cleanly on request (docs/run-safety.md lists the guarantees).
/// </summary>
public static class TrainingRun
{
    /// <summary>File name of the checkpoint a resumed run continues from.</summary>
    public const string LastCheckpoint = "last.ckpt";

    /// <summary>File name of the checkpoint with the best evaluation.</summary>
    public const string BestCheckpoint = "best.ckpt";

    /// <summary>
    /// Throws <see cref="RunFolderException"/> when <see cref="Fit"/> would refuse <paramref name="options"/>'
    /// output folder (it holds a run but the options neither resume nor overwrite it, or there is nothing to resume).
    /// Changes nothing; lets a program fail before slow preparation. Fit checks again, under the folder's lock.
    /// </summary>
    public static void CheckOutputFolder(TrainingRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RunFolder.Check(options);
    }

    /// <summary>
    /// Trains <paramref name="gan"/> until <see cref="TrainingRunOptions.Steps"/>. <paramref name="batchForStep"/>
    /// must return the batch for a given step — real samples, plus labels or sources when the GAN takes them — as a
    /// pure function of the step, so a resumed run sees the same data; the run disposes it. <paramref name="evaluate"/>
    /// measures the trainer's current quality (it samples what it needs: noise, per-class labels or sources); lower
    /// scores are better and pick best.ckpt. <paramref name="writePng"/> encodes a [3, H, W] grid in [0, 1] to a PNG
    /// file (default: <see cref="PngFile.Write"/>).
    /// </summary>
    /// <exception cref="RunFolderException">The output folder is locked by another run, holds a run that the options neither resume nor overwrite, or has nothing to resume.</exception>
    /// <exception cref="TrainingDivergedException">Losses or weights became NaN or ±∞; the last finite checkpoint is kept.</exception>
    /// <exception cref="InvalidDataException">A real batch held NaN or ±∞ values.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled (e.g. by <see cref="StopSignals"/>): the run stopped between
    /// steps after writing last.ckpt for the step it reached.
    /// </exception>
    public static void Fit<TGenerator, TDiscriminator>(
        GanTrainer<TGenerator, TDiscriminator> gan,
        Func<long, GanBatch> batchForStep,
        TrainingRunOptions options,
        ITrainingObserver? observer = null,
        Func<Evaluation>? evaluate = null,
        Action<Tensor, string>? writePng = null,
        CancellationToken cancellationToken = default)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        ArgumentNullException.ThrowIfNull(gan);
        ArgumentNullException.ThrowIfNull(batchForStep);
        ArgumentNullException.ThrowIfNull(options);
        writePng ??= PngFile.Write;
        options.Validate();
        using var folder = RunFolder.Open(options);
        string last = folder.File(LastCheckpoint);
        string best = folder.File(BestCheckpoint);
        long? checkpointStep = null;
        if (options.Start == RunStart.Resume)
        {
            gan.LoadCheckpoint(last);
            checkpointStep = gan.StepCount;
        }
        var resumed = checkpointStep is null ? null : new ResumeReport(last, gan.StepCount,
            gan.GeneratorOptimizer.LearningRate, gan.DiscriminatorOptimizer.LearningRate,
            options.GeneratorLearningRate, options.DiscriminatorLearningRate);
        if (options.GeneratorLearningRate is { } generatorRate) gan.GeneratorOptimizer.LearningRate = generatorRate;
        if (options.DiscriminatorLearningRate is { } discriminatorRate) gan.DiscriminatorOptimizer.LearningRate = discriminatorRate;

        double bestScore = ReadBestScore(folder.File(RunFolder.BestScore));
        observer?.Started(gan.StepCount, options.Steps);
        if (resumed is not null) observer?.Resumed(resumed);
        string metricsPath = folder.File(RunFolder.Metrics);
        using var metricsLog = resumed is null ? MetricsLog.Create(metricsPath) : MetricsLog.Resume(metricsPath, gan.StepCount);
        var board = options.TensorBoard ? utils.tensorboard.SummaryWriter(folder.File(RunFolder.TensorBoard)) : null;
        folder.RecordTensorBoardFiles();

        var clock = Stopwatch.StartNew();
        long stepsSinceLog = 0;
        while (gan.StepCount < options.Steps)
        {
            if (cancellationToken.IsCancellationRequested) Stop(gan, last, checkpointStep, observer, cancellationToken);
            if (options.DecayLearningRates) DecayLearningRates(gan, options);
            using (var batch = batchForStep(gan.StepCount)) gan.Step(batch);
            stepsSinceLog++;
            long step = gan.StepCount;
            bool end = step == options.Steps;

            if (step % options.LogEvery == 0 || end)
            {
                var metrics = gan.ReadMetrics();
                double rate = stepsSinceLog / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                clock.Restart();
                metricsLog.Write(metrics);
                if (board is not null)
                {
                    int boardStep = checked((int)step);
                    board.add_scalar("loss/discriminator", metrics.DiscriminatorLoss, boardStep);
                    if (metrics.GeneratorLoss is { } generatorLoss) board.add_scalar("loss/generator", generatorLoss, boardStep);
                    board.add_scalar("score/real", metrics.RealScore, boardStep);
                    board.add_scalar("score/fake", metrics.FakeScore, boardStep);
                    folder.RecordTensorBoardFiles(); // the writer names its event file itself; recorded once it exists
                }
                observer?.Logged(metrics, rate);
                if (!metrics.IsFinite) throw NotFinite(gan, metrics, step - stepsSinceLog + 1, last, checkpointStep);
                stepsSinceLog = 0;
            }

            // A stop request skips the slow extras; the checkpoint it writes comes at the top of the loop.
            if (cancellationToken.IsCancellationRequested && !end) continue;

            if (step % options.SampleEvery == 0 || end)
            {
                string path = folder.SampleGrid(step);
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
                // An evaluator fed NaN samples may fail in its own way; say what happened instead.
                gan.ThrowIfWeightsNotFinite(best);
                var evaluation = evaluate!();
                bool improved = evaluation.Score < bestScore;
                board?.add_scalar("quality/score", (float)evaluation.Score, checked((int)step));
                if (improved)
                {
                    gan.SaveCheckpoint(best);
                    bestScore = evaluation.Score;
                    string text = string.Create(CultureInfo.InvariantCulture, $"{step}\n{evaluation.Score:R}\n{evaluation.Report}\n");
                    AtomicFile.Write(folder.File(RunFolder.BestScore), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
                }
                observer?.Evaluated(step, evaluation.Report, evaluation.Score, improved);
            }

            if ((options.CheckpointEvery > 0 && step % options.CheckpointEvery == 0) || end)
            {
                gan.SaveCheckpoint(last);
                checkpointStep = step;
                observer?.CheckpointWritten(step, last);
            }
        }
    }

    /// <summary>Linear decay to zero from the overriding or declared rates (the overrides must survive the schedule).</summary>
    private static void DecayLearningRates<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan, TrainingRunOptions options)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        double factor = Math.Max(0.0, 1.0 - (double)gan.StepCount / options.Steps);
        gan.GeneratorOptimizer.LearningRate = (options.GeneratorLearningRate ?? gan.Config.Generator.LearningRate) * factor;
        gan.DiscriminatorOptimizer.LearningRate = (options.DiscriminatorLearningRate ?? gan.Config.Discriminator.LearningRate) * factor;
    }

    /// <summary>Writes last.ckpt for the step reached (unless it already holds it), then reports the stop.</summary>
    private static void Stop<TGenerator, TDiscriminator>(
        GanTrainer<TGenerator, TDiscriminator> gan, string last, long? checkpointStep, ITrainingObserver? observer, CancellationToken token)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        long step = gan.StepCount;
        if (checkpointStep != step)
        {
            gan.SaveCheckpoint(last);
            observer?.CheckpointWritten(step, last);
        }
        throw new OperationCanceledException(
            string.Create(CultureInfo.InvariantCulture, $"{gan.Config.Name}: training stopped on request at step {step}; '{last}' holds step {step}, resume from it to continue."),
            token);
    }

    private static Exception NotFinite<TGenerator, TDiscriminator>(
        GanTrainer<TGenerator, TDiscriminator> gan, GanStepMetrics metrics, long firstStep, string last, long? checkpointStep)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        string kept = checkpointStep is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"'{last}' keeps the last finite state (step {s})")
            : "no checkpoint had been written yet";
        if (metrics.NonFiniteRealData)
            return new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{gan.Config.Name}: a real batch of steps {firstStep}–{metrics.Step} held NaN or infinite values, so the data, not the learning rate, is at fault; check the data ({kept})."));
        return new TrainingDivergedException(metrics.Step, string.Create(CultureInfo.InvariantCulture,
            $"{gan.Config.Name}: training diverged at step {metrics.Step}: {NonFiniteParts(metrics)}; {kept}. Lower the learning rates (e.g. halve them) and resume from it."));
    }

    private static string NonFiniteParts(GanStepMetrics metrics)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (!float.IsFinite(metrics.DiscriminatorLoss)) parts.Add($"loss D is {metrics.DiscriminatorLoss}");
        if (metrics.GeneratorLoss is { } g && !float.IsFinite(g)) parts.Add($"loss G is {g}");
        if (!float.IsFinite(metrics.RealScore)) parts.Add($"D(x) is {metrics.RealScore}");
        if (!float.IsFinite(metrics.FakeScore)) parts.Add($"D(G(z)) is {metrics.FakeScore}");
        return string.Join(", ", parts);
    }

    private static double ReadBestScore(string path)
    {
        if (!File.Exists(path)) return double.PositiveInfinity;
        var lines = File.ReadAllLines(path);
        return lines.Length > 1 && double.TryParse(lines[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double score)
            ? score
            : double.PositiveInfinity;
    }
}
