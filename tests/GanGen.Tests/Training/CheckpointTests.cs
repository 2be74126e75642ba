using System;
using System.Collections.Generic;
using System.IO;
using GanGen.Runtime.Data;
using GanGen.Tests.Declarations;
using GanGen.Examples.Models;
using static TorchSharp.torch;

namespace GanGen.Tests.Training;

/// <summary>Checkpoints: exact round trip, resume reproducing an uninterrupted run, and specific errors.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gangen-checkpoints-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ResumedRunReproducesTheUninterruptedLosses()
    {
        string checkpoint = Path.Combine(_folder, "ring.ckpt");
        string dataState = Path.Combine(_folder, "data.state");

        var uninterrupted = new List<float>();
        float[] uninterruptedSamples;
        using (var data = GaussianMixture2D.Ring(seed: 21))
        using (var gan = new SmallBceGan(seed: 21))
        {
            for (int step = 0; step < 30; step++)
            {
                if (step == 15)
                {
                    gan.SaveCheckpoint(checkpoint);
                    using var state = data.GetRandomState();
                    File.WriteAllBytes(dataState, state.bytes.ToArray());
                }
                using var batch = Batch(data);
                var metrics = gan.TrainStep(batch);
                if (step >= 15) uninterrupted.Add(metrics.DiscriminatorLoss);
                if (step == 20)
                {
                    using var probe = gan.Sample(3); // a monitoring probe; the resumed run must draw the same one
                }
            }
            using var samples = gan.Sample(6);
            uninterruptedSamples = samples.data<float>().ToArray();
        }

        var resumed = new List<float>();
        using (var data = GaussianMixture2D.Ring(seed: 999))
        using (var gan = new SmallBceGan(seed: 999))
        {
            gan.LoadCheckpoint(checkpoint);
            using (var state = data.GetRandomState())
            {
                state.bytes = File.ReadAllBytes(dataState);
                data.SetRandomState(state);
            }
            Assert.Equal(15, gan.StepCount);
            for (int step = 15; step < 30; step++)
            {
                using var batch = Batch(data);
                resumed.Add(gan.TrainStep(batch).DiscriminatorLoss);
                if (step == 20)
                {
                    using var probe = gan.Sample(3);
                }
            }
            using var samples = gan.Sample(6);
            Assert.Equal(uninterruptedSamples, samples.data<float>().ToArray()); // evaluations after a resume match too
        }
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void RoundTripRestoresWeightsOptimizerStateAndFixedNoise()
    {
        string path = Path.Combine(_folder, "rt.ckpt");
        using var gan = new RingGan(seed: 8);
        using var real = randn(32, 2);
        for (int i = 0; i < 10; i++) gan.Step(real);
        gan.SaveCheckpoint(path);
        using var weights = gan.GeneratorParameters.Values.clone();
        using var noise = gan.FixedNoise!.clone();

        using var other = new RingGan(seed: 9);
        Assert.False(other.GeneratorParameters.Values.allclose(weights, 0, 0));
        other.LoadCheckpoint(path);
        Assert.True(other.GeneratorParameters.Values.allclose(weights, 0, 0));
        Assert.True(other.FixedNoise!.allclose(noise, 0, 0));
        Assert.Equal(10, other.StepCount);
        Assert.Equal(gan.DiscriminatorOptimizer.StepCount, other.DiscriminatorOptimizer.StepCount);
        using var a = gan.SampleFixed();
        using var b = other.SampleFixed();
        Assert.True(a.allclose(b, 0, 0));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void CheckpointOfAnotherGanIsRejectedByName()
    {
        string path = Path.Combine(_folder, "other.ckpt");
        using (var ring = new RingGan(seed: 1)) ring.SaveCheckpoint(path);
        using var bce = new SmallBceGan(seed: 1);
        var error = Assert.Throws<InvalidDataException>(() => bce.LoadCheckpoint(path));
        Assert.Contains("other.ckpt", error.Message);
        Assert.Contains("RingGan", error.Message);
        Assert.Contains("SmallBceGan", error.Message);
    }

    [Fact]
    public void TruncatedCheckpointIsRejected()
    {
        string path = Path.Combine(_folder, "cut.ckpt");
        using var gan = new RingGan(seed: 1);
        gan.SaveCheckpoint(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => gan.LoadCheckpoint(path));
        Assert.Contains("cut.ckpt", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ForeignFileIsRejected()
    {
        string path = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(path, "hello, not a checkpoint");
        using var gan = new RingGan(seed: 1);
        var error = Assert.Throws<InvalidDataException>(() => gan.LoadCheckpoint(path));
        Assert.Contains("notes.txt", error.Message);
        Assert.Contains("not a GanGen checkpoint", error.Message);
    }

    [Fact]
    public void MissingCheckpointNamesThePath()
    {
        using var gan = new RingGan(seed: 1);
        var error = Assert.Throws<FileNotFoundException>(() => gan.LoadCheckpoint(Path.Combine(_folder, "absent.ckpt")));
        Assert.Contains("absent.ckpt", error.Message);
    }

    private static Tensor Batch(GaussianMixture2D data)
    {
        using var points = data.Sample(32);
        // SmallBceGan takes 4-D samples in [−1, 1]: two ring points per sample, scaled.
        return points.reshape(16, 4).div(3.0).clamp(-1.0, 1.0);
    }
}
