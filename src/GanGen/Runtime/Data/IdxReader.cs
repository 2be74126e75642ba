using System;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Reads the IDX files MNIST and Fashion-MNIST ship in (big-endian magic 0x00000803 for uint8 images [N, rows, cols],
/// 0x00000801 for uint8 labels [N]), gzip-compressed or plain — recognised by the 1F 8B header, not the file name.
/// Everything the header claims is checked before anything is allocated (<see cref="IdxFile"/>), and the tensor to
/// build against <see cref="InputLimits.MaxTensorBytes"/>. Every problem with a file or an argument is one
/// <see cref="GanInputException"/> naming the file (or the argument); no IO, libtorch or allocation error escapes.
/// </summary>
public static class IdxReader
{
    /// <summary>
    /// Reads images as float32 [N, 1, rows, cols] scaled to <paramref name="range"/> (optionally the first
    /// <paramref name="limit"/>). With <paramref name="expectedShape"/> (a model's [1, H, W] sample shape), images of
    /// another size are refused from the header, before the pixels are decoded.
    /// </summary>
    public static Tensor ReadImages(string path, DataRange range = DataRange.MinusOneToOne, int? limit = null, long[]? expectedShape = null)
    {
        using var file = IdxFile.Open(path, IdxContent.Images, nameof(path));
        CheckImageSize(path, file.Rows, file.Columns, expectedShape);
        return ReadImages(file, range, limit);
    }

    /// <summary>
    /// Reads labels as int64 [N] (optionally the first <paramref name="limit"/>). With <paramref name="classes"/>, every
    /// label must be a class index 0 … classes − 1.
    /// </summary>
    public static Tensor ReadLabels(string path, int? limit = null, int? classes = null)
    {
        RequireClasses(classes);
        using var file = IdxFile.Open(path, IdxContent.Labels, nameof(path));
        return ReadLabels(file, limit, classes);
    }

    /// <summary>
    /// Reads images and labels and checks they describe the same samples — from the two headers, before either is
    /// decoded — and, with <paramref name="classes"/>, that every label is 0 … classes − 1.
    /// </summary>
    public static (Tensor Images, Tensor Labels) ReadPair(string imagesPath, string labelsPath, DataRange range = DataRange.MinusOneToOne, int? limit = null, int? classes = null)
    {
        RequireClasses(classes);
        using var images = IdxFile.Open(imagesPath, IdxContent.Images, nameof(imagesPath));
        using var labels = IdxFile.Open(labelsPath, IdxContent.Labels, nameof(labelsPath));
        if (images.Count != labels.Count)
            throw labels.Problem($"has {labels.Count} labels, but '{imagesPath}' has {images.Count} images; a label file holds exactly one label per image");
        var labelTensor = ReadLabels(labels, limit, classes);
        try
        {
            return (ReadImages(images, range, limit), labelTensor);
        }
        catch
        {
            labelTensor.Dispose();
            throw;
        }
    }

    /// <summary>Positive sizes that match <paramref name="expectedShape"/> ([1, H, W]) when one is given.</summary>
    internal static void CheckImageSize(string path, int rows, int columns, long[]? expectedShape)
    {
        if (expectedShape is null) return;
        if (expectedShape.Length != 3 || expectedShape[0] != 1 || expectedShape[1] != rows || expectedShape[2] != columns)
            throw new GanInputException(path,
                $"holds {rows}×{columns} grayscale images, but the model's samples are [{string.Join(", ", expectedShape)}]; use images of that size (or declare [GanData(1, {rows}, {columns})])");
    }

    private static Tensor ReadImages(IdxFile file, DataRange range, int? limit)
    {
        if (file.Count == 0) throw file.Problem("holds no images (its header declares 0); a dataset needs at least 1");
        int take = Take(file, limit);
        InputLimits.RequireTensorBytes(file.Path, (double)take * file.SampleBytes, $"{take} images of {file.Rows}×{file.Columns}",
            "read fewer (limit) or stream them (StreamingIdxBatches)");
        var pixels = new byte[take * file.SampleBytes];
        file.ReadExactly(pixels);
        file.RequireEnd();
        using var raw = tensor(pixels, new long[] { take, 1, file.Rows, file.Columns });
        using var values = raw.to(float32);
        return range == DataRange.MinusOneToOne
            ? values.div(127.5).sub_(1.0)
            : values.div(255.0);
    }

    private static Tensor ReadLabels(IdxFile file, int? limit, int? classes)
    {
        if (file.Count == 0) throw file.Problem("holds no labels (its header declares 0); a dataset needs at least 1");
        int take = Take(file, limit);
        InputLimits.RequireTensorBytes(file.Path, 2.0 * take, $"{take} int64 labels", "read fewer (limit)");
        var values = new byte[take];
        file.ReadExactly(values);
        file.RequireEnd();
        if (classes is int classCount)
        {
            int at = Array.FindIndex(values, label => label >= classCount);
            if (at >= 0)
                throw file.Problem($"holds label {values[at]} at index {at}; labels are class indices 0 to {classCount - 1} ({classCount} classes)");
        }
        using var raw = tensor(values, new long[] { take });
        return raw.to(int64);
    }

    /// <summary>How many samples to read: all, or the first <paramref name="limit"/> (at least 1).</summary>
    private static int Take(IdxFile file, int? limit)
    {
        if (limit is null) return file.Count;
        if (limit < 1)
            throw new GanInputException(nameof(limit), $"is {limit}; read at least 1 of the {file.Count} {file.Noun} of '{file.Path}', or pass null for all of them");
        return Math.Min(file.Count, limit.Value);
    }

    private static void RequireClasses(int? classes)
    {
        if (classes is < 1 or > 256)
            throw new GanInputException(nameof(classes), $"is {classes}; uint8 labels name 1 to 256 classes (or pass null not to check them)");
    }
}
