using System;
using GanGen.Runtime.Optimization;
using TorchSharp;

namespace GanGen.Runtime.Regularization;

/// <summary>
/// An L2 penalty λ·‖θ‖² on a network's weights, applied as its gradient 2λθ added to the network's gradient before the
/// optimizer step: one op over the flat buffers, and for any optimizer exactly the gradient of the penalised loss
/// (unlike Adam's built-in weight decay, which is the same only for plain SGD).
/// </summary>
public sealed class WeightPenalty : IDisposable
{
    private readonly Scalar _twiceWeight;

    /// <summary>Creates the penalty with weight λ = <paramref name="weight"/>.</summary>
    public WeightPenalty(double weight)
    {
        if (!(weight > 0) || double.IsInfinity(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "λ must be a positive number.");
        Weight = weight;
        _twiceWeight = 2 * weight;
    }

    /// <summary>λ.</summary>
    public double Weight { get; }

    /// <summary>Adds 2λθ to the gradient.</summary>
    public void Apply(FlatParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Gradients.add_(parameters.Values, _twiceWeight);
    }

    /// <inheritdoc />
    public void Dispose() => _twiceWeight.Dispose();
}
