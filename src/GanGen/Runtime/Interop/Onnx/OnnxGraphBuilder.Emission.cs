using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop.Onnx;

// The plumbing every operation method uses: naming, value ids, nodes, parameters and constants.
public sealed partial class OnnxGraphBuilder
{
    private static readonly OnnxAttribute[] NoAttributes = Array.Empty<OnnxAttribute>();

    /// <summary>Adds a node whose single output is named after the node, and returns that output.</summary>
    private OnnxValue Emit(string opType, string nodeName, IReadOnlyList<OnnxAttribute> attributes, params OnnxValue?[] inputs)
    {
        var ids = new int[inputs.Length];
        for (int i = 0; i < inputs.Length; i++) ids[i] = inputs[i] is { } input ? Use(input) : OnnxNode.Absent;
        string outputName = _usedValueNames.Contains(nodeName) ? NextName(nodeName) : nodeName;
        var output = NewValue(ReserveValueName(outputName));
        _nodes.Add(new OnnxNode(nodeName, opType, ids, new[] { output.Id }, attributes));
        return output;
    }

    /// <summary>A float32 initializer named <c>node.role</c> (e.g. <c>Hidden1.weight</c>), as PyTorch names parameters.</summary>
    private OnnxValue Parameter(Tensor tensor, string nodeName, string role) =>
        AddInitializer(OnnxTensorData.FromTensor(ReserveValueName($"{nodeName}.{role}"), tensor, ScalarType.Float32));

    /// <summary>A 1-D int64 initializer, e.g. a target shape.</summary>
    private OnnxValue Int64Constant(string nodeName, string role, params long[] values) =>
        AddInitializer(OnnxTensorData.Int64(ReserveValueName($"{nodeName}.{role}"), new long[] { values.Length }, values));

    /// <summary>A 1-D float initializer, e.g. Resize's scales.</summary>
    private OnnxValue FloatConstant(string nodeName, string role, params float[] values) =>
        AddInitializer(OnnxTensorData.Float(ReserveValueName($"{nodeName}.{role}"), new long[] { values.Length }, values));

    /// <summary>A scalar float initializer, shared by every use of the same value.</summary>
    private OnnxValue FloatScalar(float value)
    {
        int bits = BitConverter.SingleToInt32Bits(value);
        if (_floatScalars.TryGetValue(bits, out var existing)) return existing;
        var scalar = AddInitializer(OnnxTensorData.Float(ReserveValueName(NextName("Scalar")), Array.Empty<long>(), new[] { value }));
        _floatScalars.Add(bits, scalar);
        return scalar;
    }

    private OnnxValue AddInitializer(OnnxTensorData data)
    {
        var value = NewValue(data.Name);
        _namedByCaller.Add(value.Id);
        _initializers.Add(data);
        return value;
    }

    /// <summary>Reserves <paramref name="requested"/> as a node name, or a fresh <c>opType_k</c> when it is null.</summary>
    private string ReserveNodeName(string? requested, string opType)
    {
        string name = requested ?? NextName(opType);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_usedNodeNames.Add(name)) throw NameTaken(name);
        return name;
    }

    private string ReserveValueName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_usedValueNames.Add(name)) throw NameTaken(name);
        return name;
    }

    /// <summary><c>prefix_k</c> for the first k free as both a node and a value name.</summary>
    private string NextName(string prefix)
    {
        string name;
        do name = $"{prefix}_{_counter++}";
        while (_usedNodeNames.Contains(name) || _usedValueNames.Contains(name));
        return name;
    }

    private OnnxValue NewValue(string name)
    {
        _valueNames.Add(name);
        return new OnnxValue(this, _valueNames.Count - 1);
    }

    private int Use(OnnxValue value)
    {
        if (!ReferenceEquals(value.Graph, this))
            throw new ArgumentException(value.Graph is null
                ? "The OnnxValue is default; use a value returned by this graph's methods."
                : $"The OnnxValue '{value.Graph.NameOf(value)}' belongs to graph '{value.Graph.GraphName}', not '{GraphName}'.", nameof(value));
        return value.Id;
    }

    private static ArgumentException NameTaken(string name) => new($"The name '{name}' is already used in this graph.");
}
