using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GanGen.Runtime.Interop;
using static TorchSharp.torch;

namespace GanGen.Tests.Interop;

/// <summary>The bytes on disk follow the safetensors specification, checked against hand-written layouts.</summary>
public sealed class SafeTensorsLayoutTests : TemporaryFolderTests
{
    // A 2×2 F32 tensor [[1, 2], [-0.5, 3.25]] as the specification lays it out: the header length 64 as a
    // little-endian u64, 57 bytes of JSON padded with 7 spaces to 64 (so data starts at byte 72, a multiple of 8),
    // then four little-endian IEEE-754 floats.
    private static readonly byte[] TwoByTwoF32 =
        new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0 }
            .Concat(Encoding.ASCII.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}       "))
            .Concat(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0xBF, 0x00, 0x00, 0x50, 0x40 })
            .ToArray();

    public SafeTensorsLayoutTests() : base("gangen-safetensors-layout") { }

    [Fact]
    public void HandWrittenTwoByTwoF32IsRead()
    {
        string path = PathOf("spec.safetensors");
        File.WriteAllBytes(path, TwoByTwoF32);

        using var file = SafeTensors.Read(path);

        var w = Assert.Single(file.Tensors).Value;
        Assert.Equal(ScalarType.Float32, w.dtype);
        Assert.Equal(new long[] { 2, 2 }, w.shape);
        Assert.Equal(new[] { 1f, 2f, -0.5f, 3.25f }, w.data<float>().ToArray());
        Assert.Empty(file.Metadata);
    }

    [Fact]
    public void WriterProducesTheHandWrittenBytesExactly()
    {
        using var w = tensor(new[] { 1f, 2f, -0.5f, 3.25f }).reshape(2, 2);
        string path = PathOf("written.safetensors");

        SafeTensors.Write(path, new Dictionary<string, Tensor> { ["w"] = w });

        Assert.Equal(TwoByTwoF32, File.ReadAllBytes(path));
    }

    [Fact]
    public void ForeignLayoutWithSpacesUnsortedEntriesAndUnalignedDataIsRead()
    {
        // Another producer's header: spaces inside the JSON, metadata in the middle, entries not in data order, and
        // a header length that leaves the data unaligned, which the format allows.
        string json = "{\"mask\": {\"dtype\": \"BOOL\", \"shape\": [3], \"data_offsets\": [16, 19]}, \"__metadata__\": {\"format\": \"pt\"}, "
            + "\"ids\": {\"dtype\": \"I64\", \"shape\": [2], \"data_offsets\": [0, 16]}}";
        var header = Encoding.UTF8.GetBytes(json);
        Assert.NotEqual(0, (8 + header.Length) % 8);
        var bytes = new byte[8 + header.Length + 19];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 + header.Length), 7);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 + header.Length + 8), -3);
        bytes[^3] = 1;
        bytes[^1] = 1;
        string path = PathOf("foreign.safetensors");
        File.WriteAllBytes(path, bytes);

        using var file = SafeTensors.Read(path);

        Assert.Equal(new[] { "mask", "ids" }, file.Names);
        Assert.Equal(new long[] { 7, -3 }, file.Tensors["ids"].data<long>().ToArray());
        Assert.Equal(new[] { true, false, true }, file.Tensors["mask"].data<bool>().ToArray());
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void HeaderIsAlignedAndOffsetsAreContiguousInNameOrder()
    {
        using var a = ones(3, dtype: ScalarType.Int8);
        using var b = ones(new long[] { 2, 3 }, dtype: ScalarType.Float64);
        using var c = ones(5, dtype: ScalarType.BFloat16);
        string path = PathOf("aligned.safetensors");
        SafeTensors.Write(path, new Dictionary<string, Tensor> { ["c"] = c, ["a"] = a, ["b"] = b }, new Dictionary<string, string> { ["k"] = "v" });

        var bytes = File.ReadAllBytes(path);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, (8 + headerLength) % 8);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        string padding = header[(header.LastIndexOf('}') + 1)..];
        Assert.True(padding.Length < 8 && padding.All(ch => ch == ' '), $"padding '{padding}' must be fewer than 8 spaces");

        using var json = JsonDocument.Parse(header);
        var tensors = json.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
        Assert.Equal(new[] { "a", "b", "c" }, tensors.Select(p => p.Name));
        long position = 0;
        foreach (var entry in tensors)
        {
            var offsets = entry.Value.GetProperty("data_offsets");
            Assert.Equal(position, offsets[0].GetInt64());
            position = offsets[1].GetInt64();
        }
        Assert.Equal(3 * 1 + 6 * 8 + 5 * 2, position);
        Assert.Equal(bytes.Length, 8 + headerLength + position);
    }

    [Fact]
    public void FailedWriteLeavesNoTemporaryFile()
    {
        // A folder in the way is refused before the temporary file is begun (renaming over it would fail only after
        // the temporary file is complete: the worst moment to leave debris).
        string target = PathOf("occupied");
        Directory.CreateDirectory(target);
        using var w = ones(2);

        var error = Assert.Throws<GanGen.Runtime.GanInputException>(() => SafeTensors.Write(target, new Dictionary<string, Tensor> { ["w"] = w }));
        Assert.Contains("is a folder", error.Message);

        Assert.Equal(new[] { target }, Directory.GetFileSystemEntries(FolderPath));
    }

    [Fact]
    public void UnsupportedDtypeLeavesTheExistingFileUntouched()
    {
        string path = PathOf("kept.safetensors");
        File.WriteAllBytes(path, TwoByTwoF32);
        using var complexValues = ones(2, dtype: ScalarType.ComplexFloat32);

        var error = Assert.Throws<NotSupportedException>(() => SafeTensors.Write(path, new Dictionary<string, Tensor> { ["z"] = complexValues }));

        Assert.Contains("ComplexFloat32 has no safetensors dtype", error.Message);
        Assert.Equal(TwoByTwoF32, File.ReadAllBytes(path));
    }
}
