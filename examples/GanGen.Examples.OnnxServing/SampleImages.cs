using System;

namespace GanGen.Examples.OnnxServing;

/// <summary>Turns image samples [N, C, H, W] (C = 1 or 3) into PNGs: one per sample, or a grid of them.</summary>
public static class SampleImages
{
    /// <summary>Whether the samples are images a PNG can show.</summary>
    public static bool AreImages(Samples samples) => samples.Shape.Length == 4 && samples.Shape[1] is 1 or 3;

    /// <summary>Sample <paramref name="index"/> as a PNG.</summary>
    public static byte[] Single(Samples samples, int index) => Grid(samples, index, 1, 1);

    /// <summary>All samples in a grid <paramref name="columns"/> wide, with a 2-pixel black gutter.</summary>
    public static byte[] Grid(Samples samples, int columns) =>
        Grid(samples, 0, samples.Count, Math.Min(columns, samples.Count));

    private static byte[] Grid(Samples samples, int first, int count, int columns)
    {
        if (!AreImages(samples)) throw new InvalidOperationException($"Samples of shape [{string.Join(", ", samples.Shape)}] are not [N, 1 or 3, H, W] images.");
        int channels = (int)samples.Shape[1], height = (int)samples.Shape[2], width = (int)samples.Shape[3];
        int gutter = count == 1 ? 0 : 2, rows = (count + columns - 1) / columns;
        int gridWidth = columns * width + (columns - 1) * gutter, gridHeight = rows * height + (rows - 1) * gutter;
        var pixels = new byte[gridWidth * gridHeight * channels];
        for (int n = 0; n < count; n++)
        {
            int left = n % columns * (width + gutter), top = n / columns * (height + gutter);
            for (int c = 0; c < channels; c++)
            {
                for (int y = 0; y < height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        float value = samples.Values[(((first + n) * channels + c) * height + y) * width + x];
                        pixels[((top + y) * gridWidth + left + x) * channels + c] = ToByte(value, samples.Range);
                    }
                }
            }
        }
        return PngEncoder.Encode(pixels, gridWidth, gridHeight, channels);
    }

    /// <summary>A value of the declared range as an 8-bit intensity: [−1, 1] and [0, 1] map to 0…255; unbounded values are clamped to [−1, 1].</summary>
    public static byte ToByte(float value, string range)
    {
        double unit = range == "ZeroToOne" ? value : (value + 1) / 2;
        return (byte)Math.Round(Math.Clamp(unit, 0, 1) * 255, MidpointRounding.AwayFromZero);
    }
}
