using System;
using GanGen.Runtime.Training;
using GanGen.Tests.Declarations;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>Schedule, metrics, sampling and run-time errors of generated trainers.</summary>
public class TrainerBehaviourTests
{
    [Fact]
    public void DeclarationIsResolvedWithLiteratureDefaults()
    {
        var wgan = RingGan.Declaration;
        Assert.Equal(GanLoss.Wasserstein, wgan.Loss);
        Assert.Equal(5, wgan.CriticSteps); // Gulrajani et al. 2017
        Assert.Equal(8, wgan.LatentSize);
        Assert.Equal(1e-3, wgan.Generator.LearningRate);

        var bce = SmallBceGan.Declaration;
        Assert.Equal(1, bce.CriticSteps);
        Assert.Equal(2e-4, bce.Discriminator.LearningRate); // DCGAN: Adam(2e-4, 0.5, 0.999)
        Assert.Equal(0.5, bce.Discriminator.Beta1);
        Assert.Equal(0.999, bce.Discriminator.Beta2);
        Assert.Equal(LatentDistribution.Uniform, bce.Latent);
    }

    [Fact]
    public void GeneratedModulesNameParametersAfterLayers()
    {
        using var gan = new SmallBceGan(seed: 1);
        var names = new System.Collections.Generic.List<string>();
        foreach (var (name, _) in gan.Generator.named_parameters()) names.Add(name);
        Assert.Equal(new[] { "Project.weight", "Norm.weight", "Norm.bias", "Output.weight", "Output.bias" }, names);
        Assert.Equal(new long[] { 16, 6 }, gan.Generator.Project.weight!.shape);
        Assert.Null(gan.Generator.Project.bias);
        Assert.Equal(6, SmallBceGan.Gen.LatentSize);
    }

    [Fact]
    public void CriticStepsScheduleGeneratorUpdates()
    {
        using var gan = new RingGan(seed: 2);
        using var real = randn(32, 2);
        for (int i = 0; i < 4; i++) gan.Step(real);
        Assert.Equal(0, gan.GeneratorUpdates);
        gan.Step(real);
        Assert.Equal(1, gan.GeneratorUpdates);
        var metrics = gan.ReadMetrics();
        Assert.Equal(5, metrics.Step);
        Assert.True(metrics.GeneratorLoss is { } generatorLoss && float.IsFinite(generatorLoss));
    }

    [Fact]
    public void BceMetricsAreProbabilitiesAndSamplesHaveTheDataShapeAndRange()
    {
        using var gan = new SmallBceGan(seed: 3);
        using var real = rand(64, 4).mul_(2).sub_(1);
        GanStepMetrics metrics = default;
        for (int i = 0; i < 20; i++) metrics = gan.TrainStep(real);
        Assert.True(metrics.IsFinite);
        Assert.InRange(metrics.RealScore, 0f, 1f);
        Assert.InRange(metrics.FakeScore, 0f, 1f);
        Assert.Equal(1, gan.GeneratorUpdates / 20); // n_critic 1: one generator update per step

        using var samples = gan.Sample(10);
        Assert.Equal(new long[] { 10, 4 }, samples.shape);
        Assert.True(samples.abs().max().item<float>() <= 1f, "Tanh output must lie in [-1, 1]");
        Assert.False(samples.requires_grad);
    }

    [Fact]
    public void SamplingDuringTrainingLeavesTheRunUnchanged()
    {
        using var quiet = new SmallBceGan(seed: 7);
        using var watched = new SmallBceGan(seed: 7);
        using var real = rand(32, 4).mul_(2).sub_(1);
        // Training noise and dropout come from the global generator: give both runs the same stream.
        manual_seed(100);
        for (int i = 0; i < 15; i++) quiet.Step(real);
        manual_seed(100);
        for (int i = 0; i < 15; i++)
        {
            watched.Step(real);
            using var monitoring = watched.Sample(50); // as a progress probe or a quality evaluation would
        }
        var a = quiet.ReadMetrics();
        var b = watched.ReadMetrics();
        Assert.Equal(a.DiscriminatorLoss, b.DiscriminatorLoss);
        Assert.Equal(a.GeneratorLoss, b.GeneratorLoss);
        Assert.True(quiet.GeneratorParameters.Values.allclose(watched.GeneratorParameters.Values, rtol: 0, atol: 0), "sampling changed the training run");
    }

    [Fact]
    public void FixedNoiseGivesTheSameSamplesUntilTheGeneratorChanges()
    {
        using var gan = new RingGan(seed: 4);
        using var first = gan.SampleFixed();
        using var second = gan.SampleFixed();
        Assert.True(first.allclose(second, 0, 0));
        Assert.Equal(new long[] { 64, 2 }, first.shape);
        using var real = randn(32, 2);
        for (int i = 0; i < 5; i++) gan.Step(real);
        using var third = gan.SampleFixed();
        Assert.False(first.allclose(third, 0, 0));
    }

    [Fact]
    public void LinearDecayScalesBothLearningRatesFromTheDeclaredValues()
    {
        using var gan = new RingGan(seed: 6);
        using var real = randn(16, 2);
        for (int i = 0; i < 25; i++) gan.Step(real);
        gan.DecayLearningRatesLinearly(100);
        Assert.Equal(1e-3 * 0.75, gan.GeneratorOptimizer.LearningRate, 12);
        Assert.Equal(1e-3 * 0.75, gan.DiscriminatorOptimizer.LearningRate, 12);
        gan.ScaleLearningRates(0);
        using var before = gan.GeneratorParameters.Values.clone();
        for (int i = 0; i < 5; i++) gan.Step(real);
        Assert.True(before.allclose(gan.GeneratorParameters.Values, 0, 0), "a zero learning rate must leave the weights unchanged");
        Assert.Throws<ArgumentOutOfRangeException>(() => gan.ScaleLearningRates(-1));
    }

    [Fact]
    public void WrongBatchShapeNamesTheShapes()
    {
        using var gan = new RingGan(seed: 5);
        using var wrong = randn(16, 3);
        var error = Assert.Throws<ArgumentException>(() => gan.Step(wrong));
        Assert.Contains("RingGan", error.Message);
        Assert.Contains("[16, 3]", error.Message);
        Assert.Contains("[N, 2]", error.Message);
    }

    [Fact]
    public void IntegerBatchIsRejectedWithItsDtype()
    {
        using var gan = new RingGan(seed: 5);
        using var integers = ones(new long[] { 16, 2 }, dtype: int64);
        var error = Assert.Throws<ArgumentException>(() => gan.Step(integers));
        Assert.Contains("Int64", error.Message);
    }

    [Fact]
    public void WrongNoiseShapeIsRejected()
    {
        using var gan = new RingGan(seed: 5);
        using var noise = randn(4, 3);
        var error = Assert.Throws<GanGen.Runtime.GanInputException>(() => gan.Generate(noise));
        Assert.Contains("[4, 3]", error.Message);
        Assert.Contains("[N, 8]", error.Message);
    }
}
