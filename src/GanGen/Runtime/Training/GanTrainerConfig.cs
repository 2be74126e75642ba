using System;
using GanGen.Runtime.Optimization;

namespace GanGen.Runtime.Training;

/// <summary>The resolved training declaration the generator hands to <see cref="GanTrainer{TGenerator, TDiscriminator}"/>.</summary>
/// <param name="Name">The GAN's type name, used in error messages.</param>
/// <param name="Loss">Adversarial loss.</param>
/// <param name="CriticSteps">Discriminator updates per generator update.</param>
/// <param name="Order">Which network updates first in a cycle.</param>
/// <param name="LatentSize">Length of z (unused by a refiner).</param>
/// <param name="Latent">Distribution of z.</param>
/// <param name="DataShape">One sample's shape, batch excluded.</param>
/// <param name="Generator">Generator optimizer.</param>
/// <param name="Discriminator">Discriminator optimizer.</param>
/// <param name="GeneratorAverage">EMA decay of the generator weights used for sampling; 0 disables it.</param>
/// <param name="Pack">Samples the discriminator judges together (PacGAN); 1 disables packing.</param>
/// <param name="Classes">Classes the data is labelled with (conditional GANs); 0 for unlabelled data.</param>
/// <param name="Input">What the generator transforms: noise, or a source sample (refiner GANs).</param>
/// <param name="GeneratorSteps">Generator updates per round, each from fresh noise.</param>
/// <param name="UnrollSteps">Look-ahead discriminator updates of an unrolled GAN (0: none).</param>
/// <param name="AdaptiveRatio">An adaptive schedule's loss ratio (0: off).</param>
/// <param name="AdaptiveMaxSteps">The most extra updates an adaptive schedule gives a lagging network per round.</param>
public sealed record GanTrainerConfig(
    string Name,
    GanLoss Loss,
    int CriticSteps,
    TrainingOrder Order,
    int LatentSize,
    LatentDistribution Latent,
    long[] DataShape,
    OptimizerSettings Generator,
    OptimizerSettings Discriminator,
    double GeneratorAverage = 0,
    int Pack = 1,
    int Classes = 0,
    GeneratorInput Input = GeneratorInput.Noise,
    int GeneratorSteps = 1,
    int UnrollSteps = 0,
    double AdaptiveRatio = 0,
    int AdaptiveMaxSteps = 0)
{
    /// <summary>Formats <see cref="DataShape"/> with a leading batch dimension, e.g. <c>[N, 1, 28, 28]</c>.</summary>
    public string BatchShapeText => "[N, " + string.Join(", ", DataShape) + "]";

    /// <summary>True for losses whose discriminator output is a logit read as a probability.</summary>
    public bool ScoresAreProbabilities => Loss is GanLoss.Minimax or GanLoss.NonSaturating;

    /// <summary>Each batch carries a class label per sample.</summary>
    public bool IsConditional => Classes > 0;

    /// <summary>The generator refines source samples instead of drawing noise.</summary>
    public bool IsRefiner => Input == GeneratorInput.Source;

    internal void Validate()
    {
        if (CriticSteps < 1) throw new ArgumentOutOfRangeException(nameof(CriticSteps), CriticSteps, $"{Name}: CriticSteps must be at least 1.");
        if (!(GeneratorAverage >= 0 && GeneratorAverage < 1)) throw new ArgumentOutOfRangeException(nameof(GeneratorAverage), GeneratorAverage, $"{Name}: GeneratorAverage must lie in [0, 1).");
        if (Pack < 1) throw new ArgumentOutOfRangeException(nameof(Pack), Pack, $"{Name}: Pack must be at least 1.");
        if (GeneratorSteps < 1) throw new ArgumentOutOfRangeException(nameof(GeneratorSteps), GeneratorSteps, $"{Name}: GeneratorSteps must be at least 1.");
        if (UnrollSteps < 0) throw new ArgumentOutOfRangeException(nameof(UnrollSteps), UnrollSteps, $"{Name}: UnrollSteps must be 0 or positive.");
        if (AdaptiveRatio != 0 && !(AdaptiveRatio > 1)) throw new ArgumentOutOfRangeException(nameof(AdaptiveRatio), AdaptiveRatio, $"{Name}: an adaptive schedule's ratio must exceed 1.");
        if (Classes < 0) throw new ArgumentOutOfRangeException(nameof(Classes), Classes, $"{Name}: Classes must be 0 or positive.");
        if (!IsRefiner && LatentSize < 1) throw new ArgumentOutOfRangeException(nameof(LatentSize), LatentSize, $"{Name}: the latent size must be at least 1.");
    }
}
