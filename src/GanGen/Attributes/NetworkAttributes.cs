using System;

namespace GanGen;

/// <summary>
/// Marks a nested <c>partial</c> class as the GAN's generator. Its layers are its <c>partial</c> properties, in
/// declaration order; each becomes a strongly-typed member and the prefix of its parameter names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GanGeneratorAttribute : Attribute
{
    /// <summary>Size of the latent vector z. Default 100 (Radford et al. 2015).</summary>
    public int Latent { get; set; } = 100;

    /// <summary>Distribution z is drawn from. Default: standard normal.</summary>
    public LatentDistribution Distribution { get; set; } = LatentDistribution.Normal;

    /// <summary>Weight initialisation. Default: <see cref="WeightInit.Dcgan"/> for convolutional networks, else TorchSharp's.</summary>
    public WeightInit Init { get; set; }
}

/// <summary>
/// Marks a nested <c>partial</c> class as the GAN's discriminator (critic). It must end in one score per sample, or
/// in a one-channel map of patch scores when <see cref="Output"/> is <see cref="DiscriminatorOutput.PatchMap"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GanDiscriminatorAttribute : Attribute
{
    /// <summary>Weight initialisation. Default: <see cref="WeightInit.Dcgan"/> for convolutional networks, else TorchSharp's.</summary>
    public WeightInit Init { get; set; }

    /// <summary>What the discriminator scores. Default: one score per sample.</summary>
    public DiscriminatorOutput Output { get; set; }
}

/// <summary>The shape of a discriminator's verdict on one sample.</summary>
public enum DiscriminatorOutput
{
    /// <summary>One score per sample: an output of shape [1].</summary>
    Score = 0,

    /// <summary>
    /// A [1, H, W] map with one score per receptive-field patch (PatchGAN, Isola et al. 2017); every loss averages
    /// over the patches as well as the batch.
    /// </summary>
    PatchMap = 1,
}

/// <summary>Latent noise distributions.</summary>
public enum LatentDistribution
{
    /// <summary>N(0, 1).</summary>
    Normal = 0,
    /// <summary>U(−1, 1).</summary>
    Uniform = 1,
}
