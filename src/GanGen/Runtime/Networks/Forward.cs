using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanGen.Runtime.Networks;

/// <summary>
/// Forward passes of TorchSharp modules that read the module's own configuration but skip what its <c>forward</c>
/// allocates on every call: Conv2d and ConvTranspose2d validate the input's shape through fresh <c>shape</c> arrays,
/// and BatchNorm increments its batch counter through a fresh Scalar (counted here with a cached one). Generated
/// networks call these; the result equals the module's own forward.
/// </summary>
public static class Forward
{
    private static readonly Scalar BatchCount = 1L;

    /// <summary>The convolution with the layer's weights, stride, padding, dilation and groups.</summary>
    public static Tensor Conv2d(Conv2d layer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return nn.functional.conv2d(x, layer.weight, layer.bias, layer.stride, layer.padding, layer.dilation, layer.groups);
    }

    /// <summary>The convolution with <paramref name="weight"/> (e.g. spectrally normalised) instead of the layer's own.</summary>
    public static Tensor Conv2d(Conv2d layer, Tensor x, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return nn.functional.conv2d(x, weight, layer.bias, layer.stride, layer.padding, layer.dilation, layer.groups);
    }

    /// <summary>The dense layer with <paramref name="weight"/> (e.g. spectrally normalised) instead of the layer's own.</summary>
    public static Tensor Dense(Linear layer, Tensor x, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return nn.functional.linear(x, weight, layer.bias);
    }

    /// <summary>The transposed convolution with <paramref name="weight"/> (e.g. spectrally normalised) instead of the layer's own.</summary>
    public static Tensor ConvTranspose2d(ConvTranspose2d layer, Tensor x, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return nn.functional.conv_transpose2d(x, weight, layer.bias, layer.stride, layer.padding, layer.output_padding, layer.dilation, layer.groups);
    }

    /// <summary>The transposed convolution with the layer's weights and configuration.</summary>
    public static Tensor ConvTranspose2d(ConvTranspose2d layer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return nn.functional.conv_transpose2d(x, layer.weight, layer.bias, layer.stride, layer.padding, layer.output_padding, layer.dilation, layer.groups);
    }

    /// <summary>Batch normalisation: batch statistics (updating the running ones) while training, running statistics in evaluation.</summary>
    public static Tensor BatchNorm(BatchNorm layer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(layer);
        // PyTorch counts training batches in num_batches_tracked, a buffer safetensors files carry; counting in place
        // with a cached integral Scalar keeps GanGen's buffers equal to its PyTorch twin's at no allocation.
        if (layer.training) layer.num_batches_tracked?.add_(BatchCount, BatchCount);
        return nn.functional.batch_norm(x, layer.running_mean, layer.running_var, layer.weight, layer.bias, layer.training, layer.momentum ?? 0.1, layer.eps);
    }

    /// <summary>
    /// Conditional batch normalisation (de Vries et al. 2017): the layer normalises without its own affine parameters,
    /// then each sample is scaled and shifted by its class's rows of <paramref name="scale"/> and <paramref name="shift"/>.
    /// </summary>
    public static Tensor ClassBatchNorm(BatchNorm layer, Embedding scale, Embedding shift, Tensor x, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(shift);
        using var normalised = BatchNorm(layer, x);
        using var gamma = Conditions.Broadcastable(scale.forward(labels), normalised.dim());
        using var beta = Conditions.Broadcastable(shift.forward(labels), normalised.dim());
        return normalised.mul(gamma).add_(beta, CachedScalars.One);
    }

    /// <summary>Instance normalisation with the layer's affine parameters and epsilon.</summary>
    public static Tensor InstanceNorm(InstanceNorm2d layer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return nn.functional.instance_norm(x, null, null, layer.weight, layer.bias, true, layer.momentum ?? 0.1, layer.eps);
    }

    /// <summary>
    /// [x, other] along dimension 1 (channels or features), through a caller-owned two-slot array so joining allocates
    /// no array per call; the slots are cleared afterwards so the array keeps no tensor alive.
    /// </summary>
    public static Tensor Concat(Tensor x, Tensor other, Tensor[] pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        pair[0] = x;
        pair[1] = other;
        try
        {
            return cat(pair, 1);
        }
        finally
        {
            pair[0] = pair[1] = null!;
        }
    }
}
