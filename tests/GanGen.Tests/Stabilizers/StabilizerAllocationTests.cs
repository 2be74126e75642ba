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
/// Every stabiliser keeps the step inside the allocation budget and leaks no tensors: managed bytes per step and the
/// live-tensor count, measured for each declared technique (the 2-D table's rows and the Fashion DCGAN's variants).
/// </summary>
public class StabilizerAllocationTests
{
    /// <summary>The budget of the generated step (AllocationTests), for every technique.</summary>
    private const long BudgetBytesPerStep = 2048;

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
        var (bytes, leaked) = row switch
        {
            "plain" => Measure(new PlainGan(seed: 1), points),
            "unrolled" => Measure(new UnrolledGan(seed: 1), points),
            "pacgan" => Measure(new PacGan(seed: 1), points),
            "minibatch-discrimination" => Measure(new MinibatchDiscriminationGan(seed: 1), points),
            "minibatch-stddev" => Measure(new MinibatchStdDevGan(seed: 1), points),
            "feature-matching" => Measure(new FeatureMatchingGan(seed: 1), points),
            "spectral-norm" => Measure(new SpectralNormGan(seed: 1), points),
            "r1" => Measure(new R1Gan(seed: 1), points),
            "instance-noise" => Measure(new InstanceNoiseGan(seed: 1), points),
            "relativistic" => Measure(new RelativisticGan(seed: 1), points),
            "dragan" => Measure(new DraganGan(seed: 1), points),
            "wgan-gp" => Measure(new WassersteinGpGan(seed: 1), points),
            _ => throw new ArgumentOutOfRangeException(nameof(row), row, "no such row"),
        };
        Report(row, bytes, leaked);
    }

    public static IEnumerable<object[]> FashionRows() => new[]
    {
        new object[] { "spectral norm" }, new object[] { "R1" }, new object[] { "instance noise" }, new object[] { "feature matching" },
        new object[] { "minibatch stddev" }, new object[] { "generator EMA" },
    };

    [Theory]
    [MemberData(nameof(FashionRows))]
    public void Fashion_variant_stays_in_budget(string variant)
    {
        using var images = rand(16, 1, 28, 28).mul_(2).sub_(1);
        var (bytes, leaked) = variant switch
        {
            "spectral norm" => Measure(new FashionSpectralNorm(seed: 1), images),
            "R1" => Measure(new FashionR1(seed: 1), images),
            "instance noise" => Measure(new FashionInstanceNoise(seed: 1), images),
            "feature matching" => Measure(new FashionFeatureMatching(seed: 1), images),
            "minibatch stddev" => Measure(new FashionMinibatchStdDev(seed: 1), images),
            "generator EMA" => Measure(new FashionAverage(seed: 1), images),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "no such variant"),
        };
        Report("Fashion DCGAN + " + variant, bytes, leaked);
    }

    private void Report(string technique, long bytes, long leaked)
    {
        _output.WriteLine($"{technique}: {bytes} managed bytes per step, {leaked} tensors left alive by 40 steps");
        Assert.True(bytes <= BudgetBytesPerStep, $"{technique}: the step allocates {bytes} B; the budget is {BudgetBytesPerStep} B");
        Assert.Equal(0, leaked);
    }

    /// <summary>
    /// Bytes per step over 40 steps after a warm-up of 20 (JIT, lazily made buffers; a multiple of every declaration's
    /// n_critic and lazy-penalty interval, so the measured steps hold whole rounds), and the tensors the 40 left alive.
    /// </summary>
    private static (long Bytes, long Leaked) Measure<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan, Tensor batch)
        where TGenerator : nn.Module
        where TDiscriminator : nn.Module
    {
        using (gan)
        {
            for (int i = 0; i < 20; i++) gan.Step(batch);
            gan.ReadMetrics();
            var statistics = DisposeScopeManager.Statistics;
            long liveBefore = statistics.ThreadTotalLiveCount;
            const int steps = 40;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < steps; i++) gan.Step(batch);
            long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;
            gan.ReadMetrics();
            return (bytes, statistics.ThreadTotalLiveCount - liveBefore);
        }
    }
}
