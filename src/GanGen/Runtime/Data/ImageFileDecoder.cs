using System;
using System.IO;
using SkiaSharp;

namespace GanGen.Runtime.Data;

/// <summary>
/// Decodes one PNG or JPEG file into a sample's pixels, checking what its header claims before anything is
/// allocated: a non-empty file that SkiaSharp recognises as PNG or JPEG (by its content, not its name), and 1 to
/// <see cref="InputLimits.MaxImagePixels"/> pixels. Then every pixel must decode (SkiaSharp's one-call decode accepts
/// a truncated file with its missing rows left blank, so the codec's result is checked). Each problem is one
/// <see cref="GanInputException"/> naming the file.
/// </summary>
internal static class ImageFileDecoder
{
    private const string Kind = "a PNG or JPEG image";

    /// <summary>
    /// Decodes <paramref name="path"/>, centre-crops it to the target aspect ratio, resizes it to
    /// <paramref name="width"/>×<paramref name="height"/> in one high-quality draw, and writes grayscale (Rec. 601 luma)
    /// or RGB planes of 0–255 values to <paramref name="target"/> from <paramref name="offset"/>.
    /// </summary>
    public static void Decode(string path, int channels, int height, int width, float[] target, long offset)
    {
        using var source = DecodeWhole(path);
        using var image = SKImage.FromBitmap(source)
            ?? throw new GanInputException(path, $"decoded to {source.Width}×{source.Height} pixels that SkiaSharp cannot draw; re-save it as an 8-bit PNG or JPEG");
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

    /// <summary>Decodes every pixel of <paramref name="path"/> or fails naming it.</summary>
    private static SKBitmap DecodeWhole(string path)
    {
        using var codec = OpenCodec(path);
        int width = codec.Info.Width, height = codec.Info.Height;
        InputLimits.RequireImagePixels(path, width, height, $"is a {FormatName(codec.EncodedFormat)} image whose header claims");
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        if (bitmap.GetPixels() == IntPtr.Zero)
        {
            bitmap.Dispose();
            throw new GanInputException(path, $"has {width}×{height} pixels, whose {InputLimits.Bytes(4.0 * width * height)} as RGBA did not fit in memory; use a smaller image");
        }
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        throw new GanInputException(path, result == SKCodecResult.IncompleteInput
            ? $"is truncated: the decoder ran out of data before the last row of its {width}×{height} pixels; replace or remove the file"
            : $"is corrupt: the decoder reports {result} for its {width}×{height} pixels; replace or remove the file");
    }

    /// <summary>A codec for a non-empty PNG or JPEG file; anything else is refused by name.</summary>
    private static SKCodec OpenCodec(string path)
    {
        var stream = InputFiles.OpenRead(path, Kind);
        long length;
        try
        {
            length = stream.Length;
        }
        catch (Exception e) when (InputFiles.IsFileSystemError(e))
        {
            stream.Dispose();
            throw InputFiles.Unreadable(path, Kind, e);
        }
        if (length == 0)
        {
            stream.Dispose();
            throw new GanInputException(path, "is empty (0 bytes); an image file must hold a PNG or JPEG image: replace or remove it");
        }
        var codec = SKCodec.Create(stream, out var result); // takes ownership of the stream, even when it fails
        if (codec is null)
        {
            stream.Dispose();
            throw new GanInputException(path, $"is not a PNG or JPEG image (SkiaSharp reports {result} for its {length} bytes); replace or remove it, or rename it if it is not meant as an image");
        }
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            string format = FormatName(codec.EncodedFormat);
            codec.Dispose();
            throw new GanInputException(path, $"is a {format} image, not PNG or JPEG; convert it to PNG or remove it");
        }
        return codec;
    }

    private static string FormatName(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Jpeg => "JPEG",
        _ => format.ToString().ToUpperInvariant(),
    };

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
