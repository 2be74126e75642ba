using System;
using GanGen.Tests.Declarations;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>PacGAN packing: the declared Pack reaches the trainer, the discriminator takes packed samples, and batch sizes must divide.</summary>
public class PackingTests
{
    [Fact]
    public void DiscriminatorJudgesPackedSamples()
    {
        Assert.Equal(2, PackedGan.Declaration.Pack);
        using var gan = new PackedGan(seed: 1);
        Assert.Equal(new long[] { 16, 4 }, gan.Discriminator.Hidden.weight!.shape); // 2 samples × 2 features
        Assert.Contains("Dense 4 → 16", PackedGan.Disc.Summary());

        manual_seed(1);
        using var real = randn(32, 2);
        for (int i = 0; i < 10; i++) gan.Step(real);
        var metrics = gan.ReadMetrics();
        Assert.True(metrics.IsFinite, metrics.ToString());
        Assert.InRange(metrics.RealScore, 0f, 1f);
        using var samples = gan.Sample(5); // sampling is per sample, packing is only for the discriminator
        Assert.Equal(new long[] { 5, 2 }, samples.shape);
    }

    [Fact]
    public void DiscriminatorSeesConsecutiveSamplesJoined()
    {
        using var gan = new PackedGan(seed: 2);
        manual_seed(2);
        using var real = randn(8, 2);
        // What the discriminator must see for Pack = 2: samples (0, 1), (2, 3), … joined into 4 features each.
        float expected;
        using (no_grad())
        using (var pairs = real.reshape(4, 4))
        using (var scores = gan.Discriminator.forward(pairs))
        using (var probabilities = scores.sigmoid())
            expected = probabilities.mean().item<float>();

        gan.Step(real); // the scores are taken before the update, so they come from the same weights
        var metrics = gan.ReadMetrics();

        Assert.Equal(expected, metrics.RealScore, 5);
    }

    [Fact]
    public void BatchThatCannotBePackedIsRejectedWithItsSize()
    {
        using var gan = new PackedGan(seed: 3);
        using var real = randn(7, 2);
        var error = Assert.Throws<ArgumentException>(() => gan.Step(real));
        Assert.Contains("a batch of 7 samples cannot be packed in groups of 2", error.Message);
    }
}
