using System;
using GanGen.Runtime.Networks;
using static TorchSharp.torch;
using Modules = TorchSharp.Modules;

namespace GanGen.Runtime.Interop.Onnx;

// Layers under [SpectralNorm]: the graph divides the layer's own weight by σ = ‖W v‖, as SpectralNorm computes it in
// evaluation mode (the persistent v, no power iteration). The raw weight and v stay initializers under their
// state_dict names (Hidden.weight, Hidden.weight_v), so the file reads like the weights file; ONNX Runtime folds the
// division into a constant when it loads the model.
public sealed partial class OnnxGraphBuilder
{
    /// <summary><c>nn.Linear</c> whose weight <paramref name="spectral"/> normalises: <c>Gemm(x, W / ‖W v‖, b, transB=1)</c>.</summary>
    public OnnxValue Linear(OnnxValue x, Modules.Linear linear, SpectralNorm spectral, string name)
    {
        ArgumentNullException.ThrowIfNull(linear);
        var weight = linear.weight!;
        RequireRank(weight, 2, "Linear weight");
        string node = ReserveNodeName(name, "Gemm");
        return EmitGemm(node, x, SpectrallyNormalised(spectral, weight, node), linear.bias);
    }

    /// <summary><c>nn.Conv2d</c> whose weight <paramref name="spectral"/> normalises.</summary>
    public OnnxValue Conv2d(OnnxValue x, Modules.Conv2d conv, SpectralNorm spectral, string name)
    {
        ArgumentNullException.ThrowIfNull(conv);
        RequireZeroPadding(conv);
        var weight = conv.weight!;
        RequireRank(weight, 4, "Conv2d weight");
        string node = ReserveNodeName(name, "Conv");
        return EmitConv("Conv", node, x, SpectrallyNormalised(spectral, weight, node), weight.shape, conv.bias, conv.stride, ConvPads(conv, weight), conv.dilation, null, conv.groups);
    }

    /// <summary><c>nn.ConvTranspose2d</c> whose weight <paramref name="spectral"/> normalises (over its output channels, dimension 1).</summary>
    public OnnxValue ConvTranspose2d(OnnxValue x, Modules.ConvTranspose2d conv, SpectralNorm spectral, string name)
    {
        ArgumentNullException.ThrowIfNull(conv);
        RequireZeroPadding(conv);
        var weight = conv.weight!;
        RequireRank(weight, 4, "ConvTranspose2d weight");
        string node = ReserveNodeName(name, "ConvTranspose");
        return EmitConv("ConvTranspose", node, x, SpectrallyNormalised(spectral, weight, node), weight.shape, conv.bias, conv.stride, SymmetricPads(conv.padding),
            conv.dilation, conv.output_padding, conv.groups);
    }

    /// <summary>
    /// W / ‖W v‖ for the layer <paramref name="node"/>: W as a matrix with one row per output channel (a transposed
    /// convolution's [in, out, kH, kW] swapped first), times v, its L2 norm, and W divided by it.
    /// </summary>
    private OnnxValue SpectrallyNormalised(SpectralNorm spectral, Tensor weight, string node)
    {
        ArgumentNullException.ThrowIfNull(spectral);
        var w = Parameter(weight, node, "weight");
        var v = Parameter(spectral.RightVector, node, "weight_v");
        var rows = w;
        if (spectral.OutputsAlongSecondDimension)
        {
            var permutation = new long[weight.dim()];
            for (int i = 0; i < permutation.Length; i++) permutation[i] = i;
            (permutation[0], permutation[1]) = (1, 0);
            rows = Emit("Transpose", ReserveNodeName($"{node}/swap", "Transpose"), new[] { OnnxAttribute.Ints("perm", permutation) }, w);
        }
        long outputs = weight.size(spectral.OutputsAlongSecondDimension ? 1 : 0);
        var matrix = weight.dim() == 2 ? rows : ReshapeTo(rows, new[] { outputs, -1L }, $"{node}/matrix");
        var product = Emit("MatMul", ReserveNodeName($"{node}/mv", "MatMul"), NoAttributes, matrix, v);
        // No axes: the norm of the whole vector, a scalar (keepdims = 0) that broadcasts over W.
        var sigma = Emit("ReduceL2", ReserveNodeName($"{node}/sigma", "ReduceL2"), new[] { OnnxAttribute.Int("keepdims", 0) }, product);
        return Emit("Div", ReserveNodeName($"{node}/normalised", "Div"), NoAttributes, w, sigma);
    }

    /// <summary>Reshapes to an absolute <paramref name="shape"/> (one −1 allowed), unlike <see cref="Reshape"/>, which keeps the batch dimension.</summary>
    private OnnxValue ReshapeTo(OnnxValue x, long[] shape, string name)
    {
        string node = ReserveNodeName(name, "Reshape");
        return Emit("Reshape", node, NoAttributes, x, Int64Constant(node, "shape", shape));
    }
}
