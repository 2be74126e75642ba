using System;
using System.IO;
using GanGen.Runtime.Regularization;
using GanGen.Runtime.Training;
using GanGen.Tests.Declarations;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>A refiner transforms sources, keeps close to them, and trains its discriminator on a history of fakes.</summary>
public class RefinerTrainingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-refiner-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void HistorySuppliesTheDeclaredShareFromEarlierFakesAndRecordsAsMany()
    {
        manual_seed(11);
        using var history = new ImageHistory(share: 0.25, capacity: 6);
        using var scope = NewDisposeScope();
        var first = arange(8 * 2, dtype: ScalarType.Float32).reshape(8, 2);
        var mixedFirst = history.Mix(first);
        Assert.True(Same(mixedFirst, first), "an empty history must leave the first batch as it is");
        Assert.Equal(2, history.Count); // round(0.25 · 8) = 2 current fakes recorded

        var second = first.add(1000);
        var mixed = history.Mix(second);
        Assert.True(Same(mixed.narrow(0, 0, 6), second.narrow(0, 0, 6)), "the first N − k rows are the current fakes");
        var recorded = first.narrow(0, 0, 2);
        for (int row = 6; row < 8; row++)
        {
            var sample = mixed[row];
            bool fromHistory = Same(sample, recorded[0]) || Same(sample, recorded[1]);
            Assert.True(fromHistory, $"row {row} ({sample.str()}) is not an earlier fake");
        }
        Assert.Equal(4, history.Count);

        history.Mix(second.add(1000));
        history.Mix(second.add(2000));
        Assert.Equal(6, history.Count); // full at its capacity: further fakes replace entries
    }

    [Fact]
    public void RefinerTrainsOnSourcesAndItsSelfRegularisationIsInTheGeneratorLoss()
    {
        using var gan = new PointRefinerGan(seed: 12);
        using var scope = NewDisposeScope();
        var real = randn(8, 2).add(3);
        var sources = randn(8, 2);
        var missing = Assert.Throws<ArgumentException>(() => gan.Step(real));
        Assert.Contains("is a refiner: each batch needs source samples [N, 2]", missing.Message);
        Assert.Throws<InvalidOperationException>(() => gan.SampleFixed());

        for (int i = 0; i < 4; i++) gan.Step(new GanBatch(real, sources: sources));
        Assert.True(gan.ReadMetrics().IsFinite);
        Assert.True(Same(gan.FixedSources!, sources), "the fixed sources are the first batch's");
        var refined = gan.Refine(sources);
        Assert.Equal(new long[] { 8, 2 }, refined.shape);
        Assert.True(gan.SampleFixed().allclose(refined));
        Assert.Throws<InvalidOperationException>(() => gan.Sample(4));
    }

    [Fact]
    public void CheckpointKeepsTheHistoryAndFixedSources()
    {
        string path = Path.Combine(_folder, "refiner.ckpt");
        using var gan = new PointRefinerGan(seed: 13);
        using var scope = NewDisposeScope();
        var sources = randn(8, 2);
        for (int i = 0; i < 3; i++) gan.Step(new GanBatch(randn(8, 2), sources: sources));
        gan.SaveCheckpoint(path);
        using var next = new GanBatch(randn(8, 2), sources: randn(8, 2));
        var state = get_rng_state();
        gan.Step(next);
        float expected = gan.ReadMetrics().DiscriminatorLoss;

        using var resumed = new PointRefinerGan(seed: 99);
        resumed.LoadCheckpoint(path);
        Assert.True(Same(resumed.FixedSources!, sources));
        set_rng_state(state);
        resumed.Step(next);
        Assert.Equal(expected, resumed.ReadMetrics().DiscriminatorLoss);
    }

    private static bool Same(Tensor left, Tensor right) => left.allclose(right, 0, 0);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
