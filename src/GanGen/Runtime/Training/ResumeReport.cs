namespace GanGen.Runtime.Training;

/// <summary>
/// What a resumed run took from its checkpoint and what its options overrode, so neither is silent.
/// </summary>
/// <param name="Checkpoint">The checkpoint resumed from.</param>
/// <param name="Step">The step it continues at.</param>
/// <param name="CheckpointGeneratorLearningRate">The generator's learning rate stored in the checkpoint.</param>
/// <param name="CheckpointDiscriminatorLearningRate">The discriminator's learning rate stored in the checkpoint.</param>
/// <param name="GeneratorLearningRate">The generator learning rate the options set instead, or null when the checkpoint's is kept.</param>
/// <param name="DiscriminatorLearningRate">The discriminator learning rate the options set instead, or null when the checkpoint's is kept.</param>
public sealed record ResumeReport(
    string Checkpoint,
    long Step,
    double CheckpointGeneratorLearningRate,
    double CheckpointDiscriminatorLearningRate,
    double? GeneratorLearningRate,
    double? DiscriminatorLearningRate);
