using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>A node attribute (<c>AttributeProto</c>): a name and one typed value.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
    }

    /// <summary>The attribute's name, e.g. <c>alpha</c> or <c>kernel_shape</c>.</summary>
    public string Name { get; }

    internal OnnxAttributeType Type { get; }
    internal float FloatValue { get; private init; }
    internal long IntValue { get; private init; }
    internal string StringValue { get; private init; } = "";
    internal OnnxTensorData? TensorValue { get; private init; }
    internal IReadOnlyList<float> FloatValues { get; private init; } = Array.Empty<float>();
    internal IReadOnlyList<long> IntValues { get; private init; } = Array.Empty<long>();

    /// <summary>A float attribute (<c>f</c>).</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeType.Float) { FloatValue = value };

    /// <summary>An integer attribute (<c>i</c>).</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeType.Int) { IntValue = value };

    /// <summary>A string attribute (<c>s</c>, UTF-8).</summary>
    public static OnnxAttribute String(string name, string value) =>
        new(name, OnnxAttributeType.String) { StringValue = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>A tensor attribute (<c>t</c>), e.g. the <c>value</c> of a <c>Constant</c> node; the tensor keeps its element type.</summary>
    public static OnnxAttribute Tensor(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxAttributeType.Tensor) { TensorValue = OnnxTensorData.FromTensor("", value) };
    }

    /// <summary>A list-of-floats attribute (<c>floats</c>).</summary>
    public static OnnxAttribute Floats(string name, params float[] values) =>
        new(name, OnnxAttributeType.Floats) { FloatValues = (float[])values.Clone() };

    /// <summary>A list-of-integers attribute (<c>ints</c>), e.g. <c>strides</c>.</summary>
    public static OnnxAttribute Ints(string name, params long[] values) =>
        new(name, OnnxAttributeType.Ints) { IntValues = (long[])values.Clone() };
}

/// <summary><c>AttributeProto.AttributeType</c> values for the kinds <see cref="OnnxAttribute"/> can hold.</summary>
internal enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Floats = 6,
    Ints = 7,
}
