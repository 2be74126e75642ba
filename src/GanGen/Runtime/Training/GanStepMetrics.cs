namespace GanGen.Runtime.Training;

/// <summary>
/// What one training step (or an average over steps) measured. <see cref="RealScore"/> and <see cref="FakeScore"/>
/// are probabilities for the BCE-family losses (minimax, non-saturating) and raw critic scores otherwise.
/// </summary>
/// <param name="DiscriminatorLoss">Discriminator (critic) loss, penalty included.</param>
/// <param name="GeneratorLoss">Generator loss of the latest generator update (NaN before the first).</param>
/// <param name="RealScore">Mean D(x) over the real batch.</param>
/// <param name="FakeScore">Mean D(G(z)) over the fake batch, measured in the discriminator update.</param>
/// <param name="Step">Number of <c>TrainStep</c> calls completed.</param>
public readonly record struct GanStepMetrics(
    float DiscriminatorLoss,
    float GeneratorLoss,
    float RealScore,
    float FakeScore,
    long Step)
{
    /// <summary>True when every loss and score is a finite number.</summary>
    public bool IsFinite =>
        float.IsFinite(DiscriminatorLoss) && float.IsFinite(RealScore) && float.IsFinite(FakeScore) &&
        (float.IsNaN(GeneratorLoss) || float.IsFinite(GeneratorLoss));

    /// <inheritdoc />
    public override string ToString() =>
        $"step {Step}: loss D {DiscriminatorLoss:F4}, loss G {GeneratorLoss:F4}, D(x) {RealScore:F3}, D(G(z)) {FakeScore:F3}";
}
