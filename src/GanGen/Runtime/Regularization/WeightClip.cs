using System;
using GanGen.Runtime.Optimization;
using TorchSharp;

namespace GanGen.Runtime.Regularization;

/// <summary>WGAN's weight clipping (Arjovsky et al. 2017): every discriminator parameter into [−c, c], one op over the flat buffer.</summary>
public sealed class WeightClip : IDisposable
{
    private readonly Scalar _low;
    private readonly Scalar _high;

    /// <summary>Creates clipping to ±<paramref name="bound"/>.</summary>
    public WeightClip(double bound)
    {
        if (!(bound > 0) || double.IsInfinity(bound)) throw new ArgumentOutOfRangeException(nameof(bound), bound, "The clipping bound must be a positive number.");
        Bound = bound;
        _low = -bound;
        _high = bound;
    }

    /// <summary>c.</summary>
    public double Bound { get; }

    /// <summary>Clamps every parameter in place.</summary>
    public void Apply(FlatParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Values.clamp_(_low, _high);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _low.Dispose();
        _high.Dispose();
    }
}
