using System;
using System.Collections.Generic;
using GanGen.Examples.Models;
using GanGen.Examples.Models.ModeCollapse;
using GanGen.Runtime.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GanGen.Tests.Stabilizers;

/// <summary>
/// Every stabiliser keeps the step inside its allocation budget and leaks no tensors: managed bytes per step and the
/// live-tensor count, measured for each declared technique (the 2-D table's rows and the Fashion DCGAN's variants).
/// A technique that adds a few operations per step stays inside the plain step's 2,048 B; one whose work grows with
/// the declaration gets that work's allowance on top — TorchSharp allocates a 48 B wrapper per operation, so a
/// spectrally normalised layer costs about five per network update however it is written.
/// </summary>
public class StabilizerAllocationTests
{
    /// <summary>The plain generated step's budget (AllocationTests).</summary>
    private const long Base = 2048;

    /// <summary>A gradient penalty's extra forward and double backward (R1, R2, DRAGAN, WGAN-GP).</summary>
    private const long Penalty = 1024;

    /// <summary>A whole-batch layer (minibatch stddev or discrimination), per discriminator forward: three per step.</summary>
    private const long BatchLayerForward = 512;

    /// <summary>A spectrally normalised layer, per network update (its power iteration and W/σ).</summary>
    private const long NormalisedLayerUpdate = 384;

    /// <summary>A look-ahead discriminator update of the unrolled GAN.</summary>
    private const long LookAheadUpdate = 512;

    private readonly ITestOutputHelper _output;

    public StabilizerAllocationTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> ToyRows() => new[]
    {
        new object[] { "plain" }, new object[] { "unrolled" }, new object[] { "pacgan" }, new object[] { "minibatch-discrimination" },
        new object[] { "minibatch-stddev" }, new object[] { "feature-matching" }, new object[] { "spectral-norm" }, new object[] { "r1" },
        new object[] { "instance-noise" }, new object[] { "relativistic" }, new object[] { "dragan" }, new object[] { "wgan-gp" },
    };

    [Theory]
    [MemberData(nameof(ToyRows))]
    public void Two_dimensional_row_stays_in_budget(string row)
    {
        using var points = randn(64, 2);
        var (bytes, leaked, budget) = row switch
        {
            "plain" => Measure(new PlainGan(seed: 1), points, Base),
            "unrolled" => Measure(new UnrolledGan(seed: 1), points, Base + 5 * LookAheadUpdate),
            "pacgan" => Measure(new PacGan(seed: 1), points, Base),
            "minibatch-discrimination" => Measure(new MinibatchDiscriminationGan(seed: 1), points, Base + 3 * BatchLayerForward),
            "minibatch-stddev" => Measure(new MinibatchStdDevGan(seed: 1), points, Base + 3 * BatchLayerForward),
            "feature-matching" => Measure(new FeatureMatchingGan(seed: 1), points, Base),
            // Four normalised layers, two network updates per step (the discriminator's, then the generator's through it).
            "spectral-norm" => Measure(new SpectralNormGan(seed: 1), points, Base + 4 * 2 * NormalisedLayerUpdate),
            "r1" => Measure(new R1Gan(seed: 1), points, Base + Penalty),
            "instance-noise" => Measure(new InstanceNoiseGan(seed: 1), points, Base),
            "relativistic" => Measure(new RelativisticGan(seed: 1), points, Base),
            "dragan" => Measure(new DraganGan(seed: 1), points, Base + Penalty),
            "wgan-gp" => Measure(new WassersteinGpGan(seed: 1), points, Base + Penalty),
            _ => throw new ArgumentOutOfRangeException(nameof(row), row, "no such row"),
        };
        Report(row, bytes, leaked, budget);
    }

    public static IEnumerable<object[]> FashionRows() => new[]
    {
        new object[] { "nothing (the baseline)" }, new object[] { "spectral norm" }, new object[] { "R1" }, new object[] { "instance noise" },
        new object[] { "feature matching" }, new object[] { "minibatch stddev" }, new object[] { "generator EMA" },
    };

    [Theory]
    [MemberData(nameof(FashionRows))]
    public void Fashion_variant_stays_in_budget(string variant)
    {
        using var images = rand(16, 1, 28, 28).mul_(2).sub_(1);
        var (bytes, leaked, budget) = variant switch
        {
            "nothing (the baseline)" => Measure(new FashionDcgan(seed: 1), images, Base, steps: 20),
            // Three normalised convolutions, two network updates per step.
            "spectral norm" => Measure(new FashionSpectralNorm(seed: 1), images, Base + 3 * 2 * NormalisedLayerUpdate, steps: 20),
            "R1" => Measure(new FashionR1(seed: 1), images, Base + Penalty, steps: 20),
            "instance noise" => Measure(new FashionInstanceNoise(seed: 1), images, Base, steps: 20),
            "feature matching" => Measure(new FashionFeatureMatching(seed: 1), images, Base, steps: 20),
            "minibatch stddev" => Measure(new FashionMinibatchStdDev(seed: 1), images, Base + 3 * BatchLayerForward, steps: 20),
            "generator EMA" => Measure(new FashionAverage(seed: 1), images, Base, steps: 20),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "no such variant"),
        };
        Report("Fashion DCGAN + " + variant, bytes, leaked, budget);
    }

    private void Report(string technique, long bytes, long leaked, long budget)
    {
        _output.WriteLine($"{technique}: {bytes} managed bytes per step (budget {budget}), {leaked} tensors left alive");
        Assert.True(bytes <= budget, $"{technique}: the step allocates {bytes} B; its budget is {budget} B");
        Assert.Equal(0, leaked);
    }

    private static (long Bytes, long Leaked, long Budget) Measure<TGenerator, TDiscriminator>(
        GanTrainer<TGenerator, TDiscriminator> gan, Tensor batch, long budget, int steps = 40)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        var (bytes, leaked) = GanGen.Tests.Training.StepAllocation.Measure(gan, new GanBatch(batch), steps);
        return (bytes, leaked, budget);
    }
}
