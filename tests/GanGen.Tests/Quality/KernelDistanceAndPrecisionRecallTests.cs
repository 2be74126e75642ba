using System;
using GanGen.Runtime.Quality;
using static TorchSharp.torch;

namespace GanGen.Tests.Quality;

/// <summary>KID and PRDC against a numpy reference of the clean-fid and prdc formulas (values printed by /usr/bin/python3) and their known properties.</summary>
public sealed class KernelDistanceAndPrecisionRecallTests
{
    // The same deterministic features the numpy reference builds: sin(0.7 i + 1.3 j) + shift · cos(0.31 i j).
    private static Tensor Features(int n, int d, double shift)
    {
        var values = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                values[i * d + j] = Math.Sin(0.7 * i + 1.3 * j) + shift * Math.Cos(0.31 * i * j);
        return tensor(values, new long[] { n, d });
    }

    [Fact]
    public void KidMatchesTheNumpyReferenceOnWholeSets()
    {
        // With equal set sizes below the subset cap every subset is the whole set, so the value is draw-free.
        using var x = Features(30, 6, 0.0);
        using var y = Features(30, 6, 0.8) + 0.5;
        Assert.Equal(2.9531003387364385, KernelDistance.Compute(x, y, subsets: 3), 9);
    }

    [Fact]
    public void KidIsNearZeroForTwoSamplesOfOneDistributionAndLargeForShiftedOnes()
    {
        var generator = new Generator(7);
        using var a = randn(new long[] { 600, 16 }, generator: generator);
        using var b = randn(new long[] { 600, 16 }, generator: generator);
        using var shifted = b + 1.0;
        double same = KernelDistance.Compute(a, b, subsets: 20, maxSubsetSize: 300);
        double different = KernelDistance.Compute(a, shifted, subsets: 20, maxSubsetSize: 300);
        Assert.True(Math.Abs(same) < 0.01, $"KID of one distribution was {same}");
        Assert.True(different > 0.5, $"KID of shifted data was {different}");
    }

    [Fact]
    public void PrdcMatchesTheNumpyReference()
    {
        using var real = Features(40, 6, 0.0);
        using var generated = Features(30, 6, 0.8) + 0.5;
        var scores = PrecisionRecall.Compute(real, generated, k: 5);
        Assert.Equal(1.0 / 30, scores.Precision, 12);
        Assert.Equal(1.0, scores.Recall, 12);
        Assert.Equal(1.0 / 30, scores.Density, 12);
        Assert.Equal(0.125, scores.Coverage, 12);
    }

    [Fact]
    public void PrdcOfAnIdenticalSetIsOneEverywhere()
    {
        using var real = randn(new long[] { 200, 8 }, generator: new Generator(3));
        var scores = PrecisionRecall.Compute(real, real.clone(), k: 5);
        Assert.Equal(1.0, scores.Precision, 12);
        Assert.Equal(1.0, scores.Recall, 12);
        Assert.Equal(1.0, scores.Coverage, 12);
        // Each sample lies inside its own ball and its k neighbours' (strictly closer than their k-th): density ≈ 1.
        Assert.InRange(scores.Density, 0.8, 1.3);
    }
}
