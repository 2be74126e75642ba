using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// Instance noise (Sønderby et al. 2016; Arjovsky &amp; Bottou 2017): x + σ_t·ε, ε ~ N(0, 1), on every discriminator
/// input, with σ_t annealed from σ to zero — linearly, σ·max(0, 1 − t/T), or exponentially, σ·0.01^(t/T).
/// </summary>
public sealed class InstanceNoise
{
    /// <summary>Creates noise of initial standard deviation <paramref name="sigma"/> annealed over <paramref name="steps"/>.</summary>
    public InstanceNoise(double sigma, int steps, Annealing annealing = Annealing.Linear)
    {
        if (!(sigma > 0) || double.IsInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be a positive number.");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "The annealing needs at least one step.");
        Sigma = sigma;
        Steps = steps;
        Annealing = annealing;
    }

    /// <summary>σ at step 0.</summary>
    public double Sigma { get; }

    /// <summary>The annealing horizon T.</summary>
    public int Steps { get; }

    /// <summary>How σ falls.</summary>
    public Annealing Annealing { get; }

    /// <summary>σ_t at training step <paramref name="step"/>.</summary>
    public double SigmaAt(long step) => Annealing == Annealing.Linear
        ? Sigma * Math.Max(0.0, 1.0 - (double)step / Steps)
        : Sigma * Math.Pow(0.01, (double)step / Steps);

    /// <summary><paramref name="samples"/> + σ_t·ε as a new tensor, or null once σ_t is zero (the samples are used as they are).</summary>
    public Tensor? Apply(Tensor samples, long step)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double sigma = SigmaAt(step);
        if (sigma == 0) return null;
        using var noise = randn_like(samples);
        return samples.add(noise, sigma);
    }
}
