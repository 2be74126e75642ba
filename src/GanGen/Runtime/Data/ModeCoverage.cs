using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Mode coverage of generated 2-D samples, as reported by the Unrolled-GAN, VEEGAN and PacGAN papers: a sample is
/// high quality when it lies within 3σ of its nearest mode centre; a mode is covered when it receives at least
/// <see cref="MinimumPerMode"/> high-quality samples (PacGAN's rule: 20 of 2,500 samples, scaled to the sample count).
/// </summary>
/// <param name="ModesCovered">Modes with enough high-quality samples.</param>
/// <param name="ModeCount">Modes in the mixture.</param>
/// <param name="HighQualityShare">Share of samples within 3σ of their nearest centre, in [0, 1].</param>
/// <param name="SampleCount">Samples measured.</param>
/// <param name="MinimumPerMode">High-quality samples a mode needs to count as covered.</param>
public readonly record struct ModeCoverage(int ModesCovered, int ModeCount, double HighQualityShare, int SampleCount, int MinimumPerMode)
{
    /// <summary>Measures <paramref name="samples"/> ([N, 2]) against <paramref name="centers"/> ([K, 2]) with component σ.</summary>
    public static ModeCoverage Measure(Tensor samples, double[,] centers, double standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(centers);
        if (samples.dim() != 2 || samples.size(1) != 2)
            throw new ArgumentException($"Mode coverage needs [N, 2] samples; got [{string.Join(", ", samples.shape)}].", nameof(samples));
        using var host = samples.detach().to(float32).cpu().contiguous();
        var values = host.data<float>().ToArray();
        int count = (int)host.size(0);
        int modes = centers.GetLength(0);
        int minimum = Math.Max(1, (int)Math.Round(count * 20.0 / 2500.0));
        double threshold = 3 * standardDeviation;
        var hits = new int[modes];
        int highQuality = 0;
        for (int i = 0; i < count; i++)
        {
            double x = values[2 * i], y = values[2 * i + 1];
            int nearest = -1;
            double best = double.PositiveInfinity;
            for (int k = 0; k < modes; k++)
            {
                double dx = x - centers[k, 0], dy = y - centers[k, 1];
                double distance = Math.Sqrt(dx * dx + dy * dy);
                if (distance < best) { best = distance; nearest = k; }
            }
            if (best <= threshold)
            {
                highQuality++;
                hits[nearest]++;
            }
        }
        int covered = 0;
        foreach (int h in hits) if (h >= minimum) covered++;
        return new ModeCoverage(covered, modes, count == 0 ? 0 : (double)highQuality / count, count, minimum);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"modes covered {ModesCovered}/{ModeCount}, high-quality samples {HighQualityShare:P1} (within 3σ; {SampleCount} samples, ≥{MinimumPerMode} per mode)";
}
