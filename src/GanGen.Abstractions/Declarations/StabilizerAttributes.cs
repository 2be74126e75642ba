using System;

namespace GanGen;

// Stabilisers from the literature, each one attribute beside [Gan]: they compose with the loss and with each other
// where the papers allow (the compiler reports the combinations that do not fit, e.g. label flipping with a loss that
// has no labels).

/// <summary>
/// R1 (Mescheder et al. 2018): γ/2 · E[‖∇ₓ D(x)‖²] on real samples, added to the discriminator's loss; optionally lazy
/// (computed every <see cref="Every"/> steps and scaled by it, as in StyleGAN2, Karras et al. 2020).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class R1Attribute : RegularizerAttribute
{
    /// <summary>Declares the penalty with weight γ = <paramref name="gamma"/> (default 10).</summary>
    public R1Attribute(double gamma = 10.0) => Gamma = gamma;

    /// <summary>γ.</summary>
    [Accepts(0, 100000, ExcludeMinimum = true, Advice = "Mescheder et al. use 10")]
    [Usually(0.01, 100, Reason = "Mescheder et al. use γ = 10 on images, StyleGAN2 0.0002–100 by resolution")]
    public double Gamma { get; }

    /// <summary>Steps between evaluations (lazy regularisation); default 1: every step.</summary>
    [Accepts(1, 1000, Whole = true, Advice = "StyleGAN2 uses 16")]
    public int Every { get; set; } = 1;
}

/// <summary>R2 (Mescheder et al. 2018): γ/2 · E[‖∇ₓ D(x)‖²] on generated samples, optionally lazy like <see cref="R1Attribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class R2Attribute : RegularizerAttribute
{
    /// <summary>Declares the penalty with weight γ = <paramref name="gamma"/> (default 10).</summary>
    public R2Attribute(double gamma = 10.0) => Gamma = gamma;

    /// <summary>γ.</summary>
    [Accepts(0, 100000, ExcludeMinimum = true, Advice = "Mescheder et al. use 10")]
    [Usually(0.01, 100, Reason = "Mescheder et al. use γ = 10")]
    public double Gamma { get; }

    /// <summary>Steps between evaluations (lazy regularisation); default 1: every step.</summary>
    [Accepts(1, 1000, Whole = true)]
    public int Every { get; set; } = 1;
}

/// <summary>
/// DRAGAN's penalty (Kodali et al. 2017): λ·E[(‖∇ D(x̂)‖₂ − 1)²] around the real data, x̂ = x + δ with δ uniform in
/// ±<see cref="Spread"/>·std(x) per element, added to the discriminator's loss.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DraganPenaltyAttribute : RegularizerAttribute
{
    /// <summary>Declares the penalty with weight λ = <paramref name="weight"/> (default 10, the paper's).</summary>
    public DraganPenaltyAttribute(double weight = 10.0) => Weight = weight;

    /// <summary>λ.</summary>
    [Accepts(0, 100000, ExcludeMinimum = true, Advice = "the paper uses 10")]
    [Usually(0.01, 100, Reason = "Kodali et al. use λ = 10")]
    public double Weight { get; }

    /// <summary>Perturbation scale relative to the batch's standard deviation; default 0.5 (the paper's C).</summary>
    [Accepts(0, 10, ExcludeMinimum = true)]
    public double Spread { get; set; } = 0.5;
}

/// <summary>An L2 penalty λ·‖θ_D‖² on the discriminator's weights, added to its loss (applied as its gradient 2λθ).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WeightPenaltyAttribute : RegularizerAttribute
{
    /// <summary>Declares the penalty with weight λ = <paramref name="weight"/>.</summary>
    public WeightPenaltyAttribute(double weight) => Weight = weight;

    /// <summary>λ.</summary>
    [Accepts(0, 10, ExcludeMinimum = true, Advice = "e.g. 1e-4")]
    [Usually(1e-7, 1e-1, Reason = "an L2 weight penalty of 1e-5 to 1e-2 is usual; larger ones shrink the discriminator to nothing")]
    public double Weight { get; }
}

/// <summary>Gradient-norm clipping: each step, a network's whole gradient is rescaled so its L2 norm is at most <see cref="MaxNorm"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GradientClipAttribute : RegularizerAttribute
{
    /// <summary>Declares clipping to norm <paramref name="maxNorm"/>.</summary>
    public GradientClipAttribute(double maxNorm) => MaxNorm = maxNorm;

    /// <summary>The largest gradient norm allowed.</summary>
    [Accepts(0, 1000000, ExcludeMinimum = true, Advice = "e.g. 1 or 10")]
    public double MaxNorm { get; }

    /// <summary>Which networks are clipped; default both.</summary>
    public TargetNetworks Networks { get; set; } = TargetNetworks.Both;
}

/// <summary>Which networks a stabiliser applies to.</summary>
public enum TargetNetworks
{
    /// <summary>Both networks.</summary>
    Both = 0,
    /// <summary>The generator only.</summary>
    Generator = 1,
    /// <summary>The discriminator only.</summary>
    Discriminator = 2,
}

/// <summary>
/// The relativistic average loss (Jolicoeur-Martineau 2018): the discriminator judges how much more real a real sample
/// is than the average fake (and a fake than the average real), C(x_r) − E C(x_f); the generator's loss is the mirror
/// image, so it too sees real samples. Applies to the BCE, least-squares and hinge losses (RaSGAN, RaLSGAN, RaHingeGAN).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RelativisticAttribute : RegularizerAttribute
{
}

/// <summary>
/// Instance noise (Sønderby et al. 2016; Arjovsky &amp; Bottou 2017): Gaussian noise of standard deviation σ_t added to
/// every discriminator input, real and generated, annealed from <see cref="Sigma"/> to zero over <see cref="Steps"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InstanceNoiseAttribute : RegularizerAttribute
{
    /// <summary>Declares noise of initial standard deviation <paramref name="sigma"/>.</summary>
    public InstanceNoiseAttribute(double sigma) => Sigma = sigma;

    /// <summary>σ at step 0.</summary>
    [Accepts(0, 100, ExcludeMinimum = true, Advice = "e.g. 0.1 for data in [−1, 1]")]
    public double Sigma { get; }

    /// <summary>Steps over which σ anneals (linear: to 0 at this step; exponential: to 1 % of σ); default 10,000.</summary>
    [Accepts(1, 1000000000, Whole = true)]
    public int Steps { get; set; } = 10000;

    /// <summary>How σ falls; default linearly.</summary>
    public Annealing Annealing { get; set; } = Annealing.Linear;
}

/// <summary>How a stabiliser's strength falls over training.</summary>
public enum Annealing
{
    /// <summary>σ_t = σ·max(0, 1 − t/T).</summary>
    Linear = 0,
    /// <summary>σ_t = σ·0.01^(t/T): to 1 % at T, on toward zero.</summary>
    Exponential = 1,
}

/// <summary>
/// Label flipping (a "GAN hack", Chintala et al. 2016): each sample's target in the discriminator's loss is swapped
/// (real for fake, fake for real) with probability <see cref="Probability"/>. For the losses with targets: the BCE
/// family and least squares.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LabelFlipAttribute : RegularizerAttribute
{
    /// <summary>Declares flipping with probability <paramref name="probability"/>.</summary>
    public LabelFlipAttribute(double probability) => Probability = probability;

    /// <summary>The chance each target is swapped.</summary>
    [Accepts(0, 0.5, ExcludeMinimum = true, ExcludeMaximum = true, Advice = "e.g. 0.05")]
    [Usually(0, 0.2, Reason = "flipping more than a fifth of the targets drowns the signal; 0.05 is usual")]
    public double Probability { get; }
}

/// <summary>
/// Unrolled GAN (Metz et al. 2017): the generator's loss is taken against a copy of the discriminator updated
/// <see cref="Steps"/> more times on the current batch; the discriminator is then restored exactly (weights, buffers
/// and optimizer state), so only the generator learns from the look-ahead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UnrolledAttribute : RegularizerAttribute
{
    /// <summary>Declares unrolling by <paramref name="steps"/> discriminator updates (default 5).</summary>
    public UnrolledAttribute(int steps = 5) => Steps = steps;

    /// <summary>Look-ahead discriminator updates.</summary>
    [Accepts(1, 100, Whole = true, Advice = "Metz et al. use 5–10")]
    public int Steps { get; }
}

/// <summary>
/// An adaptive schedule, as practitioners balance GANs by hand: a round's generator updates repeat (up to
/// <see cref="MaxSteps"/>) while its loss exceeds <see cref="Ratio"/> times the discriminator's, and the
/// discriminator's updates repeat while its loss exceeds <see cref="Ratio"/> times the generator's. For losses whose
/// values are comparable positive numbers (BCE family, least squares, hinge). Reads both losses every step.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdaptiveScheduleAttribute : RegularizerAttribute
{
    /// <summary>How far ahead one loss must run before the lagging network trains more; default 3.</summary>
    [Accepts(1, 1000, ExcludeMinimum = true, Advice = "e.g. 3")]
    public double Ratio { get; set; } = 3.0;

    /// <summary>The most extra updates a lagging network gets in a round; default 5.</summary>
    [Accepts(1, 100, Whole = true)]
    public int MaxSteps { get; set; } = 5;
}

/// <summary>
/// Differentiable augmentation (DiffAugment, Zhao et al. 2020): every image the discriminator sees, real and generated,
/// in both networks' updates and inside gradient penalties, is augmented afresh by the same differentiable policy, so
/// the generator's gradients pass through it and the discriminator cannot memorise a small training set. Each sample
/// draws its own parameters; nothing changes at inference (samples, ONNX, the twin's forward). Images only ([C, H, W]).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DiffAugmentAttribute : RegularizerAttribute
{
    /// <summary>Declares the augmentations of <paramref name="policy"/> (default: colour, translation and cutout, the paper's choice for small data).</summary>
    public DiffAugmentAttribute(Augmentations policy = Augmentations.Color | Augmentations.Translation | Augmentations.Cutout) => Policy = policy;

    /// <summary>The augmentations, applied in the order colour, translation, cutout.</summary>
    public Augmentations Policy { get; }

    /// <summary>The largest shift as a share of the image's height and width (zero-filled); default 1/8 as in the paper.</summary>
    [Accepts(0, 0.5, ExcludeMinimum = true, Advice = "Zhao et al. use 0.125")]
    public double Translation { get; set; } = 0.125;

    /// <summary>The side of the zeroed square as a share of the image's height and width; default 1/2 as in the paper.</summary>
    [Accepts(0, 1, ExcludeMinimum = true, Advice = "Zhao et al. use 0.5")]
    public double Cutout { get; set; } = 0.5;
}

/// <summary>The augmentations of <see cref="DiffAugmentAttribute"/>; combine them with |.</summary>
[Flags]
public enum Augmentations
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Brightness (+U(−½, ½)), saturation (×U(0, 2) around the channel mean, with more than one channel) and contrast (×U(½, 1½) around the image mean).</summary>
    Color = 1,
    /// <summary>A shift of each image by whole pixels, up to <see cref="DiffAugmentAttribute.Translation"/> of its size each way, the uncovered band zero.</summary>
    Translation = 2,
    /// <summary>A square of <see cref="DiffAugmentAttribute.Cutout"/> of the image's size zeroed at a random place (clipped at the borders).</summary>
    Cutout = 4,
}

/// <summary>
/// LeCam regularisation (Tseng et al. 2021) for limited data: λ · (E[ReLU(D(x) − α_F)²] + E[ReLU(α_R − D(G(z)))²]) added
/// to the discriminator's loss, where α_R and α_F are moving averages of its mean scores on real and generated samples:
/// real scores are kept from rising above the generated ones' average and generated scores from falling below the real
/// ones' average, so the discriminator cannot drift apart on a small training set. Composes with augmentation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LeCamAttribute : RegularizerAttribute
{
    /// <summary>Declares the regulariser with weight λ = <paramref name="weight"/>.</summary>
    public LeCamAttribute(double weight = 0.3) => Weight = weight;

    /// <summary>λ.</summary>
    [Accepts(0, 1000, ExcludeMinimum = true, Advice = "e.g. 0.3; tune it per dataset and loss")]
    public double Weight { get; }

    /// <summary>The moving averages' decay per discriminator update; default 0.99 as in the paper's code.</summary>
    [Accepts(0, 1, ExcludeMaximum = true)]
    public double Decay { get; set; } = 0.99;
}
