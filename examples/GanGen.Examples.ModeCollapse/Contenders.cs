using System;
using System.Collections.Generic;
using GanGen.Examples.Models.ModeCollapse;

namespace GanGen.Examples.ModeCollapse;

/// <summary>One row of the table: a declaration and what it adds to the plain GAN.</summary>
/// <param name="Key">The row's name on the command line and in file names.</param>
/// <param name="Technique">The technique and its source, for the table.</param>
/// <param name="Declaration">What the declaration adds to the plain GAN, as written in C#.</param>
/// <param name="Train">Trains the row's declaration: (dataset, seed, steps, batch size) → what it measured.</param>
internal sealed record Contender(string Key, string Technique, string Declaration, Func<string, long, int, int, MixtureResult> Train);

/// <summary>The rows, in table order: the plain GAN first, then each technique against collapse or non-convergence.</summary>
internal static class Contenders
{
    public static IReadOnlyList<Contender> All { get; } = new Contender[]
    {
        new("plain", "non-saturating GAN (Goodfellow et al. 2014)", "`[Gan(Loss = GanLoss.NonSaturating)]`", (data, seed, steps, batch) => MixtureRun.Train(new PlainGan(seed: seed), data, seed, steps, batch)),
        new("unrolled", "unrolled GAN (Metz et al. 2017)", "`[Unrolled(5)]`", (data, seed, steps, batch) => MixtureRun.Train(new UnrolledGan(seed: seed), data, seed, steps, batch)),
        new("pacgan", "PacGAN (Lin et al. 2018)", "`[Gan(Pack = 4)]`", (data, seed, steps, batch) => MixtureRun.Train(new PacGan(seed: seed), data, seed, steps, batch)),
        new("minibatch-discrimination", "minibatch discrimination (Salimans et al. 2016)", "`[MinibatchDiscrimination(5, 3)]` layer", (data, seed, steps, batch) => MixtureRun.Train(new MinibatchDiscriminationGan(seed: seed), data, seed, steps, batch)),
        new("minibatch-stddev", "minibatch standard deviation (Karras et al. 2018)", "`[MinibatchStdDev]` on the last hidden layer", (data, seed, steps, batch) => MixtureRun.Train(new MinibatchStdDevGan(seed: seed), data, seed, steps, batch)),
        new("feature-matching", "feature matching (Salimans et al. 2016)", "`[FeatureMatching]` on the last hidden layer", (data, seed, steps, batch) => MixtureRun.Train(new FeatureMatchingGan(seed: seed), data, seed, steps, batch)),
        new("spectral-norm", "spectral normalisation (Miyato et al. 2018)", "`[SpectralNorm]` on every D layer", (data, seed, steps, batch) => MixtureRun.Train(new SpectralNormGan(seed: seed), data, seed, steps, batch)),
        new("r1", "R1 penalty (Mescheder et al. 2018)", "`[R1(1)]`", (data, seed, steps, batch) => MixtureRun.Train(new R1Gan(seed: seed), data, seed, steps, batch)),
        new("instance-noise", "instance noise (Sønderby et al. 2017)", "`[InstanceNoise(0.1, Steps = 10000)]`", (data, seed, steps, batch) => MixtureRun.Train(new InstanceNoiseGan(seed: seed), data, seed, steps, batch)),
        new("relativistic", "relativistic average GAN (Jolicoeur-Martineau 2018)", "`[Relativistic]`", (data, seed, steps, batch) => MixtureRun.Train(new RelativisticGan(seed: seed), data, seed, steps, batch)),
        new("dragan", "DRAGAN (Kodali et al. 2017)", "`[DraganPenalty(10)]`", (data, seed, steps, batch) => MixtureRun.Train(new DraganGan(seed: seed), data, seed, steps, batch)),
        new("wgan-gp", "WGAN-GP (Gulrajani et al. 2017)", "`[Gan(Loss = GanLoss.Wasserstein, CriticSteps = 5), GradientPenalty(0.1)]`", (data, seed, steps, batch) => MixtureRun.Train(new WassersteinGpGan(seed: seed), data, seed, steps, batch)),
    };
}
