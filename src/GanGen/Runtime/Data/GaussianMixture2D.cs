using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// The 2-D Gaussian mixtures used as mode-collapse benchmarks: the 8-Gaussian ring (Metz et al. 2017, Unrolled GAN)
/// and the 25-Gaussian grid (Srivastava et al. 2017, VEEGAN; Lin et al. 2018, PacGAN). Samples are drawn with a
/// private seeded generator, so the data stream is reproducible and independent of model initialisation.
/// </summary>
public sealed class GaussianMixture2D : IDisposable
{
    private readonly Tensor _centers;
    private readonly Generator _random;

    /// <summary>Creates a mixture with equally weighted isotropic components.</summary>
    public GaussianMixture2D(string name, double[,] centers, double standardDeviation, long seed)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new GanInputException(nameof(name), $"is {(name is null ? "null" : "empty")}; give the mixture a display name");
        if (centers is null) throw new GanInputException(nameof(centers), "is null; give the component centres as a [K, 2] array");
        if (centers.GetLength(0) < 1 || centers.GetLength(1) != 2)
            throw new GanInputException(nameof(centers), $"is a [{centers.GetLength(0)}, {centers.GetLength(1)}] array; the centres are a [K ≥ 1, 2] array");
        foreach (double value in centers)
        {
            if (!double.IsFinite(value)) throw new GanInputException(nameof(centers), FormattableString.Invariant($"holds {value}; every centre coordinate must be a finite number"));
        }
        if (!(standardDeviation > 0) || !double.IsFinite(standardDeviation))
            throw new GanInputException(nameof(standardDeviation), FormattableString.Invariant($"is {standardDeviation}; the standard deviation must be a finite number greater than 0"));
        Name = name;
        Centers = centers;
        StandardDeviation = standardDeviation;
        _centers = tensor(centers, dtype: float32);
        _random = new Generator(unchecked((ulong)seed));
    }

    /// <summary>Eight modes evenly spaced on a circle of radius 2 (σ = 0.05 by default).</summary>
    public static GaussianMixture2D Ring(long seed = 0, double standardDeviation = 0.05, double radius = 2.0)
    {
        if (!(radius > 0) || !double.IsFinite(radius))
            throw new GanInputException(nameof(radius), FormattableString.Invariant($"is {radius}; the ring's radius must be a finite number greater than 0"));
        var centers = new double[8, 2];
        for (int k = 0; k < 8; k++)
        {
            double angle = 2 * Math.PI * k / 8;
            centers[k, 0] = radius * Math.Cos(angle);
            centers[k, 1] = radius * Math.Sin(angle);
        }
        return new GaussianMixture2D("8-Gaussian ring", centers, standardDeviation, seed);
    }

    /// <summary>Twenty-five modes on the grid {−4, −2, 0, 2, 4}² (σ = 0.05 by default).</summary>
    public static GaussianMixture2D Grid(long seed = 0, double standardDeviation = 0.05)
    {
        var centers = new double[25, 2];
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                centers[i * 5 + j, 0] = -4 + 2 * i;
                centers[i * 5 + j, 1] = -4 + 2 * j;
            }
        }
        return new GaussianMixture2D("25-Gaussian grid", centers, standardDeviation, seed);
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Component centres, [K, 2].</summary>
    public double[,] Centers { get; }

    /// <summary>Number of components (modes).</summary>
    public int ModeCount => Centers.GetLength(0);

    /// <summary>Per-axis standard deviation of every component.</summary>
    public double StandardDeviation { get; }

    /// <summary>Points one <see cref="Sample"/> call draws at most: a [count, 2] float32 tensor and the [count] int64 modes within <see cref="InputLimits.MaxTensorBytes"/>.</summary>
    public const int MaxSamplesPerCall = (int)(InputLimits.MaxTensorBytes / 16);

    /// <summary>Draws <paramref name="count"/> points as a float32 [count, 2] tensor on the CPU.</summary>
    public Tensor Sample(int count)
    {
        if (count < 1 || count > MaxSamplesPerCall)
            throw new GanInputException(nameof(count), $"is {count}; Sample draws 1 to {InputLimits.Count(MaxSamplesPerCall)} points per call; draw more in several calls");
        using var modes = randint(0, ModeCount, new long[] { count }, dtype: int64, generator: _random);
        using var centres = _centers.index_select(0, modes);
        var points = randn(new long[] { count, 2 }, dtype: float32, generator: _random);
        return points.mul_(StandardDeviation).add_(centres); // in place: returns 'points' itself
    }

    /// <summary>The sampler's random state, to store beside a checkpoint so a resumed run draws the same data.</summary>
    public Tensor GetRandomState() => _random.get_state();

    /// <summary>Restores a state from <see cref="GetRandomState"/>.</summary>
    public void SetRandomState(Tensor state)
    {
        if (state is null) throw new GanInputException(nameof(state), "is null; give a state GetRandomState returned");
        _random.set_state(state);
    }

    /// <summary>Measures how well <paramref name="samples"/> ([N, 2]) cover the modes; see <see cref="ModeCoverage"/>.</summary>
    public ModeCoverage Measure(Tensor samples) => ModeCoverage.Measure(samples, Centers, StandardDeviation);

    /// <inheritdoc />
    public void Dispose()
    {
        _centers.Dispose();
        _random.Dispose();
    }
}
