using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace GanGen.Runtime.Interop.Onnx;

/// <summary>
/// The protocol-buffers wire encoding for the few field kinds onnx.proto needs: varints (int32, int64, enums),
/// fixed32 floats, and length-delimited strings, bytes and nested messages. Repeated scalars are written unpacked
/// (one tag per element), proto2's default and what onnx.proto declares; every protobuf parser accepts it.
/// </summary>
internal sealed class ProtoWriter
{
    private const int VarintWire = 0;
    private const int LengthDelimitedWire = 2;
    private const int Fixed32Wire = 5;

    private readonly MemoryStream _buffer = new();

    /// <summary>Bytes written so far.</summary>
    public long Length => _buffer.Length;

    /// <summary>A varint field. Negative values take ten bytes (two's complement), as protobuf's int32 and int64 do.</summary>
    public void Int64(int field, long value)
    {
        Tag(field, VarintWire);
        Varint(unchecked((ulong)value));
    }

    /// <summary>A fixed32 field holding a little-endian IEEE-754 float.</summary>
    public void Float(int field, float value)
    {
        Tag(field, Fixed32Wire);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    /// <summary>A length-delimited field of raw bytes.</summary>
    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimitedWire);
        Varint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>A length-delimited UTF-8 string field.</summary>
    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A nested message field: <paramref name="write"/> fills the message, which is then length-prefixed.</summary>
    public void Message(int field, Action<ProtoWriter> write)
    {
        var nested = new ProtoWriter();
        write(nested);
        Tag(field, LengthDelimitedWire);
        Varint((ulong)nested.Length);
        nested._buffer.Position = 0;
        nested._buffer.CopyTo(_buffer);
    }

    /// <summary>The encoded message.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        // Seven bits per byte, least significant group first; the high bit marks "more bytes follow".
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
