using System;
using GanGen.Runtime.Interop.Onnx;

namespace GanGen.Tests.Interop.Onnx;

/// <summary>The wire encoder against the protocol-buffers encoding guide's worked examples and edge cases.</summary>
public sealed class ProtoWriterTests
{
    private static byte[] Encode(Action<ProtoWriter> write)
    {
        var writer = new ProtoWriter();
        write(writer);
        return writer.ToArray();
    }

    [Fact]
    public void VarintFieldsMatchTheGuide()
    {
        // The guide's first example: field 1 = 150 is 08 96 01.
        Assert.Equal(new byte[] { 0x08, 0x96, 0x01 }, Encode(w => w.Int64(1, 150)));
        Assert.Equal(new byte[] { 0x08, 0x00 }, Encode(w => w.Int64(1, 0)));
        // Negative int64/int32 values are sign-extended to ten bytes (not zigzag: that is sint64).
        Assert.Equal(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, Encode(w => w.Int64(1, -1)));
        // Field 20 (AttributeProto.type) needs a two-byte tag: (20 << 3) | 0 = 160.
        Assert.Equal(new byte[] { 0xA0, 0x01, 0x07 }, Encode(w => w.Int64(20, 7)));
    }

    [Fact]
    public void LengthDelimitedFieldsMatchTheGuide()
    {
        // The guide's string example: field 2 = "testing".
        Assert.Equal(new byte[] { 0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6E, 0x67 }, Encode(w => w.String(2, "testing")));
        // The guide's embedded-message example: field 3 holding a message whose field 1 = 150.
        Assert.Equal(new byte[] { 0x1A, 0x03, 0x08, 0x96, 0x01 }, Encode(w => w.Message(3, m => m.Int64(1, 150))));
        // A 300-byte payload has a two-byte length varint (AC 02).
        var encoded = Encode(w => w.Bytes(9, new byte[300]));
        Assert.Equal(new byte[] { 0x4A, 0xAC, 0x02 }, encoded[..3]);
        Assert.Equal(303, encoded.Length);
    }

    [Fact]
    public void FloatsAreLittleEndianFixed32()
    {
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, Encode(w => w.Float(2, 1f)));
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x00, 0xBF }, Encode(w => w.Float(2, -0.5f)));
    }
}
