using System;
using TorchSharp;
using static TorchSharp.torch;
using Modules = TorchSharp.Modules;

namespace GanGen.Runtime.Interop.Onnx;

// Layers with weights: Linear, Conv2d and ConvTranspose2d, each from a TorchSharp module or from its tensors.
public sealed partial class OnnxGraphBuilder
{
    /// <summary><c>nn.Linear</c> as <c>Gemm(x, W, b, transB=1)</c>: y = x·Wᵀ + b for x of shape [N, in].</summary>
    /// <param name="x">The [N, in] input.</param>
    /// <param name="linear">The layer; its current weight and bias are copied.</param>
    /// <param name="name">The node's name and its initializers' prefix (<c>name.weight</c>); generated when null.</param>
    public OnnxValue Linear(OnnxValue x, Modules.Linear linear, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(linear);
        return Linear(x, linear.weight!, linear.bias, name);
    }

    /// <summary><c>Gemm(x, W, b, transB=1)</c> from a [out, in] weight (PyTorch's layout) and an optional [out] bias.</summary>
    public OnnxValue Linear(OnnxValue x, Tensor weight, Tensor? bias = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank(weight, 2, "Linear weight");
        string node = ReserveNodeName(name, "Gemm");
        return EmitGemm(node, x, Parameter(weight, node, "weight"), bias);
    }

    private OnnxValue EmitGemm(string node, OnnxValue x, OnnxValue weight, Tensor? bias)
    {
        OnnxValue? b = bias is null ? null : Parameter(bias, node, "bias");
        return Emit("Gemm", node, new[] { OnnxAttribute.Int("transB", 1) }, x, weight, b);
    }

    /// <summary><c>nn.Conv2d</c> as <c>Conv</c>, with its strides, padding (explicit, "valid" or "same"), dilation and groups.</summary>
    /// <exception cref="NotSupportedException">The padding mode is not zeros (reflect, replicate and circular have no Conv equivalent).</exception>
    public OnnxValue Conv2d(OnnxValue x, Modules.Conv2d conv, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(conv);
        RequireZeroPadding(conv);
        var weight = conv.weight!;
        RequireRank(weight, 4, "Conv2d weight");
        return EmitConv("Conv", x, weight, conv.bias, conv.stride, ConvPads(conv, weight), conv.dilation, outputPadding: null, conv.groups, name);
    }

    private static long[] ConvPads(Modules.Conv2d conv, Tensor weight) => conv.padding_type switch
    {
        Padding.Valid => new long[] { 0, 0, 0, 0 },
        Padding.Same => SamePads(weight.shape, conv.dilation),
        _ => SymmetricPads(conv.padding),
    };

    /// <summary><c>Conv</c> from a [out, in/groups, kH, kW] weight, an optional bias and square geometry.</summary>
    public OnnxValue Conv2d(OnnxValue x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank(weight, 4, "Conv2d weight");
        return EmitConv("Conv", x, weight, bias, Pair(stride), new long[] { padding, padding, padding, padding }, Pair(dilation), outputPadding: null, groups, name);
    }

    /// <summary><c>nn.ConvTranspose2d</c> as <c>ConvTranspose</c>, including <c>output_padding</c>.</summary>
    public OnnxValue ConvTranspose2d(OnnxValue x, Modules.ConvTranspose2d conv, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(conv);
        RequireZeroPadding(conv);
        var weight = conv.weight!;
        RequireRank(weight, 4, "ConvTranspose2d weight");
        return EmitConv("ConvTranspose", x, weight, conv.bias, conv.stride, SymmetricPads(conv.padding), conv.dilation, conv.output_padding, conv.groups, name);
    }

    /// <summary><c>ConvTranspose</c> from an [in, out/groups, kH, kW] weight (PyTorch's layout, also ONNX's) and square geometry.</summary>
    public OnnxValue ConvTranspose2d(OnnxValue x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0, int dilation = 1, int groups = 1, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank(weight, 4, "ConvTranspose2d weight");
        return EmitConv("ConvTranspose", x, weight, bias, Pair(stride), new long[] { padding, padding, padding, padding }, Pair(dilation), Pair(outputPadding), groups, name);
    }

    private OnnxValue EmitConv(string opType, OnnxValue x, Tensor weight, Tensor? bias, long[] strides, long[] pads, long[] dilations, long[]? outputPadding, long groups, string? name)
    {
        string node = ReserveNodeName(name, opType);
        return EmitConv(opType, node, x, Parameter(weight, node, "weight"), weight.shape, bias, strides, pads, dilations, outputPadding, groups);
    }

    private OnnxValue EmitConv(string opType, string node, OnnxValue x, OnnxValue w, long[] weightShape, Tensor? bias, long[] strides, long[] pads, long[] dilations, long[]? outputPadding, long groups)
    {
        OnnxValue? b = bias is null ? null : Parameter(bias, node, "bias");
        var attributes = new System.Collections.Generic.List<OnnxAttribute>
        {
            OnnxAttribute.Ints("kernel_shape", weightShape[2], weightShape[3]),
            OnnxAttribute.Ints("strides", strides),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("dilations", dilations),
            OnnxAttribute.Int("group", groups),
        };
        if (outputPadding is not null) attributes.Add(OnnxAttribute.Ints("output_padding", outputPadding));
        return Emit(opType, node, attributes, x, w, b);
    }

    /// <summary>ONNX pads list [top, left, bottom, right] from PyTorch's per-dimension [pH, pW] (null: none).</summary>
    private static long[] SymmetricPads(long[]? padding) =>
        padding is null || padding.Length == 0 ? new long[4]
        : padding.Length == 1
            ? new[] { padding[0], padding[0], padding[0], padding[0] }
            : new[] { padding[0], padding[1], padding[0], padding[1] };

    /// <summary>PyTorch's padding="same" (stride 1): total d·(k−1) per dimension, the odd pixel at the bottom/right.</summary>
    private static long[] SamePads(long[] weightShape, long[] dilation)
    {
        long totalH = dilation[0] * (weightShape[2] - 1), totalW = dilation[^1] * (weightShape[3] - 1);
        return new[] { totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2 };
    }

    private static long[] Pair(long value) => new[] { value, value };

    private static void RequireZeroPadding(Modules.Convolution conv)
    {
        if (conv.padding_mode != PaddingModes.Zeros)
            throw new NotSupportedException($"Padding mode {conv.padding_mode} has no ONNX Conv equivalent; only zero padding is exported.");
    }

    private static void RequireRank(Tensor tensor, int rank, string what)
    {
        if (tensor.dim() != rank)
            throw new ArgumentException($"{what} must have rank {rank}, but has shape [{string.Join(", ", tensor.shape)}].");
    }
}
