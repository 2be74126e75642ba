using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// DRAGAN's penalty (Kodali et al. 2017): λ·E[(‖∇ D(x̂)‖₂ − 1)²] on perturbed real samples x̂ = x + δ, δ uniform in
/// ±Spread·std(x) element-wise, which keeps the discriminator's gradients tame around the data, where mode collapse
/// starts.
/// </summary>
public sealed class DraganPenalty : IDisposable
{
    private readonly Scalar _weight;
    private readonly Scalar _one = 1.0;
    private readonly Scalar _twiceSpread;
    private readonly Scalar _spread;

    /// <summary>Creates the penalty with weight λ = <paramref name="weight"/> and perturbation scale <paramref name="spread"/>.</summary>
    public DraganPenalty(double weight, double spread = 0.5)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "λ must be a positive number.");
        if (!(spread > 0) || double.IsInfinity(spread)) throw new ArgumentOutOfRangeException(nameof(spread), spread, "The spread must be a positive number.");
        Weight = weight;
        Spread = spread;
        _weight = weight;
        _twiceSpread = 2 * spread;
        _spread = spread;
    }

    /// <summary>λ.</summary>
    public double Weight { get; }

    /// <summary>The perturbation scale, relative to the batch's standard deviation.</summary>
    public double Spread { get; }

    /// <summary>The penalty around the real batch <paramref name="real"/>.</summary>
    public Tensor Compute(IDiscriminatorScorer discriminator, Tensor real, Tensor? labels)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(real);
        using var scale = real.std();
        // x̂ = x + δ, δ = (2u − 1)·Spread·std(x): uniform in ±Spread·std(x). Built in place on the uniform draw, a
        // fresh leaf: the data carries no graph, so nothing needs detaching.
        using var perturbed = rand_like(real).mul_(_twiceSpread).sub_(_spread).mul_(scale).add_(real).requires_grad_(true);
        using var scores = discriminator.Score(perturbed, labels);
        using var total = scores.sum();
        var gradients = autograd.grad(new[] { total }, new[] { perturbed }, retain_graph: true, create_graph: true);
        using var gradient = gradients[0];
        using var flat = gradient.flatten(1);
        using var norms = flat.norm(1, false, 2);
        using var gap = norms.sub(_one);
        using var square = gap.square();
        return square.mean().mul_(_weight);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _weight.Dispose();
        _one.Dispose();
        _twiceSpread.Dispose();
        _spread.Dispose();
    }
}
