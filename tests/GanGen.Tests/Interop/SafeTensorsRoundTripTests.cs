using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Runtime.Interop;
using TorchSharp;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>Writing then reading safetensors reproduces every supported dtype bit for bit, metadata included.</summary>
public sealed class SafeTensorsRoundTripTests : TemporaryFolderTests
{
    public SafeTensorsRoundTripTests() : base("gangen-safetensors") { }

    public static TheoryData<ScalarType> SupportedTypes()
    {
        var data = new TheoryData<ScalarType>();
        foreach (var type in SafeTensorsDType.SupportedTypes) data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(SupportedTypes))]
    public void EveryDtypeRoundTripsBitForBit(ScalarType type)
    {
        // Random bytes rather than random values: float types then carry NaN payloads, infinities and subnormals too.
        using var matrix = RandomBits(type, new long[] { 3, 5 }, seed: 1);
        using var scalar = RandomBits(type, Array.Empty<long>(), seed: 2);
        using var emptyRows = empty(new long[] { 0, 4 }, dtype: type);
        string path = PathOf($"{type}.safetensors");

        SafeTensors.WriteBits(path, new Dictionary<string, Tensor> { ["matrix"] = matrix, ["scalar"] = scalar, ["empty"] = emptyRows });

        using var file = SafeTensors.Read(path);
        Assert.Equal(new[] { "empty", "matrix", "scalar" }, file.Names);
        AssertBitEqual(matrix, file.Tensors["matrix"]);
        AssertBitEqual(scalar, file.Tensors["scalar"]);
        AssertBitEqual(emptyRows, file.Tensors["empty"]);
    }

    [Fact]
    public void NonContiguousTensorsAreWrittenInLogicalOrder()
    {
        using var source = arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var transposed = source.t();
        string path = PathOf("transposed.safetensors");

        SafeTensors.Write(path, new Dictionary<string, Tensor> { ["t"] = transposed });

        using var file = SafeTensors.Read(path);
        Assert.Equal(new long[] { 3, 2 }, file.Tensors["t"].shape);
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5 }, file.Tensors["t"].data<float>().ToArray());
    }

    [Fact]
    public void MetadataRoundTrips()
    {
        using var weight = ones(2);
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["gan"] = "Fashion DCGAN – générateur" };
        string path = PathOf("metadata.safetensors");

        SafeTensors.Write(path, new Dictionary<string, Tensor> { ["w"] = weight }, metadata);

        using var file = SafeTensors.Read(path);
        Assert.Equal(metadata.OrderBy(pair => pair.Key), file.Metadata.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void EqualContentGivesEqualFilesWhateverTheInsertionOrder()
    {
        using var a = arange(4, dtype: ScalarType.Int64);
        using var b = ones(3, dtype: ScalarType.Float16);
        string first = PathOf("first.safetensors"), second = PathOf("second.safetensors");

        SafeTensors.Write(first, new Dictionary<string, Tensor> { ["a"] = a, ["b"] = b });
        SafeTensors.Write(second, new Dictionary<string, Tensor> { ["b"] = b, ["a"] = a });

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    private static Tensor RandomBits(ScalarType type, long[] shape, int seed)
    {
        var tensor = empty(shape, dtype: type);
        var random = new Random(seed);
        var bytes = tensor.bytes;
        random.NextBytes(bytes);
        // A bool byte other than 0 or 1 is not a valid value (the reader rejects it), so draw bits for bools.
        if (type == ScalarType.Bool)
            for (int i = 0; i < bytes.Length; i++) bytes[i] &= 1;
        return tensor;
    }

    private static void AssertBitEqual(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(DeviceType.CPU, actual.device_type);
        Assert.Equal(expected.bytes.ToArray(), actual.bytes.ToArray());
    }
}
