using System;
using System.Collections.Generic;
using GanGen.Examples.Models.ModeCollapse;

namespace GanGen.Examples.ModeCollapse;

/// <summary>One row of the table: a declaration and what it adds to the plain GAN.</summary>
/// <param name="Key">The row's name on the command line and in file names.</param>
/// <param name="Technique">The technique and its source, for the table.</param>
/// <param name="Declaration">What the declaration adds to the plain GAN, as written in C#.</param>
/// <param name="Create">The trainer for a seed.</param>
internal sealed record Contender(string Key, string Technique, string Declaration, Func<long, IToyGan> Create);

/// <summary>The rows, in table order: the plain GAN first, then each technique against collapse or non-convergence.</summary>
internal static class Contenders
{
    public static IReadOnlyList<Contender> All { get; } = new Contender[]
    {
        new("plain", "non-saturating GAN (Goodfellow et al. 2014)", "`[Gan(Loss = GanLoss.NonSaturating)]`", seed => Wrap(new PlainGan(seed: seed))),
        new("unrolled", "unrolled GAN (Metz et al. 2017)", "`[Unrolled(5)]`", seed => Wrap(new UnrolledGan(seed: seed))),
        new("pacgan", "PacGAN (Lin et al. 2018)", "`[Gan(Pack = 4)]`", seed => Wrap(new PacGan(seed: seed))),
        new("minibatch-discrimination", "minibatch discrimination (Salimans et al. 2016)", "`[MinibatchDiscrimination(5, 3)]` layer", seed => Wrap(new MinibatchDiscriminationGan(seed: seed))),
        new("minibatch-stddev", "minibatch standard deviation (Karras et al. 2018)", "`[MinibatchStdDev]` on the last hidden layer", seed => Wrap(new MinibatchStdDevGan(seed: seed))),
        new("feature-matching", "feature matching (Salimans et al. 2016)", "`[FeatureMatching]` on the last hidden layer", seed => Wrap(new FeatureMatchingGan(seed: seed))),
        new("spectral-norm", "spectral normalisation (Miyato et al. 2018)", "`[SpectralNorm]` on every D layer", seed => Wrap(new SpectralNormGan(seed: seed))),
        new("r1", "R1 penalty (Mescheder et al. 2018)", "`[R1(1)]`", seed => Wrap(new R1Gan(seed: seed))),
        new("instance-noise", "instance noise (Sønderby et al. 2017)", "`[InstanceNoise(0.1, Steps = 10000)]`", seed => Wrap(new InstanceNoiseGan(seed: seed))),
        new("relativistic", "relativistic average GAN (Jolicoeur-Martineau 2018)", "`[Relativistic]`", seed => Wrap(new RelativisticGan(seed: seed))),
        new("dragan", "DRAGAN (Kodali et al. 2017)", "`[DraganPenalty(10)]`", seed => Wrap(new DraganGan(seed: seed))),
        new("wgan-gp", "WGAN-GP (Gulrajani et al. 2017)", "`[Gan(Loss = GanLoss.Wasserstein, CriticSteps = 5), GradientPenalty(0.1)]`", seed => Wrap(new WassersteinGpGan(seed: seed))),
    };

    private static IToyGan Wrap<TGenerator, TDiscriminator>(GanGen.Runtime.Training.GanTrainer<TGenerator, TDiscriminator> gan)
        where TGenerator : TorchSharp.torch.nn.Module
        where TDiscriminator : TorchSharp.torch.nn.Module => new ToyGan<TGenerator, TDiscriminator>(gan);
}
