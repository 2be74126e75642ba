using System;
using TorchSharp;

namespace GanGen.Runtime.Training;

/// <summary>
/// The loss's numbers as cached <see cref="Scalar"/>s: TorchSharp turns every numeric argument into a new
/// finalizable Scalar, so a step that reuses these allocates none.
/// </summary>
public sealed class GanLossConstants : IDisposable
{
    /// <summary>Caches the constants of one declared loss.</summary>
    /// <param name="realLabel">Real target in BCE losses (1, or e.g. 0.9 for one-sided label smoothing).</param>
    /// <param name="gradientPenalty">WGAN-GP λ.</param>
    /// <param name="weightClip">WGAN clipping bound c.</param>
    public GanLossConstants(double realLabel = 1.0, double gradientPenalty = 10.0, double weightClip = 0.01)
    {
        RealLabelValue = realLabel;
        RealLabel = realLabel;
        FakeShareOfRealTarget = 1.0 - realLabel;
        GradientPenalty = gradientPenalty;
        ClipLow = -weightClip;
        ClipHigh = weightClip;
    }

    /// <summary>The real target as a number (1 means no smoothing).</summary>
    public double RealLabelValue { get; }
    /// <summary>1.</summary>
    public Scalar One { get; } = 1.0;
    /// <summary>½.</summary>
    public Scalar Half { get; } = 0.5;
    /// <summary>Real target t.</summary>
    public Scalar RealLabel { get; }
    /// <summary>1 − t.</summary>
    public Scalar FakeShareOfRealTarget { get; }
    /// <summary>WGAN-GP λ.</summary>
    public Scalar GradientPenalty { get; }
    /// <summary>−c.</summary>
    public Scalar ClipLow { get; }
    /// <summary>c.</summary>
    public Scalar ClipHigh { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        One.Dispose();
        Half.Dispose();
        RealLabel.Dispose();
        FakeShareOfRealTarget.Dispose();
        GradientPenalty.Dispose();
        ClipLow.Dispose();
        ClipHigh.Dispose();
    }
}
