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
    [Accepts(1, 1000000, Whole = true, Advice = "e.g. 100")]
    public int Latent { get; set; } = 100;

    /// <summary>Distribution z is drawn from. Default: standard normal.</summary>
    public LatentDistribution Distribution { get; set; } = LatentDistribution.Normal;

    /// <summary>Weight initialisation. Default: <see cref="WeightInit.Dcgan"/> for convolutional networks, else TorchSharp's.</summary>
    public WeightInit Init { get; set; }

    /// <summary>
    /// What the generator transforms: latent noise, or (<see cref="GeneratorInput.Source"/>) a source sample of the
    /// data's shape that it refines (SimGAN, Shrivastava et al. 2017). Default: noise.
    /// </summary>
    public GeneratorInput Input { get; set; } = GeneratorInput.Noise;

    /// <summary>How the class label reaches the generator, for data with <see cref="GanDataAttribute.Classes"/>. Default: not at all.</summary>
    public Conditioning Condition { get; set; } = Conditioning.None;

    /// <summary>Size of the learned label embedding with <see cref="Conditioning.Embedding"/>. Default 0: the number of classes.</summary>
    [Accepts(1, 100000, Whole = true, Advice = "e.g. 50")]
    public int Embedding { get; set; }
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

    /// <summary>How the class label reaches the discriminator, for data with <see cref="GanDataAttribute.Classes"/>. Default: not at all.</summary>
    public Conditioning Condition { get; set; } = Conditioning.None;

    /// <summary>Size of the learned label embedding with <see cref="Conditioning.Embedding"/>. Default 0: the number of classes.</summary>
    [Accepts(1, 100000, Whole = true, Advice = "e.g. 50")]
    public int Embedding { get; set; }

    /// <summary>Weight of the auxiliary classifier's cross-entropy with <see cref="Conditioning.Auxiliary"/> (AC-GAN). Default 1 (Odena et al. 2017).</summary>
    [Accepts(0, ExcludeMinimum = true, Advice = "Odena et al. use 1")]
    public double ClassWeight { get; set; } = 1.0;
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

/// <summary>What a generator transforms into a sample.</summary>
public enum GeneratorInput
{
    /// <summary>A latent vector z drawn from <see cref="GanGeneratorAttribute.Distribution"/>.</summary>
    Noise = 0,

    /// <summary>
    /// A source sample of the data's shape carried by each batch (e.g. a synthetic rendering), refined toward the real
    /// data: a refiner GAN (SimGAN, Shrivastava et al. 2017). The generator must map the data shape to itself.
    /// </summary>
    Source = 1,
}

/// <summary>How a network receives the class label of a conditional GAN.</summary>
public enum Conditioning
{
    /// <summary>The network does not see the label.</summary>
    None = 0,

    /// <summary>
    /// The one-hot label joined to the input: to z for the generator; to the features, or as constant channels to an
    /// image, for the discriminator (Mirza &amp; Osindero 2014).
    /// </summary>
    Concatenate = 1,

    /// <summary>A learned embedding of the label joined to the input like <see cref="Concatenate"/>.</summary>
    Embedding = 2,

    /// <summary>
    /// Conditional batch normalisation: every batch-norm layer's scale and shift are learned per class
    /// (de Vries et al. 2017; Miyato &amp; Koyama 2018). Generator only; it needs batch-norm layers.
    /// </summary>
    BatchNorm = 3,

    /// <summary>
    /// Projection discriminator (Miyato &amp; Koyama 2018): the score gains ⟨embed(y), φ(x)⟩, where φ(x) is the input of
    /// the last layer, flattened. Discriminator only.
    /// </summary>
    Projection = 4,

    /// <summary>
    /// AC-GAN (Odena et al. 2017): the discriminator gains a classifier head on the input of its last layer, and both
    /// networks add its cross-entropy on the labels (weighted by <see cref="GanDiscriminatorAttribute.ClassWeight"/>)
    /// to their losses. Discriminator only.
    /// </summary>
    Auxiliary = 5,
}
