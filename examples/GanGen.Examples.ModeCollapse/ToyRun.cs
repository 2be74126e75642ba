using System;
using System.Diagnostics;
using GanGen.Runtime.Data;
using static TorchSharp.torch;

namespace GanGen.Examples.ModeCollapse;

/// <summary>One training run of the protocol: a row, a dataset, a seed, a fixed number of steps.</summary>
internal static class ToyRun
{
    /// <summary>Samples measured at the end, as in VEEGAN and PacGAN.</summary>
    public const int MeasuredSamples = 2500;

    /// <summary>Steps between finiteness checks (reading the metrics syncs with the device).</summary>
    private const int CheckEvery = 250;

    /// <summary>
    /// The grid is trained shrunk by 2√2 to about the ring's extent (as the WGAN-GP authors' toy script does), so one
    /// set of hyperparameters suits both; samples are scaled back before they are measured.
    /// </summary>
    public static double Scale(string dataset) => dataset == "grid" ? 2 * Math.Sqrt(2) : 1;

    public static GaussianMixture2D Data(string dataset, long seed) =>
        dataset == "grid" ? GaussianMixture2D.Grid(seed: seed) : GaussianMixture2D.Ring(seed: seed);

    /// <summary>Trains and measures; <paramref name="samples"/> are the measured points ([x0, y0, x1, y1, …]) for the picture.</summary>
    public static RunResult Train(Contender row, string dataset, long seed, int steps, int batchSize, out float[] samples)
    {
        var clock = Stopwatch.StartNew();
        using var data = Data(dataset, seed);
        using var gan = row.Create(seed);
        double scale = Scale(dataset);
        long divergedAt = 0;
        for (int step = 1; step <= steps; step++)
        {
            gan.DecayLearningRatesLinearly(steps);
            using (var batch = data.Sample(batchSize)) gan.Step(scale == 1 ? batch : batch.div_(scale));
            if ((step % CheckEvery == 0 || step == steps) && !gan.ReadMetrics().IsFinite)
            {
                divergedAt = step;
                break;
            }
        }
        using var generated = gan.Sample(MeasuredSamples).mul_(scale);
        var coverage = divergedAt == 0 ? data.Measure(generated) : new ModeCoverage(0, data.ModeCount, 0, MeasuredSamples, 0);
        using (var host = generated.nan_to_num(0, 100, -100).cpu().contiguous()) samples = host.data<float>().ToArray();
        return new RunResult(row.Key, dataset, seed, steps, batchSize, coverage.ModesCovered, coverage.ModeCount, coverage.HighQualityShare,
            clock.Elapsed.TotalSeconds, divergedAt);
    }

    public static float[] RealSamples(string dataset)
    {
        using var data = Data(dataset, seed: 0);
        using var real = data.Sample(MeasuredSamples);
        using var host = real.contiguous();
        return host.data<float>().ToArray();
    }
}
