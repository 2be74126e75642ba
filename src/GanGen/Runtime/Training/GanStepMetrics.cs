using System.Globalization;

namespace GanGen.Runtime.Training;

/// <summary>
/// What one training step (or an average over steps) measured. <see cref="RealScore"/> and <see cref="FakeScore"/>
/// are probabilities for the BCE-family losses (minimax, non-saturating) and raw critic scores otherwise.
/// </summary>
/// <param name="DiscriminatorLoss">Discriminator (critic) loss, penalty included.</param>
/// <param name="GeneratorLoss">
/// Generator loss of the latest generator update; null until the first one (with n_critic &gt; 1 the first steps
/// update only the critic), so "not yet measured" is never confused with a NaN from a diverged run.
/// </param>
/// <param name="RealScore">Mean D(x) over the real batch.</param>
/// <param name="FakeScore">Mean D(G(z)) over the fake batch, measured in the discriminator update.</param>
/// <param name="Step">Number of <c>TrainStep</c> calls completed.</param>
/// <param name="NonFiniteRealData">
/// True when a real batch given to <c>Step</c> since the previous read held NaN or ±∞ values: the data, not the
/// learning rate, is at fault (<c>TrainStep</c> rejects such a batch outright).
/// </param>
public readonly record struct GanStepMetrics(
    float DiscriminatorLoss,
    float? GeneratorLoss,
    float RealScore,
    float FakeScore,
    long Step,
    bool NonFiniteRealData = false)
{
    /// <summary>True when every measured loss and score is a finite number and the real data was finite.</summary>
    public bool IsFinite =>
        float.IsFinite(DiscriminatorLoss) && float.IsFinite(RealScore) && float.IsFinite(FakeScore) &&
        (GeneratorLoss is not { } generatorLoss || float.IsFinite(generatorLoss)) && !NonFiniteRealData;

    /// <summary>The generator loss with <paramref name="format"/>, or "—" before the first generator update.</summary>
    public string GeneratorLossText(string format = "F4") =>
        GeneratorLoss is { } loss ? loss.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"step {Step}: loss D {DiscriminatorLoss:F4}, loss G {GeneratorLossText()}, D(x) {RealScore:F3}, D(G(z)) {FakeScore:F3}{(NonFiniteRealData ? ", real data held NaN/∞" : "")}");
}
