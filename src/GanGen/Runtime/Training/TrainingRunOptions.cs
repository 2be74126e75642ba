using System;

namespace GanGen.Runtime.Training;

/// <summary>What a <see cref="TrainingRun"/> does besides stepping: logging, sample grids, evaluation, checkpoints.</summary>
/// <param name="Steps">Total training steps (discriminator updates), counted from step 0 also when resuming.</param>
/// <param name="OutputFolder">Where samples, metrics, checkpoints and TensorBoard events go.</param>
/// <param name="LogEvery">Steps between metric read-backs (each syncs with the device).</param>
/// <param name="SampleEvery">Steps between sample grids from the fixed noise.</param>
/// <param name="EvaluateEvery">Steps between quality evaluations (0: only at the end, if an evaluator is given).</param>
/// <param name="CheckpointEvery">Steps between checkpoints (0: only at the end).</param>
/// <param name="Start">
/// A new run (refused in a folder that holds a run), a resumed one (refused without OutputFolder/last.ckpt), or one
/// that first deletes the previous run's files.
/// </param>
/// <param name="DecayLearningRates">Decay both learning rates linearly to zero over <paramref name="Steps"/>.</param>
/// <param name="TensorBoard">Write TensorBoard event files (scalars, weight histograms, sample grids).</param>
/// <param name="GeneratorLearningRate">
/// The generator's learning rate, overriding both the declared one and, when resuming, the checkpoint's (null: keep
/// them). With <paramref name="DecayLearningRates"/> it is the rate the decay starts from.
/// </param>
/// <param name="DiscriminatorLearningRate">The discriminator's, likewise.</param>
/// <param name="OtherOutputs">
/// Files the caller writes into <paramref name="OutputFolder"/> beside the run's own (e.g. <c>curves.png</c>,
/// <c>weights.safetensors</c>), as relative paths: recorded in the folder's manifest (<see cref="Training.OutputFolder"/>)
/// when the run opens it, so a new run refuses a folder holding them and overwriting deletes them with the rest.
/// </param>
public sealed record TrainingRunOptions(
    long Steps,
    string OutputFolder,
    int LogEvery = 100,
    int SampleEvery = 500,
    int EvaluateEvery = 0,
    int CheckpointEvery = 1000,
    RunStart Start = RunStart.New,
    bool DecayLearningRates = false,
    bool TensorBoard = true,
    double? GeneratorLearningRate = null,
    double? DiscriminatorLearningRate = null,
    System.Collections.Generic.IReadOnlyList<string>? OtherOutputs = null)
{
    internal void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Train for at least one step.");
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw new ArgumentException("An output folder is needed.", nameof(OutputFolder));
        if (LogEvery < 1) throw new ArgumentOutOfRangeException(nameof(LogEvery), LogEvery, "LogEvery must be at least 1.");
        if (SampleEvery < 1) throw new ArgumentOutOfRangeException(nameof(SampleEvery), SampleEvery, "SampleEvery must be at least 1.");
        if (EvaluateEvery < 0) throw new ArgumentOutOfRangeException(nameof(EvaluateEvery), EvaluateEvery, "EvaluateEvery must be 0 or positive.");
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be 0 or positive.");
        if (!Enum.IsDefined(Start)) throw new ArgumentOutOfRangeException(nameof(Start), Start, "Start must be New, Resume or Overwrite.");
        ValidateRate(GeneratorLearningRate, nameof(GeneratorLearningRate));
        ValidateRate(DiscriminatorLearningRate, nameof(DiscriminatorLearningRate));
        foreach (string output in OtherOutputs ?? System.Array.Empty<string>())
        {
            if (output.Contains('*', StringComparison.Ordinal))
                throw new ArgumentException($"OtherOutputs lists '{output}': name each file (no wildcards), so it can be recorded before it is written.", nameof(OtherOutputs));
        }
    }

    private static void ValidateRate(double? rate, string name)
    {
        if (rate is { } value && !(double.IsFinite(value) && value > 0))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");
    }
}
