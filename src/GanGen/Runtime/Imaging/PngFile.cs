using System;
using GanGen.Runtime.Checkpoints;
using SkiaSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Imaging;

/// <summary>Writes a [3, H, W] or [1, H, W] image with values in [0, 1] as an 8-bit PNG (SkiaSharp encodes it).</summary>
public static class PngFile
{
    private const string Kind = "a PNG file";

    /// <summary>
    /// Encodes <paramref name="image"/> and writes it atomically to <paramref name="path"/>. The image is [1 or 3, H, W]
    /// with 1 to <see cref="InputLimits.MaxImagePixels"/> pixels; the path is a file path (not a folder) in a writable
    /// folder. Each problem is one <see cref="GanInputException"/> naming the argument or the path.
    /// </summary>
    public static void Write(Tensor image, string path)
    {
        if (image is null) throw new GanInputException(nameof(image), "is null; give a [1 or 3, H, W] image with values in [0, 1]");
        InputFiles.RequireOutputFile(path, nameof(path), Kind);
        if (image.dim() != 3 || (image.size(0) != 1 && image.size(0) != 3))
            throw new GanInputException(nameof(image), $"has shape [{string.Join(", ", image.shape)}]; a PNG needs a [1 or 3, H, W] image");
        InputLimits.RequireImagePixels(nameof(image), image.size(2), image.size(1), "has");
        int height = (int)image.size(1), width = (int)image.size(2);
        using var detached = image.detach();
        using var asFloat = detached.to(float32);
        using var host = asFloat.cpu();
        using var scaled = host.clamp(0.0, 1.0).mul_(255.0).round_();
        using var expanded = scaled.size(0) == 1 ? scaled.expand(3, height, width) : scaled.alias();
        using var rgb = expanded.contiguous();
        using var permuted = rgb.permute(1, 2, 0);
        using var asBytes = permuted.to(uint8);
        using var pixels = asBytes.contiguous(); // [H, W, 3]
        var bytes = pixels.bytes;
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var target = new byte[width * height * 4];
        for (int p = 0, q = 0; p < bytes.Length; p += 3, q += 4)
        {
            target[q] = bytes[p];
            target[q + 1] = bytes[p + 1];
            target[q + 2] = bytes[p + 2];
            target[q + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(target, 0, bitmap.GetPixels(), target.Length);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new System.IO.IOException($"SkiaSharp could not encode a {width}×{height} PNG for '{path}'.");
        try
        {
            AtomicFile.Write(path, stream => encoded.SaveTo(stream));
        }
        catch (Exception e) when (InputFiles.IsFileSystemError(e))
        {
            throw InputFiles.Unwritable(path, Kind, e);
        }
    }
}
