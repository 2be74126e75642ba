using System;

namespace GanGen.Runtime.Training;

/// <summary>What a <see cref="TrainingRun"/> does besides stepping: logging, sample grids, evaluation, checkpoints.</summary>
/// <param name="Steps">Total training steps (discriminator updates), counted from step 0 also when resuming.</param>
/// <param name="OutputFolder">Where samples, metrics, checkpoints and TensorBoard events go.</param>
/// <param name="LogEvery">Steps between metric read-backs (each syncs with the device).</param>
/// <param name="SampleEvery">Steps between sample grids from the fixed noise.</param>
/// <param name="EvaluateEvery">Steps between quality evaluations (0: only at the end, if an evaluator is given).</param>
/// <param name="CheckpointEvery">Steps between checkpoints (0: only at the end).</param>
/// <param name="Resume">Continue from OutputFolder/last.ckpt when it exists.</param>
/// <param name="DecayLearningRates">Decay both learning rates linearly to zero over <paramref name="Steps"/>.</param>
/// <param name="TensorBoard">Write TensorBoard event files (scalars, weight histograms, sample grids).</param>
public sealed record TrainingRunOptions(
    long Steps,
    string OutputFolder,
    int LogEvery = 100,
    int SampleEvery = 500,
    int EvaluateEvery = 0,
    int CheckpointEvery = 1000,
    bool Resume = false,
    bool DecayLearningRates = false,
    bool TensorBoard = true)
{
    internal void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Train for at least one step.");
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw new ArgumentException("An output folder is needed.", nameof(OutputFolder));
        if (LogEvery < 1) throw new ArgumentOutOfRangeException(nameof(LogEvery), LogEvery, "LogEvery must be at least 1.");
        if (SampleEvery < 1) throw new ArgumentOutOfRangeException(nameof(SampleEvery), SampleEvery, "SampleEvery must be at least 1.");
        if (EvaluateEvery < 0) throw new ArgumentOutOfRangeException(nameof(EvaluateEvery), EvaluateEvery, "EvaluateEvery must be 0 or positive.");
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be 0 or positive.");
    }
}

/// <summary>Receives a training run's events (a console progress bar, a log).</summary>
public interface ITrainingObserver
{
    /// <summary>The run starts at <paramref name="fromStep"/> (0, or the resumed step) of <paramref name="totalSteps"/>.</summary>
    void Started(long fromStep, long totalSteps);

    /// <summary>Metrics averaged since the previous log, and the recent throughput.</summary>
    void Logged(GanStepMetrics metrics, double stepsPerSecond);

    /// <summary>A sample grid was written.</summary>
    void SamplesWritten(long step, string path);

    /// <summary>A quality evaluation finished; <paramref name="best"/> when it improved on every earlier one.</summary>
    void Evaluated(long step, string report, double score, bool best);

    /// <summary>A checkpoint was written.</summary>
    void CheckpointWritten(long step, string path);
}

/// <summary>A quality measure of generated samples; lower scores are better (e.g. a Fréchet distance).</summary>
/// <param name="Score">The number the best checkpoint is chosen by.</param>
/// <param name="Report">A human-readable report including sample counts.</param>
public readonly record struct Evaluation(double Score, string Report);
