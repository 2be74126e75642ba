using System;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>A <c>TensorProto</c>'s content: name, dims, element type and little-endian <c>raw_data</c>.</summary>
internal sealed class OnnxTensorData
{
    private OnnxTensorData(string name, long[] dims, OnnxDataType dataType, byte[] rawData)
    {
        Name = name;
        Dims = dims;
        DataType = dataType;
        RawData = rawData;
    }

    public string Name { get; }
    public long[] Dims { get; }
    public OnnxDataType DataType { get; }
    public byte[] RawData { get; }

    /// <summary>A snapshot of <paramref name="tensor"/>'s values, converted to <paramref name="convertTo"/> when given.</summary>
    public static OnnxTensorData FromTensor(string name, Tensor tensor, ScalarType? convertTo = null)
    {
        LittleEndianHost.Require("ONNX");
        // The scope frees the detached/converted temporaries; the caller's tensor was made outside it and survives.
        using var scope = NewDisposeScope();
        var snapshot = tensor.detach().cpu();
        if (convertTo is { } type && snapshot.dtype != type) snapshot = snapshot.to_type(type);
        snapshot = snapshot.contiguous();
        return new OnnxTensorData(name, snapshot.shape, TypeOf(snapshot.dtype), snapshot.bytes.ToArray());
    }

    /// <summary>An int64 tensor of <paramref name="values"/> with shape <paramref name="dims"/>.</summary>
    public static OnnxTensorData Int64(string name, long[] dims, ReadOnlySpan<long> values) =>
        new(name, dims, OnnxDataType.Int64, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>A float tensor of <paramref name="values"/> with shape <paramref name="dims"/>.</summary>
    public static OnnxTensorData Float(string name, long[] dims, ReadOnlySpan<float> values) =>
        new(name, dims, OnnxDataType.Float, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>The ONNX element type holding TorchSharp's <paramref name="type"/> unchanged.</summary>
    public static OnnxDataType TypeOf(ScalarType type) => type switch
    {
        ScalarType.Float32 => OnnxDataType.Float,
        ScalarType.Float64 => OnnxDataType.Double,
        ScalarType.Float16 => OnnxDataType.Float16,
        ScalarType.BFloat16 => OnnxDataType.BFloat16,
        ScalarType.Int64 => OnnxDataType.Int64,
        ScalarType.Int32 => OnnxDataType.Int32,
        ScalarType.Int16 => OnnxDataType.Int16,
        ScalarType.Int8 => OnnxDataType.Int8,
        ScalarType.Byte => OnnxDataType.UInt8,
        ScalarType.Bool => OnnxDataType.Bool,
        _ => throw new NotSupportedException($"TorchSharp element type {type} has no ONNX counterpart GanGen writes."),
    };
}
