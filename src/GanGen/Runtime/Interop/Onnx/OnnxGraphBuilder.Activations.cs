using System;

namespace GanGen.Runtime.Interop.Onnx;

// Element-wise activations, and Dropout (the identity at inference).
public sealed partial class OnnxGraphBuilder
{
    /// <summary>max(0, x).</summary>
    public OnnxValue Relu(OnnxValue x, string? name = null) => Emit("Relu", ReserveNodeName(name, "Relu"), NoAttributes, x);

    /// <summary>max(0, x) + slope·min(0, x); PyTorch's default slope is 0.01.</summary>
    public OnnxValue LeakyRelu(OnnxValue x, double slope = 0.01, string? name = null) =>
        Emit("LeakyRelu", ReserveNodeName(name, "LeakyRelu"), new[] { OnnxAttribute.Float("alpha", (float)slope) }, x);

    /// <summary>Hyperbolic tangent.</summary>
    public OnnxValue Tanh(OnnxValue x, string? name = null) => Emit("Tanh", ReserveNodeName(name, "Tanh"), NoAttributes, x);

    /// <summary>Logistic sigmoid.</summary>
    public OnnxValue Sigmoid(OnnxValue x, string? name = null) => Emit("Sigmoid", ReserveNodeName(name, "Sigmoid"), NoAttributes, x);

    /// <summary>x for x &gt; 0, else α·(eˣ − 1).</summary>
    public OnnxValue Elu(OnnxValue x, double alpha = 1.0, string? name = null) =>
        Emit("Elu", ReserveNodeName(name, "Elu"), new[] { OnnxAttribute.Float("alpha", (float)alpha) }, x);

    /// <summary>
    /// The exact (erf) GELU, 0.5·x·(1 + erf(x/√2)), PyTorch's default. Opset 17 has no <c>Gelu</c> operator (it
    /// arrived in opset 20), so it is composed from Mul, Erf and Add; ONNX Runtime fuses the pattern back into one kernel.
    /// </summary>
    public OnnxValue Gelu(OnnxValue x, string? name = null)
    {
        string node = ReserveNodeName(name, "Gelu");
        // x·(1/√2) rather than x/√2: the same product PyTorch's CPU kernel forms (M_SQRT1_2).
        var scaled = Emit("Mul", ReserveNodeName($"{node}/scale", "Mul"), NoAttributes, x, FloatScalar((float)(1 / Math.Sqrt(2))));
        var erf = Emit("Erf", ReserveNodeName($"{node}/erf", "Erf"), NoAttributes, scaled);
        var onePlus = Emit("Add", ReserveNodeName($"{node}/add", "Add"), NoAttributes, erf, FloatScalar(1f));
        var product = Emit("Mul", ReserveNodeName($"{node}/mul", "Mul"), NoAttributes, x, onePlus);
        return Emit("Mul", node, NoAttributes, product, FloatScalar(0.5f));
    }

    /// <summary>SiLU (swish), x·σ(x), as Sigmoid then Mul.</summary>
    public OnnxValue Silu(OnnxValue x, string? name = null)
    {
        string node = ReserveNodeName(name, "Silu");
        var sigmoid = Emit("Sigmoid", ReserveNodeName($"{node}/sigmoid", "Sigmoid"), NoAttributes, x);
        return Emit("Mul", node, NoAttributes, x, sigmoid);
    }

    /// <summary>
    /// Dropout at inference is the identity, so nothing is emitted and <paramref name="x"/> is returned: exported
    /// models are for sampling, never training.
    /// </summary>
    public OnnxValue Dropout(OnnxValue x)
    {
        Use(x);
        return x;
    }
}
