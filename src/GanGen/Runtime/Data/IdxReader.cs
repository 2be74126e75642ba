using System;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Reads the IDX files MNIST and Fashion-MNIST ship in (big-endian magic 0x00000803 for uint8 images [N, rows, cols],
/// 0x00000801 for uint8 labels [N]), gzip-compressed or plain — recognised by the 1F 8B header, not the file name.
/// Every problem is reported as an <see cref="InvalidDataException"/> naming the file; no libtorch shape error escapes.
/// </summary>
public static class IdxReader
{
    private const int ImageMagic = 0x00000803;
    private const int LabelMagic = 0x00000801;

    /// <summary>
    /// Reads images as float32 [N, 1, rows, cols] scaled to <paramref name="range"/> (optionally the first
    /// <paramref name="limit"/>). With <paramref name="expectedShape"/> (a model's [1, H, W] sample shape), images of
    /// another size are refused from the header, before the pixels are decoded.
    /// </summary>
    public static Tensor ReadImages(string path, DataRange range = DataRange.MinusOneToOne, int? limit = null, long[]? expectedShape = null)
    {
        var bytes = ReadAll(path);
        int count = Header(bytes, path, ImageMagic, dimensions: 3, out int[] sizes);
        int rows = sizes[1], columns = sizes[2];
        CheckImageSize(path, rows, columns, expectedShape);
        int take = limit is null ? count : Math.Min(count, Math.Max(0, limit.Value));
        long needed = 16L + (long)count * rows * columns;
        if (bytes.Length < needed)
            throw new InvalidDataException($"'{path}' is truncated: {count} images of {rows}×{columns} need {needed} bytes, but the file has {bytes.Length}.");
        if (take == 0) throw new InvalidDataException($"'{path}' holds no images to read.");
        using var raw = tensor(new ReadOnlySpan<byte>(bytes, 16, take * rows * columns).ToArray(), new long[] { take, 1, rows, columns });
        using var values = raw.to(float32);
        return range == DataRange.MinusOneToOne
            ? values.div(127.5).sub_(1.0)
            : values.div(255.0);
    }

    /// <summary>Reads labels as int64 [N] (optionally the first <paramref name="limit"/>).</summary>
    public static Tensor ReadLabels(string path, int? limit = null)
    {
        var bytes = ReadAll(path);
        int count = Header(bytes, path, LabelMagic, dimensions: 1, out _);
        if (bytes.Length < 8L + count)
            throw new InvalidDataException($"'{path}' is truncated: {count} labels need {8L + count} bytes, but the file has {bytes.Length}.");
        int take = limit is null ? count : Math.Min(count, Math.Max(0, limit.Value));
        using var raw = tensor(new ReadOnlySpan<byte>(bytes, 8, take).ToArray(), new long[] { take });
        return raw.to(int64);
    }

    /// <summary>Reads images and labels and checks they describe the same samples.</summary>
    public static (Tensor Images, Tensor Labels) ReadPair(string imagesPath, string labelsPath, DataRange range = DataRange.MinusOneToOne, int? limit = null)
    {
        var images = ReadImages(imagesPath, range, limit);
        var labels = ReadLabels(labelsPath, limit);
        if (images.size(0) != labels.size(0))
        {
            long imageCount = images.size(0), labelCount = labels.size(0);
            images.Dispose();
            labels.Dispose();
            throw new InvalidDataException($"'{imagesPath}' has {imageCount} images but '{labelsPath}' has {labelCount} labels.");
        }
        return (images, labels);
    }

    private static byte[] ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new InvalidDataException($"'{path}' is empty.");
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            try
            {
                using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                bytes = output.ToArray();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"'{path}' starts like gzip but does not decompress: {e.Message}", e);
            }
        }
        return bytes;
    }

    private static int Header(byte[] bytes, string path, int magic, int dimensions, out int[] sizes)
    {
        int headerLength = 4 + 4 * dimensions;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"'{path}' is truncated: its {bytes.Length} bytes do not hold the {headerLength}-byte IDX header.");
        int actual = BigEndian(bytes, 0);
        if (actual != magic)
            throw new InvalidDataException($"'{path}' has magic number 0x{actual:X8}, expected 0x{magic:X8} ({(magic == ImageMagic ? "uint8 images" : "uint8 labels")}).");
        sizes = new int[dimensions];
        for (int i = 0; i < dimensions; i++) sizes[i] = BigEndian(bytes, 4 + 4 * i);
        if (sizes[0] < 0) throw new InvalidDataException($"'{path}' declares a negative sample count {sizes[0]}.");
        return sizes[0];
    }

    /// <summary>Positive sizes that match <paramref name="expectedShape"/> ([1, H, W]) when one is given.</summary>
    internal static void CheckImageSize(string path, int rows, int columns, long[]? expectedShape)
    {
        if (rows < 1 || columns < 1) throw new InvalidDataException($"'{path}' declares {rows}×{columns} images; both sizes must be positive.");
        if (expectedShape is null) return;
        if (expectedShape.Length != 3 || expectedShape[0] != 1 || expectedShape[1] != rows || expectedShape[2] != columns)
            throw new InvalidDataException(
                $"'{path}' holds {rows}×{columns} grayscale images, but the model's samples are [{string.Join(", ", expectedShape)}]; use images of that size (or declare [GanData(1, {rows}, {columns})]).");
    }

    internal static int BigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
