using System;
using System.Collections.Generic;
using System.IO;
using SkiaSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Data;

/// <summary>
/// Loads a folder of PNG/JPEG images (sorted by file name, so runs are reproducible) into one tensor
/// [N, C, H, W] mapped to the declared sample shape: each image is center-cropped to the target aspect ratio and
/// resized in one high-quality draw, converted to grayscale (Rec. 601 luma) or RGB, and scaled to the data range.
/// Decoding uses SkiaSharp; applications reference the native assets for their platform.
/// </summary>
public static class ImageFolderReader
{
    private static readonly string[] Extensions = { ".png", ".jpg", ".jpeg" };

    /// <summary>The PNG and JPEG files directly in <paramref name="folder"/>, sorted by name (empty when there are none).</summary>
    public static IReadOnlyList<string> ImageFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var files = new List<string>();
        if (!Directory.Exists(folder)) return files;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Array.IndexOf(Extensions, Path.GetExtension(file).ToLowerInvariant()) >= 0) files.Add(file);
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Reads every image of <paramref name="folder"/> as [N, C, H, W] for <paramref name="shape"/> = [C, H, W].</summary>
    public static Tensor Read(string folder, long[] shape, DataRange range = DataRange.MinusOneToOne)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length != 3 || (shape[0] != 1 && shape[0] != 3) || shape[1] < 1 || shape[2] < 1)
            throw new ArgumentException($"Images map to [1 or 3, H ≥ 1, W ≥ 1] samples; the declared shape [{string.Join(", ", shape)}] cannot hold an image.", nameof(shape));
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Image folder '{folder}' does not exist.");
        var files = ImageFiles(folder);
        if (files.Count == 0) throw new InvalidDataException($"'{folder}' contains no PNG or JPEG images.");

        int channels = (int)shape[0], height = (int)shape[1], width = (int)shape[2];
        var values = new float[files.Count * channels * height * width];
        for (int i = 0; i < files.Count; i++) Decode(files[i], channels, height, width, values, i * channels * height * width);
        using var pixels = tensor(values, new long[] { files.Count, channels, height, width });
        return range == DataRange.MinusOneToOne ? pixels.div(127.5).sub_(1.0) : pixels.div(255.0);
    }

    /// <summary>
    /// Reads a folder whose sub-folders are classes (as torchvision's ImageFolder): every image of the i-th sub-folder
    /// in ordinal name order gets label i. Returns the images [N, C, H, W], the labels [N] and the class names.
    /// </summary>
    public static (Tensor Images, Tensor Labels, IReadOnlyList<string> Classes) ReadLabelled(string folder, long[] shape, DataRange range = DataRange.MinusOneToOne)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Image folder '{folder}' does not exist.");
        var classes = new List<string>();
        foreach (var sub in Directory.EnumerateDirectories(folder)) classes.Add(Path.GetFileName(sub));
        classes.Sort(StringComparer.Ordinal);
        if (classes.Count == 0)
            throw new InvalidDataException($"'{folder}' has no class sub-folders; put each class's PNG/JPEG images in a sub-folder named after it.");
        var parts = new List<Tensor>();
        var labels = new List<long>();
        try
        {
            for (int label = 0; label < classes.Count; label++)
            {
                string sub = Path.Combine(folder, classes[label]);
                if (ImageFiles(sub).Count == 0) throw new InvalidDataException($"Class folder '{sub}' contains no PNG or JPEG images.");
                var images = Read(sub, shape, range);
                parts.Add(images);
                for (long i = 0; i < images.size(0); i++) labels.Add(label);
            }
            return (cat(parts, 0), tensor(labels.ToArray()), classes);
        }
        finally
        {
            foreach (var part in parts) part.Dispose();
        }
    }

    private static void Decode(string path, int channels, int height, int width, float[] target, int offset)
    {
        using var source = DecodeWhole(path);
        using var image = SKImage.FromBitmap(source);
        using var canvas = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var draw = new SKCanvas(canvas))
        {
            draw.Clear(SKColors.Black);
            draw.DrawImage(image, CenterCrop(source.Width, source.Height, width, height), new SKRect(0, 0, width, height),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        var bytes = canvas.Bytes; // RGBA, row-major
        int plane = height * width;
        for (int p = 0; p < plane; p++)
        {
            float r = bytes[4 * p], g = bytes[4 * p + 1], b = bytes[4 * p + 2];
            if (channels == 1)
            {
                target[offset + p] = 0.299f * r + 0.587f * g + 0.114f * b;
            }
            else
            {
                target[offset + p] = r;
                target[offset + plane + p] = g;
                target[offset + 2 * plane + p] = b;
            }
        }
    }

    /// <summary>
    /// Decodes every pixel of <paramref name="path"/> or fails naming it. SkiaSharp's one-call decode returns a bitmap
    /// for a truncated file too (the missing rows left blank), so the codec's result is checked instead.
    /// </summary>
    private static SKBitmap DecodeWhole(string path)
    {
        using var codec = SKCodec.Create(path)
            ?? throw new InvalidDataException($"'{path}' is not a decodable PNG or JPEG image.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (info.Width < 1 || info.Height < 1) throw new InvalidDataException($"'{path}' has no pixels.");
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        throw new InvalidDataException(result == SKCodecResult.IncompleteInput
            ? $"'{path}' is truncated: the decoder ran out of data before the last row of its {info.Width}×{info.Height} pixels; replace or remove the file."
            : $"'{path}' is corrupt: the decoder reports {result}; replace or remove the file.");
    }

    /// <summary>The largest centred source rectangle with the target's aspect ratio.</summary>
    private static SKRect CenterCrop(int sourceWidth, int sourceHeight, int width, int height)
    {
        double targetAspect = (double)width / height, sourceAspect = (double)sourceWidth / sourceHeight;
        double cropWidth = sourceAspect > targetAspect ? sourceHeight * targetAspect : sourceWidth;
        double cropHeight = sourceAspect > targetAspect ? sourceHeight : sourceWidth / targetAspect;
        double left = (sourceWidth - cropWidth) / 2, top = (sourceHeight - cropHeight) / 2;
        return new SKRect((float)left, (float)top, (float)(left + cropWidth), (float)(top + cropHeight));
    }
}
