using System;
using GanGen.Runtime.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// Gradient-norm clipping (as torch.nn.utils.clip_grad_norm_ over all of a network's parameters): the whole gradient
/// is scaled by min(1, MaxNorm / (‖g‖₂ + 1e-6)) before the optimizer step — on the device, without a sync.
/// </summary>
public sealed class GradientClip : IDisposable
{
    private readonly Scalar _maxNorm;
    private readonly Scalar _epsilon = 1e-6;
    private readonly Scalar _one = 1.0;

    /// <summary>Creates clipping to norm <paramref name="maxNorm"/>.</summary>
    public GradientClip(double maxNorm)
    {
        if (!(maxNorm > 0) || double.IsInfinity(maxNorm)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The norm bound must be a positive number.");
        MaxNorm = maxNorm;
        _maxNorm = maxNorm;
    }

    /// <summary>The largest gradient norm allowed.</summary>
    public double MaxNorm { get; }

    /// <summary>Rescales the gradient in place when its norm exceeds <see cref="MaxNorm"/>.</summary>
    public void Apply(FlatParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var norm = parameters.Gradients.norm();
        using var factor = norm.add_(_epsilon).reciprocal_().mul_(_maxNorm).clamp_max_(_one);
        parameters.Gradients.mul_(factor);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _maxNorm.Dispose();
        _epsilon.Dispose();
        _one.Dispose();
    }
}
