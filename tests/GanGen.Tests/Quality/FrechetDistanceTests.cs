using System;
using GanGen.Runtime.Quality;
using static TorchSharp.torch;

namespace GanGen.Tests.Quality;

public sealed class FrechetDistanceTests
{
    [Fact]
    public void DiagonalGaussiansMatchTheClosedForm()
    {
        // Σ diagonal: FD = ‖μ1 − μ2‖² + Σ (σ1 − σ2)².
        using var m1 = tensor(new double[] { 0, 1, 2 });
        using var m2 = tensor(new double[] { 1, 1, 0 });
        using var c1 = diag(tensor(new double[] { 1, 4, 9 }));
        using var c2 = diag(tensor(new double[] { 4, 4, 1 }));
        double expected = (1 + 0 + 4) + ((1 - 2) * (1 - 2) + 0 + (3 - 1) * (3 - 1));
        Assert.Equal(expected, FrechetDistance.Compute(m1, c1, m2, c2), 9);
    }

    [Fact]
    public void SameFeaturesAreAtDistanceZeroAndShiftsIncreaseIt()
    {
        using var generator = new Generator(3);
        using var features = randn(new long[] { 2000, 8 }, generator: generator);
        Assert.Equal(0.0, FrechetDistance.Compute(features, features), 6);
        using var shifted = features + 0.5;
        double distance = FrechetDistance.Compute(features, shifted);
        Assert.Equal(8 * 0.25, distance, 3);
    }

    [Fact]
    public void InceptionScoreAndCoverageFollowTheirDefinitions()
    {
        using var uniform = full(new long[] { 100, 10 }, 0.1);
        Assert.Equal(1.0, ClassifierScores.InceptionScore(uniform), 6);
        using var labels = arange(100).remainder(10);
        using var confident = nn.functional.one_hot(labels, 10).to(float64);
        Assert.Equal(10.0, ClassifierScores.InceptionScore(confident), 3);
        Assert.Equal(10, ClassifierScores.ClassesCovered(confident));
        using var collapsed = nn.functional.one_hot(zeros(new long[] { 100 }, dtype: int64), 10).to(float64);
        Assert.Equal(1, ClassifierScores.ClassesCovered(collapsed));
        Assert.Equal(1.0, ClassifierScores.InceptionScore(collapsed), 3);
    }
}
