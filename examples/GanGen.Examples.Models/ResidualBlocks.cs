using GanGen;
using TorchSharp.Modules;

namespace GanGen.Examples.Models;

// The residual blocks of the ResNet GANs (Gulrajani et al. 2017, appendix F; Miyato et al. 2018, appendix B), at the
// 64 channels the 28×28 examples use: pre-activation (normalise, activate, then convolve), an identity shortcut where
// the block keeps its width, a 1×1 one where it changes it. Declared once, each used by several networks and GANs;
// every use is a module of its own with its own weights.

/// <summary>A generator block: batch norm, ReLU, ×2 nearest upsampling, two 3×3 convolutions, plus the upsampled input.</summary>
[GanBlock]
public partial class UpBlock
{
    [Identity, Upsample(2)] public partial Identity Shortcut { get; }
    [From(Node.Input), BatchNorm2d, ReLU, Upsample(2)] public partial BatchNorm2d Norm1 { get; }
    [Conv2d(64, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
    [BatchNorm2d, ReLU] public partial BatchNorm2d Norm2 { get; }
    [Conv2d(64, Kernel = 3, Padding = 1), Add(nameof(Shortcut))] public partial Conv2d Conv2 { get; }
}

/// <summary>
/// A critic's first block ("optimized" in SNGAN): the image itself goes through conv, ReLU, conv, 2×2 average pooling,
/// plus a shortcut of pooling then a 1×1 convolution to 64 channels. No activation before the first convolution.
/// </summary>
[GanBlock]
public partial class FirstDownBlock
{
    [AvgPool2d(2), Conv2d(64, Kernel = 1)] public partial Conv2d Shortcut { get; }
    [From(Node.Input), Conv2d(64, Kernel = 3, Padding = 1), ReLU] public partial Conv2d Conv1 { get; }
    [Conv2d(64, Kernel = 3, Padding = 1), AvgPool2d(2), Add(nameof(Shortcut))] public partial Conv2d Conv2 { get; }
}

/// <summary>A critic block that halves the size: ReLU, conv, ReLU, conv, 2×2 average pooling, plus the pooled input.</summary>
[GanBlock]
public partial class DownBlock
{
    [Identity, AvgPool2d(2)] public partial Identity Shortcut { get; }
    [From(Node.Input), ReLU, Conv2d(64, Kernel = 3, Padding = 1)] public partial Conv2d Conv1 { get; }
    [ReLU, Conv2d(64, Kernel = 3, Padding = 1), AvgPool2d(2), Add(nameof(Shortcut))] public partial Conv2d Conv2 { get; }
}

/// <summary>A critic block that keeps the size: ReLU, conv, ReLU, conv, plus the input.</summary>
[GanBlock]
public partial class ResidualBlock
{
    [ReLU, Conv2d(64, Kernel = 3, Padding = 1)] public partial Conv2d Conv1 { get; }
    [ReLU, Conv2d(64, Kernel = 3, Padding = 1), Add(Node.Input)] public partial Conv2d Conv2 { get; }
}
