using System;

namespace GanGen;

/// <summary>
/// A parameter-free operation applied in attribute order around the layer on the same property:
/// <c>[Dense(128), LeakyReLU(0.2), Dropout(0.3)]</c> is Dense, then LeakyReLU, then Dropout.
/// </summary>
public abstract class OperationAttribute : Attribute
{
}

/// <summary>max(0, x).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ReLUAttribute : OperationAttribute
{
}

/// <summary>max(0, x) + slope·min(0, x).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class LeakyReLUAttribute : OperationAttribute
{
    /// <summary>Declares a leaky ReLU; the default slope 0.2 is the DCGAN discriminator's.</summary>
    public LeakyReLUAttribute(double slope = 0.2) => Slope = slope;

    /// <summary>Negative slope.</summary>
    [Accepts(double.NegativeInfinity)]
    [Usually(0, 1, ExcludeMaximum = true, Reason = "a slope of 1 or more is no longer leaky (a linear or expanding map) and a negative one makes the activation non-monotonic; DCGAN uses 0.2")]
    public double Slope { get; }
}

/// <summary>Hyperbolic tangent; output in (−1, 1).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class TanhAttribute : OperationAttribute
{
}

/// <summary>Logistic sigmoid; output in (0, 1). Never end a discriminator with it: GanGen's losses take logits.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class SigmoidAttribute : OperationAttribute
{
}

/// <summary>Exponential linear unit.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ELUAttribute : OperationAttribute
{
    /// <summary>Declares an ELU with the given α (default 1).</summary>
    public ELUAttribute(double alpha = 1.0) => Alpha = alpha;

    /// <summary>Saturation value for negative inputs.</summary>
    [Accepts(0, ExcludeMinimum = true)]
    public double Alpha { get; }
}

/// <summary>Gaussian error linear unit.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class GELUAttribute : OperationAttribute
{
}

/// <summary>Sigmoid linear unit (swish): x·σ(x).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class SiLUAttribute : OperationAttribute
{
}

/// <summary>Dropout, active only while the network is in training mode.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : OperationAttribute
{
    /// <summary>Declares dropout with drop probability <paramref name="probability"/> (default 0.5).</summary>
    public DropoutAttribute(double probability = 0.5) => Probability = probability;

    /// <summary>Probability of zeroing an element.</summary>
    [Accepts(0, 1, ExcludeMaximum = true)]
    [Usually(0, 0.8, Reason = "above 0.8 almost every activation is dropped; GAN discriminators use 0.3–0.5")]
    public double Probability { get; }
}

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of the layer on the same property: its weight is divided by its largest
/// singular value σ, estimated by one power iteration per training forward with a persistent vector u (a buffer,
/// <c>Layer.weight_u</c>, saved in checkpoints). For dense and convolution layers.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SpectralNormAttribute : OperationAttribute
{
}

/// <summary>
/// Marks the output of this point of the discriminator as the features for feature matching (Salimans et al. 2016):
/// the generator's loss gains <see cref="Weight"/>·‖E f(x_real) − E f(x_fake)‖². Passes its input through unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FeatureMatchingAttribute : OperationAttribute
{
    /// <summary>Weight of the matching term in the generator's loss; default 1.</summary>
    [Accepts(0, 100000, ExcludeMinimum = true)]
    public double Weight { get; set; } = 1.0;
}

/// <summary>
/// Minibatch standard deviation (Karras et al. 2018): appends one channel (or feature) holding the average standard
/// deviation of each feature over groups of <see cref="Group"/> samples, so the discriminator sees how varied its
/// batch is. [C, H, W] → [C + 1, H, W]; [F] → [F + 1]. Batch sizes must be multiples of the group.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class MinibatchStdDevAttribute : OperationAttribute
{
    /// <summary>Declares the statistic over groups of <paramref name="group"/> samples (default 4, the paper's).</summary>
    public MinibatchStdDevAttribute(int group = 4) => Group = group;

    /// <summary>Samples per group.</summary>
    [Accepts(2, 1024, Whole = true, Advice = "Karras et al. use 4")]
    public int Group { get; }
}
