using System;

namespace GanGen.Runtime.Interop.Onnx;

// Rearrangements and padding the residual, super-resolution and translation architectures use.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>PyTorch's pixel_shuffle: [N, C·r², H, W] → [N, C, H·r, W·r] (DepthToSpace in CRD order).</summary>
    public OnnxValue PixelShuffle(OnnxValue x, int factor, string? name = null)
    {
        if (factor < 1) throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be at least 1.");
        var attributes = new[] { OnnxAttribute.Int("blocksize", factor), OnnxAttribute.String("mode", "CRD") };
        return Emit("DepthToSpace", ReserveNodeName(name, "DepthToSpace"), attributes, x);
    }

    /// <summary>Reflection padding of the last two dimensions by <paramref name="padding"/> on each side.</summary>
    public OnnxValue ReflectionPad2d(OnnxValue x, int padding, string? name = null)
    {
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "The padding cannot be negative.");
        string node = ReserveNodeName(name, "Pad");
        // Pad's pads input: the beginnings of every axis (N, C, H, W), then their ends.
        var pads = Int64Constant(node, "pads", 0, 0, padding, padding, 0, 0, padding, padding);
        return Emit("Pad", node, new[] { OnnxAttribute.String("mode", "reflect") }, x, pads);
    }

    /// <summary>
    /// SAGAN self-attention (<see cref="Networks.SelfAttention"/>): 1×1 query, key and value convolutions (spectrally
    /// normalised as the layer is), softmax over key positions, x + γ·attended. Initializers carry the layer's state_dict
    /// names (<c>Attention.query.weight</c>, <c>Attention.gamma</c>).
    /// </summary>
    public OnnxValue SelfAttention(OnnxValue x, Networks.SelfAttention attention, string name)
    {
        ArgumentNullException.ThrowIfNull(attention);
        var spectral = attention.Spectral;
        OnnxValue Project(TorchSharp.Modules.Conv2d conv, Networks.SpectralNorm? norm, string part) =>
            norm is null ? Conv2d(x, conv, $"{name}.{part}") : Conv2d(x, conv, norm, $"{name}.{part}");
        var query = Project(attention.Query, spectral?.Query, "query");
        var key = Project(attention.Key, spectral?.Key, "key");
        var value = Project(attention.Value, spectral?.Value, "value");
        string node = ReserveNodeName(name, "SelfAttention");
        // [N, C, H, W] → [N, C, H·W]: Reshape with 0 keeps N and C, -1 joins the positions.
        var flat = Int64Constant(node, "flat", 0, 0, -1);
        var queries = Emit("Reshape", ReserveNodeName($"{node}/queries", "Reshape"), NoAttributes, query, flat);
        var keys = Emit("Reshape", ReserveNodeName($"{node}/keys", "Reshape"), NoAttributes, key, flat);
        var values = Emit("Reshape", ReserveNodeName($"{node}/values", "Reshape"), NoAttributes, value, flat);
        var swap = new[] { OnnxAttribute.Ints("perm", new long[] { 0, 2, 1 }) };
        var transposed = Emit("Transpose", ReserveNodeName($"{node}/transpose", "Transpose"), swap, queries);
        var energy = Emit("MatMul", ReserveNodeName($"{node}/energy", "MatMul"), NoAttributes, transposed, keys);
        var weights = Emit("Softmax", ReserveNodeName($"{node}/softmax", "Softmax"), new[] { OnnxAttribute.Int("axis", -1) }, energy);
        var weightsT = Emit("Transpose", ReserveNodeName($"{node}/weights", "Transpose"), swap, weights);
        var attended = Emit("MatMul", ReserveNodeName($"{node}/attend", "MatMul"), NoAttributes, values, weightsT);
        // Back to the input's shape, read from the input itself.
        var shape = Emit("Shape", ReserveNodeName($"{node}/shape", "Shape"), NoAttributes, x);
        var output = Emit("Reshape", ReserveNodeName($"{node}/output", "Reshape"), NoAttributes, attended, shape);
        var gamma = Initializer(attention.gamma, $"{name}.gamma");
        return Add(x, Mul(output, gamma));
    }

    /// <summary>
    /// Adaptive instance norm (<see cref="Networks.AdaptiveInstanceNorm"/>): InstanceNormalization of x, times 1 + γ(w),
    /// plus β(w), where [γ, β] is the layer's style map of the style vector <paramref name="style"/>.
    /// </summary>
    public OnnxValue AdaptiveInstanceNorm(OnnxValue x, OnnxValue style, Networks.AdaptiveInstanceNorm norm, string name)
    {
        ArgumentNullException.ThrowIfNull(norm);
        string node = ReserveNodeName(name, "AdaptiveInstanceNorm");
        long channels = norm.Channels;
        var ones = FloatConstant(node, "scale", System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Repeat(1f, (int)channels)));
        var zeros = FloatConstant(node, "bias", new float[channels]);
        var normalised = Emit("InstanceNormalization", ReserveNodeName($"{node}/norm", "InstanceNormalization"),
            new[] { OnnxAttribute.Float("epsilon", (float)norm.Epsilon) }, x, ones, zeros);
        var affine = Linear(style, norm.Style, $"{name}.style");
        // [N, 2C] → [N, 2C, 1, 1], then γ = the first C channels, β the rest.
        var shaped = Emit("Reshape", ReserveNodeName($"{node}/shape", "Reshape"), NoAttributes, affine, Int64Constant(node, "perchannel", 0, 2 * channels, 1, 1));
        var gamma = Emit("Slice", ReserveNodeName($"{node}/gamma", "Slice"), NoAttributes, shaped,
            Int64Constant($"{node}/gamma", "starts", 0), Int64Constant($"{node}/gamma", "ends", channels), Int64Constant($"{node}/gamma", "axes", 1));
        var beta = Emit("Slice", ReserveNodeName($"{node}/beta", "Slice"), NoAttributes, shaped,
            Int64Constant($"{node}/beta", "starts", channels), Int64Constant($"{node}/beta", "ends", 2 * channels), Int64Constant($"{node}/beta", "axes", 1));
        var scale = Add(gamma, FloatConstant(node, "one", 1f));
        return Add(Mul(normalised, scale), beta);
    }
}
