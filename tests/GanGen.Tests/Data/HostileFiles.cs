using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace GanGen.Tests.Data;

/// <summary>Bytes of hostile files: IDX headers that claim what they do not hold, PNG and JPEG headers that claim huge sizes.</summary>
internal static class HostileFiles
{
    public const int ImageMagic = 0x00000803, LabelMagic = 0x00000801;

    /// <summary>An IDX header with <paramref name="sizes"/> (unsigned) and then <paramref name="payload"/> bytes of data.</summary>
    public static byte[] Idx(int magic, uint[] sizes, int payload)
    {
        var bytes = new byte[4 + 4 * sizes.Length + payload];
        BigEndian(bytes, 0, (uint)magic);
        for (int i = 0; i < sizes.Length; i++) BigEndian(bytes, 4 + 4 * i, sizes[i]);
        for (int i = 4 + 4 * sizes.Length; i < bytes.Length; i++) bytes[i] = (byte)(i % 7);
        return bytes;
    }

    /// <summary>A complete image file of <paramref name="count"/> images of rows×columns.</summary>
    public static byte[] Images(uint count, uint rows, uint columns) => Idx(ImageMagic, new[] { count, rows, columns }, (int)(count * rows * columns));

    /// <summary>A complete label file holding <paramref name="labels"/>.</summary>
    public static byte[] Labels(params byte[] labels)
    {
        var bytes = Idx(LabelMagic, new[] { (uint)labels.Length }, 0);
        Array.Resize(ref bytes, bytes.Length + labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var compressed = new GZipStream(output, CompressionLevel.Fastest)) compressed.Write(bytes);
        return output.ToArray();
    }

    /// <summary>
    /// A valid-looking PNG of exactly <paramref name="length"/> bytes whose IHDR claims width×height RGB pixels: the
    /// signature, IHDR, a small IDAT, a tEXt chunk padding to the length, IEND — every chunk with its right CRC.
    /// </summary>
    public static byte[] Png(uint width, uint height, int length = 120)
    {
        var ihdr = new byte[13];
        BigEndian(ihdr, 0, width);
        BigEndian(ihdr, 4, height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        using var zlib = new MemoryStream();
        using (var deflate = new ZLibStream(zlib, CompressionLevel.Fastest)) deflate.Write(new byte[64]);
        var idat = zlib.ToArray();
        int fixedLength = 8 + (12 + 13) + (12 + idat.Length) + 12 + 12;
        var text = Encoding.ASCII.GetBytes("pad\0" + new string('x', Math.Max(0, length - fixedLength - 4)));
        using var png = new MemoryStream();
        png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "tEXt", text);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    /// <summary>A real width×height JPEG or PNG encoded by SkiaSharp.</summary>
    public static byte[] Encoded(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) bitmap.SetPixel(x, y, new SKColor((byte)(x * 16), (byte)(y * 16), 128));
        using var data = bitmap.Encode(format, 90) ?? throw new InvalidOperationException($"SkiaSharp cannot encode {format} here");
        return data.ToArray();
    }

    /// <summary>A real small JPEG whose start-of-frame marker is edited to claim width×height pixels.</summary>
    public static byte[] JpegClaiming(ushort width, ushort height)
    {
        var bytes = Encoded(16, 16, SKEncodedImageFormat.Jpeg);
        for (int i = 2; i + 8 < bytes.Length; i++)
        {
            if (bytes[i] != 0xFF || bytes[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            // FF Cn, length (2), precision (1), height (2), width (2)
            bytes[i + 5] = (byte)(height >> 8);
            bytes[i + 6] = (byte)height;
            bytes[i + 7] = (byte)(width >> 8);
            bytes[i + 8] = (byte)width;
            return bytes;
        }
        throw new InvalidOperationException("SkiaSharp's JPEG has no start-of-frame marker");
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[4];
        BigEndian(header, 0, (uint)data.Length);
        png.Write(header);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BigEndian(header, 0, Crc32(typed));
        png.Write(header);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void BigEndian(byte[] bytes, int offset, uint value)
    {
        bytes[offset] = (byte)(value >> 24);
        bytes[offset + 1] = (byte)(value >> 16);
        bytes[offset + 2] = (byte)(value >> 8);
        bytes[offset + 3] = (byte)value;
    }
}
