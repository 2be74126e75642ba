using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// An 8-bit grayscale or RGB PNG encoder (signature, IHDR, one zlib IDAT, IEND), so the server needs no imaging
/// library and its output folder stays free of native code besides ONNX Runtime's.
/// </summary>
public static class PngEncoder
{
    private static readonly uint[] CrcTable = CreateCrcTable();

    /// <summary>Encodes <paramref name="pixels"/> (row-major, <paramref name="channels"/> bytes per pixel: 1 gray, 3 RGB).</summary>
    public static byte[] Encode(byte[] pixels, int width, int height, int channels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "A PNG here is gray (1) or RGB (3).");
        if (pixels.Length != width * height * channels) throw new ArgumentException($"{pixels.Length} bytes for a {width}×{height}×{channels} image.", nameof(pixels));
        using var png = new MemoryStream();
        png.Write(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                                // bits per channel
        header[9] = (byte)(channels == 1 ? 0 : 2);    // colour type: gray or truecolour
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(pixels, width * channels, height));
        WriteChunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    // Every row starts with filter type 0 (none).
    private static byte[] Compress(byte[] pixels, int stride, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int row = 0; row < height; row++)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels, row * stride, stride);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        uint crc = 0xFFFFFFFF;
        foreach (byte value in typeBytes) crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        foreach (byte value in data) crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc ^ 0xFFFFFFFF);
        png.Write(number);
    }

    private static uint[] CreateCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
