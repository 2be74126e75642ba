using System;

namespace GanGen;

/// <summary>
/// Sub-pixel convolution's rearrangement (Shi et al. 2016, SRGAN's upsampling): [C·r², H, W] → [C, H·r, W·r], each
/// group of r² channels spread over an r×r block. Put it after a convolution with r² times the channels wanted.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class PixelShuffleAttribute : OperationAttribute
{
    /// <summary>Declares the rearrangement by <paramref name="factor"/> (default 2).</summary>
    public PixelShuffleAttribute(int factor = 2) => Factor = factor;

    /// <summary>Upscaling factor r.</summary>
    [Accepts(1, 16, Whole = true, Advice = "SRGAN uses 2")]
    public int Factor { get; }
}

/// <summary>
/// Reflection padding of [C, H, W] by <see cref="Padding"/> rows and columns on each side: the border mirrors the
/// image instead of adding zeros (CycleGAN's and pix2pix's residual generators).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ReflectionPad2dAttribute : OperationAttribute
{
    /// <summary>Declares reflection padding of <paramref name="padding"/> on every side.</summary>
    public ReflectionPad2dAttribute(int padding) => Padding = padding;

    /// <summary>Rows and columns added on each side; less than the height and width it pads.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Padding { get; }
}

/// <summary>How <see cref="GlobalPoolAttribute"/> reduces each channel.</summary>
public enum GlobalPooling
{
    /// <summary>The sum over positions, as SNGAN's and BigGAN's ResNet critics.</summary>
    Sum = 0,
    /// <summary>The mean over positions (global average pooling).</summary>
    Mean = 1,
}

/// <summary>Reduces each channel of [C, H, W] over all positions: [C, H, W] → [C].</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class GlobalPoolAttribute : OperationAttribute
{
    /// <summary>Sum (default) or mean.</summary>
    public GlobalPooling Mode { get; set; } = GlobalPooling.Sum;
}

/// <summary>
/// Self-attention over the positions of [C, H, W] (SAGAN, Zhang et al. 2019): queries and keys of C / <see cref="Reduction"/>
/// channels, values of C, output x + γ·attention with γ learned from 0. With [SpectralNorm] on the same property all
/// three inner convolutions are spectrally normalised. Property type: <c>GanGen.Runtime.Networks.SelfAttention</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SelfAttentionAttribute : LayerAttribute
{
    /// <summary>Channels of the queries and keys are C / Reduction (at least 1); default 8, SAGAN's.</summary>
    [Accepts(1, 1024, Whole = true, Advice = "SAGAN uses 8")]
    public int Reduction { get; set; } = 8;
}

/// <summary>
/// Adaptive instance normalisation (Huang &amp; Belongie 2017, StyleGAN's style input): each channel normalised per sample,
/// then scaled and shifted by a learned map of the style vector the named node computes, e.g. a mapping network's last
/// Dense layer: <c>[AdaptiveInstanceNorm(nameof(Mapping))]</c>. The style node's output must be flat.
/// Property type: <c>GanGen.Runtime.Networks.AdaptiveInstanceNorm</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AdaptiveInstanceNormAttribute : LayerAttribute
{
    /// <summary>Styles the normalised value with <paramref name="node"/>'s output.</summary>
    public AdaptiveInstanceNormAttribute(string node) => Node = node;

    /// <summary>The node whose output is the style vector.</summary>
    public string Node { get; }

    /// <summary>Denominator epsilon; default 1e-5.</summary>
    [Accepts(0, ExcludeMinimum = true)]
    public double Epsilon { get; set; } = 1e-5;
}
