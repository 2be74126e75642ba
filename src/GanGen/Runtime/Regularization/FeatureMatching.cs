using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// Feature matching (Salimans et al. 2016, §3.1): w·‖E f(x_real) − E f(x_fake)‖² on an intermediate layer's features f
/// of the discriminator, added to the generator's loss.
/// </summary>
public sealed class FeatureMatching : IDisposable
{
    private readonly Scalar _weight;

    /// <summary>Creates the term with weight <paramref name="weight"/>.</summary>
    public FeatureMatching(double weight)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be a positive number.");
        Weight = weight;
        _weight = weight;
    }

    /// <summary>The term's weight.</summary>
    public double Weight { get; }

    /// <summary>w·‖mean over the batch of <paramref name="realFeatures"/> − that of <paramref name="fakeFeatures"/>‖².</summary>
    public Tensor Compute(Tensor realFeatures, Tensor fakeFeatures)
    {
        ArgumentNullException.ThrowIfNull(realFeatures);
        ArgumentNullException.ThrowIfNull(fakeFeatures);
        using var realMean = realFeatures.mean(new long[] { 0 });
        using var fakeMean = fakeFeatures.mean(new long[] { 0 });
        using var gap = fakeMean.sub(realMean);
        using var square = gap.square();
        return square.sum().mul_(_weight);
    }

    /// <inheritdoc />
    public void Dispose() => _weight.Dispose();
}
