using System;

namespace GanGen.Runtime.Interop.Onnx;

// Element-wise arithmetic (with NumPy broadcasting) and reductions.
public sealed partial class OnnxGraphBuilder
{
    /// <summary>a + b, broadcasting.</summary>
    public OnnxValue Add(OnnxValue a, OnnxValue b, string? name = null) => Emit("Add", ReserveNodeName(name, "Add"), NoAttributes, a, b);

    /// <summary>a · b element-wise, broadcasting.</summary>
    public OnnxValue Mul(OnnxValue a, OnnxValue b, string? name = null) => Emit("Mul", ReserveNodeName(name, "Mul"), NoAttributes, a, b);

    /// <summary>x · <paramref name="factor"/>, the factor a float constant.</summary>
    public OnnxValue Scale(OnnxValue x, double factor, string? name = null)
    {
        using var constant = TorchSharp.torch.tensor(new[] { (float)factor });
        return Mul(x, Initializer(constant), name);
    }

    /// <summary>
    /// The mean over <paramref name="axes"/> (negative counts from the end), keeping them as size 1 when
    /// <paramref name="keepDims"/>. In opset 17 the axes are an attribute (opset 18 moved them to an input).
    /// </summary>
    public OnnxValue ReduceMean(OnnxValue x, long[] axes, bool keepDims = true, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length == 0) throw new ArgumentException("Name at least one axis; ReduceMean with no axes would reduce everything.", nameof(axes));
        var attributes = new[] { OnnxAttribute.Ints("axes", axes), OnnxAttribute.Int("keepdims", keepDims ? 1 : 0) };
        return Emit("ReduceMean", ReserveNodeName(name, "ReduceMean"), attributes, x);
    }
}
