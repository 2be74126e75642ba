using System;

namespace GanGen;

/// <summary>
/// Declares a GAN: a <c>partial</c> class that nests one <see cref="GanGeneratorAttribute"/> network and one
/// <see cref="GanDiscriminatorAttribute"/> network. GanGen generates a trainer for it (constructor,
/// <c>TrainStep</c>, <c>Sample</c>) that follows the declared loss, regularisers and schedule. Regularisers are
/// attributes of their own beside this one (<see cref="GradientPenaltyAttribute"/>, <see cref="WeightClipAttribute"/>, …).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GanAttribute : Attribute
{
    /// <summary>The adversarial loss. Default: <see cref="GanLoss.NonSaturating"/> (Goodfellow et al. 2014, §3).</summary>
    public GanLoss Loss { get; set; } = GanLoss.NonSaturating;

    /// <summary>
    /// Discriminator (critic) updates per generator update (n_critic). Default: 5 for the Wasserstein loss
    /// (Arjovsky et al. 2017; Gulrajani et al. 2017), otherwise 1.
    /// </summary>
    [Accepts(1, 100, Whole = true, Advice = "1, or 5 for WGAN")]
    public int CriticSteps { get; set; }

    /// <summary>
    /// Generator updates per round (after the round's <see cref="CriticSteps"/> discriminator updates), each from fresh
    /// noise: for a discriminator that keeps winning. Default 1.
    /// </summary>
    [Accepts(1, 100, Whole = true, Advice = "1, or 2 when the discriminator wins too easily")]
    public int GeneratorSteps { get; set; } = 1;

    /// <summary>Which network updates first in each cycle. Default: the discriminator (pytorch/examples DCGAN).</summary>
    public TrainingOrder Order { get; set; } = TrainingOrder.DiscriminatorFirst;

    /// <summary>Target for real samples in BCE-family losses; e.g. 0.9 is one-sided label smoothing (Salimans et al. 2016). Default 1.</summary>
    [Accepts(0.5, 1, ExcludeMinimum = true, Advice = "e.g. 0.9 for one-sided label smoothing")]
    [Usually(0.7, 1, Reason = "one-sided label smoothing uses targets of about 0.9 (Salimans et al. 2016); lower ones keep the discriminator from ever being confident")]
    public double RealLabel { get; set; } = 1.0;

    /// <summary>
    /// Decay of an exponential moving average of the generator's weights, used for sampling (Yazıcı et al. 2019,
    /// "The Unusual Effectiveness of Averaging in GAN Training"); e.g. 0.999. Default 0: sample the raw weights.
    /// </summary>
    [Accepts(0, 1, ExcludeMaximum = true, Advice = "e.g. 0.999")]
    public double GeneratorAverage { get; set; }

    /// <summary>
    /// Packing (PacGAN, Lin et al. 2018): the discriminator judges this many samples at once, concatenated along
    /// their first dimension (features, or channels for images), all real or all generated — which penalises a
    /// generator that repeats itself and so counters mode collapse. The discriminator's first layer takes the packed
    /// shape, and batch sizes must be multiples of it. Default 1: no packing.
    /// </summary>
    [Accepts(1, 64, Whole = true, Advice = "PacGAN uses 2–4")]
    [Usually(1, 8, Reason = "PacGAN packs 2–4 samples; large packs make every discriminator input a blur of many samples")]
    public int Pack { get; set; } = 1;
}

/// <summary>
/// Adversarial losses. The discriminator always outputs raw scores (logits); GanGen applies the link function.
/// Constraints that make a Wasserstein critic Lipschitz are regularisers, declared beside the loss:
/// <see cref="GradientPenaltyAttribute"/> (WGAN-GP) or <see cref="WeightClipAttribute"/> (WGAN).
/// </summary>
public enum GanLoss
{
    /// <summary>The original saturating minimax game: G minimises log(1 − D(G(z))).</summary>
    Minimax = 0,
    /// <summary>Non-saturating BCE: G maximises log D(G(z)).</summary>
    NonSaturating = 1,
    /// <summary>Wasserstein critic (Arjovsky et al. 2017): D maximises C(x) − C(G(z)), G maximises C(G(z)).</summary>
    Wasserstein = 2,
    /// <summary>Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018).</summary>
    Hinge = 3,
    /// <summary>Least squares (LSGAN, Mao et al. 2017, a = 0, b = c = 1).</summary>
    LeastSquares = 4,
}

/// <summary>Which network is updated first within one n_critic cycle.</summary>
public enum TrainingOrder
{
    /// <summary>Discriminator update(s), then the generator through the updated discriminator.</summary>
    DiscriminatorFirst = 0,
    /// <summary>Generator update, then the discriminator update(s).</summary>
    GeneratorFirst = 1,
}
