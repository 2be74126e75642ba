using System;

namespace GanGen;

/// <summary>
/// A term or constraint added to a GAN's training beside its loss. Each is its own attribute on the [Gan] class, so
/// they compose: a loss, then any regularisers that fit it.
/// </summary>
public abstract class RegularizerAttribute : Attribute
{
}

/// <summary>
/// WGAN-GP's gradient penalty λ·E[(‖∇ₓ̂ D(x̂)‖₂ − 1)²] on random interpolates x̂ of real and generated samples
/// (Gulrajani et al. 2017), added to the discriminator's loss. Makes a Wasserstein critic 1-Lipschitz; with the
/// Wasserstein loss it also selects WGAN-GP's optimizer defaults (Adam 1e-4, β = (0, 0.9)).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GradientPenaltyAttribute : RegularizerAttribute
{
    /// <summary>Declares the penalty with weight <paramref name="weight"/> (default 10, the paper's; its toy-data script uses 0.1).</summary>
    public GradientPenaltyAttribute(double weight = 10.0) => Weight = weight;

    /// <summary>λ.</summary>
    [Accepts(0, 100000, ExcludeMinimum = true, Advice = "the paper uses 10")]
    [Usually(0.01, 100, Reason = "WGAN-GP uses λ = 10 for images and its toy-data script 0.1; far outside, the penalty vanishes or swamps the loss")]
    public double Weight { get; }
}

/// <summary>
/// WGAN's weight clipping: every discriminator parameter is clamped into [−c, c] after each update (Arjovsky et al.
/// 2017). With the Wasserstein loss it also selects WGAN's optimizer default (RMSprop 5e-5).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WeightClipAttribute : RegularizerAttribute
{
    /// <summary>Declares clipping to ±<paramref name="bound"/> (default 0.01, the paper's).</summary>
    public WeightClipAttribute(double bound = 0.01) => Bound = bound;

    /// <summary>c.</summary>
    [Accepts(0, 1000, ExcludeMinimum = true, Advice = "the paper uses 0.01")]
    [Usually(0.001, 0.1, Reason = "WGAN uses c = 0.01; a large bound leaves the critic unconstrained, a tiny one makes its gradients vanish (Arjovsky et al. 2017, §3)")]
    public double Bound { get; }
}

/// <summary>
/// SimGAN's self-regularisation (Shrivastava et al. 2017): the refiner's loss gains λ·distance(refined, source), so
/// refinement keeps the source's content. Needs a refiner (<see cref="GeneratorInput.Source"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SelfRegularizationAttribute : RegularizerAttribute
{
    /// <summary>Declares the term with weight <paramref name="weight"/>.</summary>
    public SelfRegularizationAttribute(double weight) => Weight = weight;

    /// <summary>λ.</summary>
    [Accepts(0, 100000, ExcludeMinimum = true, Advice = "e.g. 0.5")]
    public double Weight { get; }

    /// <summary>The per-element distance, averaged; default L1 (the paper's).</summary>
    public Distance Distance { get; set; } = Distance.L1;
}

/// <summary>Per-element distances between two samples.</summary>
public enum Distance
{
    /// <summary>Mean absolute difference.</summary>
    L1 = 0,
    /// <summary>Mean squared difference.</summary>
    L2 = 1,
}

/// <summary>
/// A history of generated samples (SimGAN, Shrivastava et al. 2017, §2.3): a declared share of every discriminator
/// batch of fakes is drawn from previously generated samples, which keeps the discriminator from forgetting them and
/// the generator from reintroducing old artefacts. Each step, as many current samples replace random ones in the buffer.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ImageHistoryAttribute : RegularizerAttribute
{
    /// <summary>Share of each discriminator fake batch taken from the history; default ½ (the paper's).</summary>
    [Accepts(0, 1, ExcludeMinimum = true, ExcludeMaximum = true, Advice = "the paper uses 0.5")]
    public double Share { get; set; } = 0.5;

    /// <summary>Samples the history holds; default 6,400.</summary>
    [Accepts(1, 10000000, Whole = true)]
    public int Capacity { get; set; } = 6400;
}
