using System;
using GanGen.Examples.FashionMnist;
using GanGen.Examples.Models;
using static TorchSharp.torch;

return CommandLineErrors.Invoke(ExampleOptions.CreateCommand(Run), args);

static int Run(ExampleOptions options)
{
    if (options.Threads > 0) set_num_threads(options.Threads);
    IExperiment experiment = options.Gan switch
    {
        FashionGan.Conditional => new ConditionalExperiment<ConditionalDcgan, ConditionalDcgan.ConditionalGenerator, ConditionalDcgan.ProjectionDiscriminator>(
            "Fashion-MNIST conditional DCGAN", ConditionalDcgan.Summary, (device, seed) => new(device, seed)),
        FashionGan.ConditionalResNet => new ConditionalExperiment<ConditionalResNet, ConditionalResNet.ConditionalGenerator, ConditionalResNet.ProjectionCritic>(
            "Fashion-MNIST conditional ResNet GAN", ConditionalResNet.Summary, (device, seed) => new(device, seed)),
        FashionGan.Refiner => new RefinerExperiment<FashionRefiner, FashionRefiner.Refiner, FashionRefiner.PatchDiscriminator>(
            "Fashion-MNIST refiner", FashionRefiner.Summary, (device, seed) => new(device, seed)),
        FashionGan.ResidualRefiner => new RefinerExperiment<ResidualRefiner, ResidualRefiner.Refiner, ResidualRefiner.PatchDiscriminator>(
            "Fashion-MNIST residual refiner (SimGAN)", ResidualRefiner.Summary, (device, seed) => new(device, seed)),
        FashionGan.ResNet => new DcganExperiment<FashionResNet, FashionResNet.ResNetGenerator, FashionResNet.ResNetCritic>(
            "Fashion-MNIST ResNet GAN", FashionResNet.Summary, (device, seed) => new(device, seed)),
        FashionGan.Attention => new DcganExperiment<FashionAttention, FashionAttention.AttentionGenerator, FashionAttention.AttentionCritic>(
            "Fashion-MNIST ResNet GAN + self-attention", FashionAttention.Summary, (device, seed) => new(device, seed)),
        _ => Dcgan(options.Stabilizer),
    };
    return experiment.Run(options, ResolveDevice(options.Device));
}

static IExperiment Dcgan(FashionStabilizer stabilizer) => stabilizer switch
{
    FashionStabilizer.SpectralNorm => new DcganExperiment<FashionSpectralNorm, FashionSpectralNorm.FashionGenerator, FashionSpectralNorm.FashionDiscriminator>(
        "Fashion-MNIST DCGAN + spectral norm", FashionSpectralNorm.Summary, (device, seed) => new(device, seed)),
    FashionStabilizer.R1 => new DcganExperiment<FashionR1, FashionR1.FashionGenerator, FashionR1.FashionDiscriminator>(
        "Fashion-MNIST DCGAN + R1", FashionR1.Summary, (device, seed) => new(device, seed)),
    FashionStabilizer.InstanceNoise => new DcganExperiment<FashionInstanceNoise, FashionInstanceNoise.FashionGenerator, FashionInstanceNoise.FashionDiscriminator>(
        "Fashion-MNIST DCGAN + instance noise", FashionInstanceNoise.Summary, (device, seed) => new(device, seed)),
    FashionStabilizer.FeatureMatching => new DcganExperiment<FashionFeatureMatching, FashionFeatureMatching.FashionGenerator, FashionFeatureMatching.FashionDiscriminator>(
        "Fashion-MNIST DCGAN + feature matching", FashionFeatureMatching.Summary, (device, seed) => new(device, seed)),
    FashionStabilizer.MinibatchStdDev => new DcganExperiment<FashionMinibatchStdDev, FashionMinibatchStdDev.FashionGenerator, FashionMinibatchStdDev.FashionDiscriminator>(
        "Fashion-MNIST DCGAN + minibatch stddev", FashionMinibatchStdDev.Summary, (device, seed) => new(device, seed)),
    FashionStabilizer.Average => new DcganExperiment<FashionAverage, FashionAverage.FashionGenerator, FashionAverage.FashionDiscriminator>(
        "Fashion-MNIST DCGAN + generator EMA", FashionAverage.Summary, (device, seed) => new(device, seed)),
    _ => new DcganExperiment<FashionDcgan, FashionDcgan.FashionGenerator, FashionDcgan.FashionDiscriminator>(
        "Fashion-MNIST DCGAN", FashionDcgan.Summary, (device, seed) => new(device, seed)),
};

// The examples reference the CPU backend only; say so, and what to reference instead, before anything loads.
static Device ResolveDevice(string name)
{
    if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !cuda.is_available())
        throw new InvalidOperationException(
            $"--device {name}: CUDA is not available here. The examples reference the CPU backend (TorchSharp-cpu); " +
            "to train on a GPU, reference a CUDA backend package such as TorchSharp-cuda-linux instead.");
    return TorchSharp.torch.device(name.ToLowerInvariant());
}
