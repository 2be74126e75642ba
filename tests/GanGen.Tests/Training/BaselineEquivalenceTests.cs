using System.Collections.Generic;
using GanGen.Benchmarks.Baselines;
using GanGen.Benchmarks.Declarations;
using GanGen.Runtime.Data;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>
/// The benchmark compares like with like only if the generated loop and the hand-written loop do the same math:
/// same initialisation, same noise, same losses, same optimizer — so their losses must agree step by step.
/// </summary>
public class BaselineEquivalenceTests
{
    private const int Steps = 20;

    [Fact]
    public void GeneratedRingGanMatchesHandWrittenLossesForTheFirstSteps()
    {
        using var data = GaussianMixture2D.Ring(seed: 3);
        var batches = new List<Tensor>();
        for (int i = 0; i < Steps; i++) batches.Add(data.Sample(256));

        // One after the other: each constructor re-seeds the global generator both loops draw noise from.
        var expected = new List<(float, float)>();
        using (var handWritten = new HandWrittenRingGan(seed: 3))
        {
            foreach (var batch in batches) expected.Add(handWritten.TrainStep(batch));
        }
        using var generated = new BenchRingGan(seed: 3);
        for (int i = 0; i < Steps; i++)
        {
            var actual = generated.TrainStep(batches[i]);
            Assert.Equal(expected[i].Item1, actual.DiscriminatorLoss, 4);
            Assert.Equal(expected[i].Item2, actual.GeneratorLoss ?? float.NaN, 4);
        }
        foreach (var batch in batches) batch.Dispose();
    }

    [Fact]
    public void GeneratedDcganMatchesHandWrittenLossesForTheFirstSteps()
    {
        var batches = new List<Tensor>();
        var random = new Generator(17);
        for (int i = 0; i < 5; i++) batches.Add(rand(new long[] { 16, 1, 28, 28 }, generator: random).mul_(2).sub_(1));

        var expected = new List<(float, float)>();
        using (var handWritten = new HandWrittenDcgan(seed: 4))
        {
            foreach (var batch in batches) expected.Add(handWritten.TrainStep(batch));
        }
        using var generated = new FashionDcgan(seed: 4);
        for (int i = 0; i < batches.Count; i++)
        {
            var actual = generated.TrainStep(batches[i]);
            Assert.Equal(expected[i].Item1, actual.DiscriminatorLoss, 3);
            Assert.Equal(expected[i].Item2, actual.GeneratorLoss ?? float.NaN, 3);
        }
        foreach (var batch in batches) batch.Dispose();
    }
}
