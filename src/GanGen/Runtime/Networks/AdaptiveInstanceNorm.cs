using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>
/// Adaptive instance normalisation (Huang &amp; Belongie 2017; StyleGAN's style input, Karras et al. 2019): each channel of
/// each sample is normalised by its own mean and deviation, then scaled by 1 + γ(w) and shifted by β(w), where γ and β
/// are a learned affine map (child <c>style</c>) of a style vector w another node computes (a mapping network).
/// Starts as plain instance norm: the map's weights are small and (1 + γ) ≈ 1.
/// </summary>
public sealed class AdaptiveInstanceNorm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _style;
    private readonly long[] _perChannel;

    /// <summary>Normalises <paramref name="channels"/> channels, styled by vectors of <paramref name="styleFeatures"/>.</summary>
    public AdaptiveInstanceNorm(long channels, long styleFeatures, double epsilon = 1e-5) : base(nameof(AdaptiveInstanceNorm))
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "At least one channel is needed.");
        Channels = channels;
        Epsilon = epsilon;
        _style = nn.Linear(styleFeatures, 2 * channels);
        register_module("style", _style);
        _perChannel = new long[] { -1, 2 * channels, 1, 1 };
    }

    /// <summary>C, the channels normalised.</summary>
    public long Channels { get; }

    /// <summary>The denominator's epsilon.</summary>
    public double Epsilon { get; }

    /// <summary>The affine map from the style vector to (γ, β).</summary>
    public Linear Style => _style;

    /// <inheritdoc />
    public override Tensor forward(Tensor input, Tensor style)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        using var normalised = nn.functional.instance_norm(input, eps: Epsilon);
        using var affine = _style.forward(style);
        using var shaped = affine.view(_perChannel);
        using var gamma = shaped.narrow(1, 0, Channels);
        using var beta = shaped.narrow(1, Channels, Channels);
        using var scale = gamma.add(1.0);
        using var scaled = normalised.mul(scale);
        return scaled.add(beta);
    }

    /// <summary>Registers nothing by reflection: the constructor registered <c>style</c> under its PyTorch name.</summary>
    protected override void RegisterComponents()
    {
    }
}
