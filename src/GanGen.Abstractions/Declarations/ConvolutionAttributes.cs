using System;

namespace GanGen;

/// <summary>A 2-D convolution (<c>TorchSharp.Modules.Conv2d</c>) over [C, H, W]; input channels are inferred.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class Conv2dAttribute : LayerAttribute
{
    /// <summary>Declares a convolution with <paramref name="channels"/> output channels.</summary>
    public Conv2dAttribute(int channels) => Channels = channels;

    /// <summary>Output channels.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Channels { get; }

    /// <summary>Square kernel size; default 3.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Kernel { get; set; } = 3;

    /// <summary>Stride; default 1.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Stride { get; set; } = 1;

    /// <summary>Zero padding on each side; default 0.</summary>
    [Accepts(0, int.MaxValue, Whole = true)]
    public int Padding { get; set; }

    /// <summary>Dilation; default 1.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Dilation { get; set; } = 1;

    /// <summary>Whether to add a bias; set false before BatchNorm.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary>A 2-D transposed convolution (<c>TorchSharp.Modules.ConvTranspose2d</c>), the DCGAN generator's upsampler.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ConvTranspose2dAttribute : LayerAttribute
{
    /// <summary>Declares a transposed convolution with <paramref name="channels"/> output channels.</summary>
    public ConvTranspose2dAttribute(int channels) => Channels = channels;

    /// <summary>Output channels.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Channels { get; }

    /// <summary>Square kernel size; default 4.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Kernel { get; set; } = 4;

    /// <summary>Stride; default 2.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Stride { get; set; } = 2;

    /// <summary>Padding removed from each side of the output; default 1.</summary>
    [Accepts(0, int.MaxValue, Whole = true)]
    public int Padding { get; set; } = 1;

    /// <summary>Extra size added to one side of the output; default 0.</summary>
    [Accepts(0, int.MaxValue, Whole = true)]
    public int OutputPadding { get; set; }

    /// <summary>Dilation; default 1.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Dilation { get; set; } = 1;

    /// <summary>Whether to add a bias; set false before BatchNorm.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary>Batch normalisation over the channels of [C, H, W] (<c>TorchSharp.Modules.BatchNorm2d</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class BatchNorm2dAttribute : LayerAttribute
{
    /// <summary>Denominator epsilon; default 1e-5.</summary>
    [Accepts(0, ExcludeMinimum = true)]
    public double Epsilon { get; set; } = 1e-5;

    /// <summary>Running-statistics momentum; default 0.1.</summary>
    [Accepts(0, 1)]
    public double Momentum { get; set; } = 0.1;
}

/// <summary>Instance normalisation over [C, H, W] with learnable affine parameters (<c>TorchSharp.Modules.InstanceNorm2d</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InstanceNorm2dAttribute : LayerAttribute
{
    /// <summary>Denominator epsilon; default 1e-5.</summary>
    [Accepts(0, ExcludeMinimum = true)]
    public double Epsilon { get; set; } = 1e-5;
}

/// <summary>Reshapes each sample to the given shape, e.g. <c>[Reshape(128, 7, 7)]</c> after a dense projection.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ReshapeAttribute : OperationAttribute
{
    /// <summary>Declares the per-sample target shape (batch excluded).</summary>
    public ReshapeAttribute(params int[] shape) => Shape = shape;

    /// <summary>Target shape per sample.</summary>
    public int[] Shape { get; }
}

/// <summary>Flattens each sample to one dimension.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : OperationAttribute
{
}

/// <summary>Upsamples [C, H, W] by an integer factor.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class UpsampleAttribute : OperationAttribute
{
    /// <summary>Declares upsampling by <paramref name="scale"/> (default 2).</summary>
    public UpsampleAttribute(int scale = 2) => Scale = scale;

    /// <summary>Integer scale factor.</summary>
    [Accepts(1, 64, Whole = true)]
    public int Scale { get; }

    /// <summary>Interpolation; default nearest.</summary>
    public UpsampleMode Mode { get; set; } = UpsampleMode.Nearest;
}

/// <summary>Upsampling interpolation modes.</summary>
public enum UpsampleMode
{
    /// <summary>Nearest neighbour.</summary>
    Nearest = 0,
    /// <summary>Bilinear (align_corners = false).</summary>
    Bilinear = 1,
}

/// <summary>2-D average pooling (zero padding counts toward the average, as in PyTorch's default).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class AvgPool2dAttribute : OperationAttribute
{
    /// <summary>Declares pooling with a square window of <paramref name="kernel"/> (stride defaults to the kernel).</summary>
    public AvgPool2dAttribute(int kernel = 2) => Kernel = kernel;

    /// <summary>Window size.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Kernel { get; }

    /// <summary>Stride; 0 means equal to the kernel.</summary>
    [Accepts(0, int.MaxValue, Whole = true, Advice = "0: the kernel size")]
    public int Stride { get; set; }

    /// <summary>Zero padding; default 0.</summary>
    [Accepts(0, int.MaxValue, Whole = true)]
    public int Padding { get; set; }
}

/// <summary>2-D max pooling.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2dAttribute : OperationAttribute
{
    /// <summary>Declares pooling with a square window of <paramref name="kernel"/> (stride defaults to the kernel).</summary>
    public MaxPool2dAttribute(int kernel = 2) => Kernel = kernel;

    /// <summary>Window size.</summary>
    [Accepts(1, int.MaxValue, Whole = true)]
    public int Kernel { get; }

    /// <summary>Stride; 0 means equal to the kernel.</summary>
    [Accepts(0, int.MaxValue, Whole = true, Advice = "0: the kernel size")]
    public int Stride { get; set; }

    /// <summary>Zero padding; default 0.</summary>
    [Accepts(0, int.MaxValue, Whole = true)]
    public int Padding { get; set; }
}
