using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models.ModeCollapse;

// The 2-D stabiliser table (VEEGAN's and PacGAN's protocol): one declaration per technique, each the same networks —
// latent 8, three 128-unit hidden layers per network, Adam 1e-3 with β = (0.5, 0.999), decayed linearly by the runner —
// changed only where the technique says. The runner (examples/GanGen.Examples.ModeCollapse) trains each for the same
// number of steps on the same seeds. The networks are two blocks declared once below; each GAN's use is a module of
// its own. Where a technique changes the layers themselves (PacGAN's wider input, a marker or spectral norm on a
// layer), the critic states its layers.

/// <summary>The generator of every row: three 128-unit ReLU layers from the latent, then the 2-D point.</summary>
[GanBlock]
public partial class MixtureGenerator
{
    [Dense(128), ReLU] public partial Linear Hidden1 { get; }
    [Dense(128), ReLU] public partial Linear Hidden2 { get; }
    [Dense(128), ReLU] public partial Linear Hidden3 { get; }
    [Dense(2)] public partial Linear Output { get; }
}

/// <summary>The critic's hidden layers of every row that leaves them as they are: three 128-unit LeakyReLU(0.2) layers from a 2-D point.</summary>
[GanBlock]
public partial class MixtureCritic
{
    [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
    [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
    [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden3 { get; }
}

/// <summary>The plain non-saturating GAN (Goodfellow et al. 2014): the baseline each other row changes in one way.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(2)]
public partial class PlainGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Unrolled GAN (Metz et al. 2017): the generator's loss against the discriminator five updates ahead.</summary>
[Gan(Loss = GanLoss.NonSaturating), Unrolled(5)]
[GanData(2)]
public partial class UnrolledGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>PacGAN (Lin et al. 2018): the discriminator judges four samples at a time.</summary>
[Gan(Loss = GanLoss.NonSaturating, Pack = 4)]
[GanData(2)]
public partial class PacGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden3 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Minibatch discrimination (Salimans et al. 2016): 5 similarity kernels of size 3 before the score (its cost grows with batch² × kernels × size, so fewer kernels than the paper's 100 of 5 keep it within the table's budget).</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(2)]
public partial class MinibatchDiscriminationGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [MinibatchDiscrimination(5, 3)] public partial GanGen.Runtime.Networks.MinibatchDiscrimination Similarity { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Minibatch standard deviation (Karras et al. 2018): the batch's mean feature spread joins the last hidden layer.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(2)]
public partial class MinibatchStdDevGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(128), LeakyReLU(0.2), MinibatchStdDev] public partial Linear Hidden3 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Feature matching (Salimans et al. 2016): the generator matches the mean of the discriminator's last hidden layer.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(2)]
public partial class FeatureMatchingGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(128), LeakyReLU(0.2), FeatureMatching] public partial Linear Hidden3 { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Spectral normalisation (Miyato et al. 2018) of every discriminator layer.</summary>
[Gan(Loss = GanLoss.NonSaturating)]
[GanData(2)]
public partial class SpectralNormGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        [Dense(128), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden1 { get; }
        [Dense(128), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden2 { get; }
        [Dense(128), SpectralNorm, LeakyReLU(0.2)] public partial Linear Hidden3 { get; }
        [Dense(1), SpectralNorm] public partial Linear Score { get; }
    }
}

/// <summary>The R1 penalty (Mescheder et al. 2018) on real samples, γ = 1.</summary>
[Gan(Loss = GanLoss.NonSaturating), R1(1)]
[GanData(2)]
public partial class R1Gan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>Instance noise (Sønderby et al. 2017): σ = 0.1 on the discriminator's inputs, annealed linearly to zero over 10,000 steps.</summary>
[Gan(Loss = GanLoss.NonSaturating), InstanceNoise(0.1, Steps = 10000)]
[GanData(2)]
public partial class InstanceNoiseGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>The relativistic average GAN (Jolicoeur-Martineau 2018).</summary>
[Gan(Loss = GanLoss.NonSaturating), Relativistic]
[GanData(2)]
public partial class RelativisticGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>DRAGAN (Kodali et al. 2017): a gradient penalty around perturbed real samples, λ = 10.</summary>
[Gan(Loss = GanLoss.NonSaturating), DraganPenalty(10)]
[GanData(2)]
public partial class DraganGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}

/// <summary>WGAN-GP (Gulrajani et al. 2017): λ = 0.1 as in the authors' toy-data script, five critic steps per generator step.</summary>
[Gan(Loss = GanLoss.Wasserstein, CriticSteps = 5), GradientPenalty(0.1)]
[GanData(2)]
public partial class WassersteinGpGan
{
    [GanGenerator(Latent = 8), Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpGenerator
    {
        public partial MixtureGenerator Body { get; }
    }

    [GanDiscriminator, Adam(LearningRate = 1e-3, Beta1 = 0.5, Beta2 = 0.999)]
    public partial class MlpDiscriminator
    {
        public partial MixtureCritic Body { get; }
        [Dense(1)] public partial Linear Score { get; }
    }
}
