using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using GanGen.Runtime.Interop;

namespace GanGen.Tests.Interop;

/// <summary>Each way a safetensors file can be malformed gets its own message naming the file and the problem.</summary>
public sealed class SafeTensorsMalformedTests : TemporaryFolderTests
{
    private const string F32Pair = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    public SafeTensorsMalformedTests() : base("gangen-safetensors-bad") { }

    public static TheoryData<string, byte[], string> Cases() => new()
    {
        { "short file", new byte[5], "it is only 5 bytes long, shorter than the 8-byte header length" },
        { "absurd header length", Prefixed(1UL << 40, "{}", 0), "the header length 1099511627776 exceeds the 100000000-byte limit" },
        { "header past the end", Prefixed(100, "{}", 8), "the header length 100 is larger than the 10 bytes after the length prefix" },
        { "invalid UTF-8", Prefixed(new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, 0), "the header is not valid UTF-8" },
        { "not an object", File("[1,2]", 0), "the header is a JSON array, not an object" },
        { "entry not an object", File("{\"a\":3}", 0), "the entry for tensor 'a' is a JSON number, not an object" },
        { "unknown dtype", File("{\"a\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "tensor 'a' has unknown or unsupported dtype 'Q4' (supported: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)" },
        { "negative dimension", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,-1],\"data_offsets\":[0,8]}}", 8), "tensor 'a' has shape [2,-1], whose dimension 1 is not a non-negative integer" },
        { "fractional dimension", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,8]}}", 8), "tensor 'a' has shape [1.5], whose dimension 0 is not a non-negative integer" },
        { "missing shape", File("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8), "tensor 'a' has no 'shape' array" },
        { "missing dtype", File("{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "tensor 'a' has no string 'dtype'" },
        { "offsets not a pair", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}}", 8), "tensor 'a' has no 'data_offsets' pair of non-negative integers" },
        { "offsets reversed", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8), "tensor 'a' has data_offsets [8, 0], which end before they begin" },
        { "size mismatch", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "tensor 'a' has data_offsets [0, 4] (4 bytes), but F32 with shape [2] needs 8 bytes" },
        { "shape overflow", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8), "tensor 'a' has shape [4294967296,4294967296], too large to address" },
        { "out of range", File(F32Pair, 4), "tensor 'a' has data_offsets [0, 8], beyond the 4 data bytes in the file" },
        { "overlap", File(F32Pair[..^1] + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12), "tensors 'a' [0, 8] and 'b' [4, 12] overlap" },
        { "gap between", File(F32Pair[..^1] + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", 16), "data bytes [8, 12) between tensors 'a' and 'b' belong to no tensor" },
        { "gap before", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "data bytes [0, 4) before tensor 'a' belong to no tensor" },
        { "trailing bytes", File(F32Pair, 11), "3 trailing bytes follow the last tensor's data" },
        { "duplicate name", File(F32Pair[..^1] + ",\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,8]}}", 8), "the name 'a' appears twice in the header" },
        { "metadata not strings", File("{\"__metadata__\":{\"epoch\":3}}", 0), "'__metadata__' entry 'epoch' is a JSON number, not a string" },
        { "bool byte out of range", WithData(File("{\"m\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}}", 3), 1, 0, 2), "BOOL tensor 'm' holds the byte 2 at element 2; only 0 and 1 are valid" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedFileGivesItsOwnMessage(string description, byte[] bytes, string problem)
    {
        string path = PathOf(description.Replace(' ', '-') + ".safetensors");
        System.IO.File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(path));

        Assert.Equal($"'{path}' is not a valid safetensors file: {problem}.", error.Message);
    }

    [Fact]
    public void InvalidJsonNamesTheFileAndWhereTheJsonBreaks()
    {
        string path = PathOf("truncated-json.safetensors");
        System.IO.File.WriteAllBytes(path, File("{\"a\":{\"dtype\":", 0));

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(path));

        Assert.StartsWith($"'{path}' is not a valid safetensors file: the header is not valid JSON (", error.Message);
        Assert.Contains("BytePositionInLine", error.Message);
    }

    private static byte[] File(string header, int dataBytes) => Prefixed(Encoding.UTF8.GetBytes(header), dataBytes);

    private static byte[] Prefixed(byte[] header, int dataBytes) => Prefixed((ulong)header.Length, header, dataBytes);

    private static byte[] Prefixed(ulong declaredLength, string header, int dataBytes) => Prefixed(declaredLength, Encoding.UTF8.GetBytes(header), dataBytes);

    private static byte[] Prefixed(ulong declaredLength, byte[] header, int dataBytes)
    {
        var bytes = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength);
        header.CopyTo(bytes, 8);
        return bytes;
    }

    private static byte[] WithData(byte[] file, params byte[] data)
    {
        data.CopyTo(file, file.Length - data.Length);
        return file;
    }
}
