using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// R1 and R2 (Mescheder et al. 2018): γ/2 · E[‖∇ₓ D(x)‖²] on real (R1) or generated (R2) samples, differentiable
/// (<c>create_graph</c>). Lazy when <see cref="Every"/> &gt; 1: computed on every Every-th step only and scaled by
/// Every, so its expected contribution is unchanged (Karras et al. 2020, §4.2 "lazy regularization").
/// </summary>
public sealed class SampleGradientPenalty : IDisposable
{
    private readonly Scalar _scale;

    /// <summary>Creates the penalty with weight γ = <paramref name="gamma"/>, evaluated every <paramref name="every"/> steps.</summary>
    public SampleGradientPenalty(double gamma, int every = 1)
    {
        if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be a positive number.");
        if (every < 1) throw new ArgumentOutOfRangeException(nameof(every), every, "The penalty must be evaluated at least every step.");
        Gamma = gamma;
        Every = every;
        _scale = gamma / 2 * every;
    }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <summary>Steps between evaluations.</summary>
    public int Every { get; }

    /// <summary>The penalty on <paramref name="samples"/> at step <paramref name="step"/>, or null on a step it skips.</summary>
    public Tensor? Compute(IDiscriminatorScorer discriminator, Tensor samples, Tensor? labels, long step)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(samples);
        if (step % Every != 0) return null;
        using var inputs = samples.detach().requires_grad_(true);
        using var scores = discriminator.Score(inputs, labels);
        using var total = scores.sum();
        var gradients = autograd.grad(new[] { total }, new[] { inputs }, retain_graph: true, create_graph: true);
        using var gradient = gradients[0];
        using var flat = gradient.flatten(1);
        using var squares = flat.square();
        using var perSample = squares.sum(1);
        return perSample.mean().mul_(_scale);
    }

    /// <inheritdoc />
    public void Dispose() => _scale.Dispose();
}
