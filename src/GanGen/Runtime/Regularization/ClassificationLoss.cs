using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// AC-GAN's auxiliary classifier loss (Odena et al. 2017): the discriminator minimises the class cross-entropy on real
/// and generated samples, the generator on its own samples, both weighted by <see cref="Weight"/>.
/// </summary>
public sealed class ClassificationLoss : IDisposable
{
    private readonly Scalar _weight;
    private readonly Scalar _one = 1.0;

    /// <summary>Creates the loss with weight <paramref name="weight"/>.</summary>
    public ClassificationLoss(double weight)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "The class-loss weight must be a positive number.");
        Weight = weight;
        _weight = weight;
    }

    /// <summary>The weight of the cross-entropy terms.</summary>
    public double Weight { get; }

    /// <summary>w·(CE(real logits, labels) + CE(fake logits, labels)).</summary>
    public Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Tensor labels)
    {
        using var fake = nn.functional.cross_entropy(fakeLogits, labels);
        return nn.functional.cross_entropy(realLogits, labels).add_(fake, _one).mul_(_weight);
    }

    /// <summary>w·CE(fake logits, labels).</summary>
    public Tensor Generator(Tensor fakeLogits, Tensor labels) => nn.functional.cross_entropy(fakeLogits, labels).mul_(_weight);

    /// <inheritdoc />
    public void Dispose()
    {
        _weight.Dispose();
        _one.Dispose();
    }
}
