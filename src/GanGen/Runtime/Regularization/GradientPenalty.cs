using System;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// WGAN-GP's penalty λ·mean (‖∇ₓ̂ D(x̂)‖₂ − 1)² on x̂ = f + ε(r − f), ε ~ U(0, 1) per sample (Gulrajani et al. 2017).
/// The graph is kept (<c>create_graph</c>) so the penalty itself is differentiated.
/// </summary>
public sealed class GradientPenalty : IDisposable
{
    private readonly Scalar _weight;
    private readonly Scalar _one = 1.0;
    private Tensor? _epsilon;

    /// <summary>Creates the penalty with weight λ = <paramref name="weight"/>.</summary>
    public GradientPenalty(double weight)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "λ must be a positive number.");
        Weight = weight;
        _weight = weight;
    }

    /// <summary>λ.</summary>
    public double Weight { get; }

    /// <summary>The penalty for a real and a (detached) fake batch of the same shape, scored with the real batch's labels.</summary>
    public Tensor Compute(IDiscriminatorScorer discriminator, Tensor real, Tensor fake, Tensor? labels)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        var epsilon = Epsilon(real);
        epsilon.uniform_(0.0, 1.0);
        using var interpolates = fake.lerp(real, epsilon).requires_grad_(true);
        using var scores = discriminator.Score(interpolates, labels);
        using var total = scores.sum();
        var gradients = autograd.grad(new[] { total }, new[] { interpolates }, retain_graph: true, create_graph: true);
        using var gradient = gradients[0];
        using var flat = gradient.flatten(1);
        using var norms = flat.norm(1, false, 2);
        // Out-of-place sub/square: norm's and square's backward read the values an in-place op would overwrite.
        using var gap = norms.sub(_one);
        using var square = gap.square();
        return square.mean().mul_(_weight);
    }

    /// <summary>A [N, 1, …] buffer for ε, reused while the batch shape holds.</summary>
    private Tensor Epsilon(Tensor real)
    {
        if (_epsilon is not null && _epsilon.size(0) == real.size(0) && _epsilon.dim() == real.dim() && _epsilon.device == real.device) return _epsilon;
        _epsilon?.Dispose();
        var shape = new long[real.dim()];
        shape[0] = real.size(0);
        for (int i = 1; i < shape.Length; i++) shape[i] = 1;
        _epsilon = empty(shape, dtype: real.dtype, device: real.device).DetachFromDisposeScope();
        return _epsilon;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _weight.Dispose();
        _one.Dispose();
        _epsilon?.Dispose();
    }
}
