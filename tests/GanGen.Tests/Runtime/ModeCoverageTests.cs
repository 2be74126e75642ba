using System;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Tests.Runtime;

public class ModeCoverageTests
{
    [Fact]
    public void RealSamplesCoverEveryModeAtTheTheoreticalRate()
    {
        using var ring = GaussianMixture2D.Ring(seed: 1);
        using var samples = ring.Sample(20_000);
        var coverage = ring.Measure(samples);
        Assert.Equal(8, coverage.ModesCovered);
        // For an isotropic 2-D Gaussian, P(‖x − μ‖ ≤ 3σ) = 1 − e^(−4.5) ≈ 0.9889.
        Assert.Equal(1 - Math.Exp(-4.5), coverage.HighQualityShare, 2);
    }

    [Fact]
    public void GridHasTwentyFiveModes()
    {
        using var grid = GaussianMixture2D.Grid(seed: 1);
        using var samples = grid.Sample(10_000);
        Assert.Equal(25, grid.Measure(samples).ModesCovered);
    }

    [Fact]
    public void CollapsedSamplesCoverOneMode()
    {
        using var ring = GaussianMixture2D.Ring(seed: 1);
        using var collapsed = zeros(2500, 2);
        collapsed[.., 0] = tensor(2.0f); // all at the mode (2, 0)
        var coverage = ring.Measure(collapsed);
        Assert.Equal(1, coverage.ModesCovered);
        Assert.Equal(1.0, coverage.HighQualityShare);
    }

    [Fact]
    public void SameSeedSameData()
    {
        using var a = GaussianMixture2D.Ring(seed: 9);
        using var b = GaussianMixture2D.Ring(seed: 9);
        using var x = a.Sample(100);
        using var y = b.Sample(100);
        Assert.True(x.allclose(y, 0, 0));
    }

    [Fact]
    public void NonPointSamplesAreRejected()
    {
        using var ring = GaussianMixture2D.Ring();
        using var wrong = zeros(10, 3);
        var error = Assert.Throws<ArgumentException>(() => ring.Measure(wrong));
        Assert.Contains("[10, 3]", error.Message);
    }
}
