using System;
using GanGen.Runtime.Data;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.Models.ModeCollapse;

/// <summary>What one run of the 2-D protocol measured.</summary>
/// <param name="Coverage">Mode coverage of <see cref="MixtureRun.MeasuredSamples"/> samples at the end.</param>
/// <param name="DivergedAt">The step whose metrics were no longer finite (0: trained to the end).</param>
/// <param name="Samples">The measured points, [x0, y0, x1, y1, …], for a picture.</param>
public sealed record MixtureResult(ModeCoverage Coverage, long DivergedAt, float[] Samples);

/// <summary>
/// One training run of the 2-D protocol of VEEGAN and PacGAN: a declared GAN, the ring or the grid, a seed, a fixed
/// number of steps with the learning rates decayed linearly to zero, then mode coverage of 2,500 samples. Shared by the
/// stabiliser experiment and the tests of its effects, so both measure the same way.
/// </summary>
public static class MixtureRun
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

    /// <summary>The mixture named "ring" or "grid", sampled with <paramref name="seed"/>.</summary>
    public static GaussianMixture2D Data(string dataset, long seed) => dataset switch
    {
        "ring" => GaussianMixture2D.Ring(seed: seed),
        "grid" => GaussianMixture2D.Grid(seed: seed),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "The datasets are ring and grid."),
    };

    /// <summary>Trains <paramref name="gan"/> (which it disposes) on <paramref name="dataset"/> and measures it.</summary>
    public static MixtureResult Train<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan, string dataset, long seed, int steps, int batchSize)
        where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
        where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    {
        ArgumentNullException.ThrowIfNull(gan);
        using var _ = gan;
        using var data = Data(dataset, seed);
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
        using var host = generated.nan_to_num(0, 100, -100).cpu().contiguous();
        return new MixtureResult(coverage, divergedAt, host.data<float>().ToArray());
    }
}
