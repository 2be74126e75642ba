using System;
using System.Text;
using static TorchSharp.torch;

namespace GanGen.Runtime.Checkpoints;

/// <summary>
/// The byte layout of a <see cref="TensorArchive"/>, format 2 (all integers little-endian):
/// <c>"GGCKPT02"</c>, the file's total length (int64), the payload, <c>"GGCKEND2"</c>, and the SHA-256 of every byte
/// before it (32 bytes). Payload: metadata count (int32), that many key/value strings, tensor count (int32), then per
/// tensor its name, dtype code (int32), rank (int32), dimensions (int64 each), byte length (int64) and raw bytes.
/// Strings are UTF-8 with a 7-bit-encoded length prefix (<see cref="System.IO.BinaryWriter"/>'s encoding).
/// </summary>
internal static class ArchiveFormat
{
    public static readonly byte[] Magic = Encoding.ASCII.GetBytes("GGCKPT02");
    public static readonly byte[] Trailer = Encoding.ASCII.GetBytes("GGCKEND2");

    /// <summary>Format 1 (no length, no checksum), written by GanGen before checksums.</summary>
    public static readonly byte[] LegacyMagic = Encoding.ASCII.GetBytes("GGCKPT01");

    /// <summary>What every archive magic starts with, whatever its format version.</summary>
    public static readonly byte[] MagicPrefix = Encoding.ASCII.GetBytes("GGCKPT");

    /// <summary>Magic plus the declared file length.</summary>
    public const int HeaderLength = 16;

    /// <summary>SHA-256.</summary>
    public const int ChecksumLength = 32;

    /// <summary>Dimensions a tensor may have; far above any model's, low enough that a corrupt rank cannot allocate much.</summary>
    public const int MaxRank = 16;

    /// <summary>The smallest possible file: header, two empty counts, end marker and checksum.</summary>
    public static long MinimumLength => HeaderLength + 4 + 4 + Trailer.Length + ChecksumLength;

    /// <summary>Bytes per element of the dtypes an archive may hold, or 0 for a code that is not one of them.</summary>
    public static int ElementSize(int code) => (ScalarType)code switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => 0,
    };

    /// <summary>Bytes <paramref name="text"/> takes as a length-prefixed UTF-8 string.</summary>
    public static long StringLength(string text)
    {
        int bytes = Encoding.UTF8.GetByteCount(text);
        return PrefixLength(bytes) + bytes;
    }

    private static int PrefixLength(int value)
    {
        int length = 1;
        for (uint rest = (uint)value >> 7; rest != 0; rest >>= 7) length++;
        return length;
    }

    /// <summary>"[2, 3]" for error messages.</summary>
    public static string ShapeText(ReadOnlySpan<long> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++) text.Append(i == 0 ? "" : ", ").Append(shape[i]);
        return text.Append(']').ToString();
    }
}
