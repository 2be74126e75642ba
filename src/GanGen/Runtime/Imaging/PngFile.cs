using System;
using System.IO;
using GanGen.Runtime.Checkpoints;
using SkiaSharp;
using static TorchSharp.torch;

namespace GanGen.Runtime.Imaging;

/// <summary>Writes a [3, H, W] or [1, H, W] image with values in [0, 1] as an 8-bit PNG (SkiaSharp encodes it).</summary>
public static class PngFile
{
    /// <summary>Encodes <paramref name="image"/> and writes it atomically to <paramref name="path"/>.</summary>
    public static void Write(Tensor image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || (image.size(0) != 1 && image.size(0) != 3))
            throw new ArgumentException($"A PNG needs a [1 or 3, H, W] image; got [{string.Join(", ", image.shape)}].", nameof(image));
        int height = (int)image.size(1), width = (int)image.size(2);
        using var scaled = image.detach().to(float32).cpu().clamp(0.0, 1.0).mul_(255.0).round_();
        using var rgb = scaled.size(0) == 1 ? scaled.expand(3, height, width).contiguous() : scaled.contiguous();
        using var pixels = rgb.permute(1, 2, 0).to(uint8).contiguous(); // [H, W, 3]
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
            ?? throw new IOException($"SkiaSharp could not encode a {width}×{height} PNG for '{path}'.");
        AtomicFile.Write(path, stream => encoded.SaveTo(stream));
    }
}
