using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>SimGAN's self-regularisation (Shrivastava et al. 2017): λ·mean distance(refined, source), in the refiner's loss.</summary>
public sealed class SelfRegularization : IDisposable
{
    private readonly Scalar _weight;

    /// <summary>Creates the term with weight λ = <paramref name="weight"/> and the per-element <paramref name="distance"/>.</summary>
    public SelfRegularization(double weight, Distance distance = Distance.L1)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "λ must be a positive number.");
        Weight = weight;
        Distance = distance;
        _weight = weight;
    }

    /// <summary>λ.</summary>
    public double Weight { get; }

    /// <summary>The per-element distance.</summary>
    public Distance Distance { get; }

    /// <summary>λ·mean |refined − source| (L1) or λ·mean (refined − source)² (L2).</summary>
    public Tensor Compute(Tensor refined, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(refined);
        ArgumentNullException.ThrowIfNull(source);
        using var difference = refined.sub(source);
        using var distance = Distance == Distance.L1 ? difference.abs() : difference.square();
        return distance.mean().mul_(_weight);
    }

    /// <inheritdoc />
    public void Dispose() => _weight.Dispose();
}
