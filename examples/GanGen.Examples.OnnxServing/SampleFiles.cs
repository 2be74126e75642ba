using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace GanGen.Examples.OnnxServing;

/// <summary>
/// What <c>generate</c> writes: the raw noise and samples (float32, little-endian, row-major) for a program to read
/// back, <c>samples.json</c> with their shape, range and labels, and PNGs for images or a CSV for flat samples.
/// </summary>
public static class SampleFiles
{
    /// <summary>Writes <paramref name="samples"/> into <paramref name="folder"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> Write(Samples samples, string folder, string gan)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Save(string name, byte[] bytes)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            written.Add(name);
        }

        Save("noise.f32", MemoryMarshal.AsBytes(samples.Noise.AsSpan()).ToArray());
        Save("samples.f32", MemoryMarshal.AsBytes(samples.Values.AsSpan()).ToArray());
        Save("samples.json", JsonSerializer.SerializeToUtf8Bytes(Describe(samples, gan), new JsonSerializerOptions { WriteIndented = true }));
        if (SampleImages.AreImages(samples))
        {
            Save("grid.png", SampleImages.Grid(samples, columns: 8));
            for (int i = 0; i < samples.Count; i++) Save($"sample-{i:D3}.png", SampleImages.Single(samples, i));
        }
        else
        {
            Save("samples.csv", Encoding.UTF8.GetBytes(Csv(samples)));
        }
        return written;
    }

    /// <summary>The samples' description as JSON-ready values (what the server's /samples also returns, with the values).</summary>
    public static Dictionary<string, object?> Describe(Samples samples, string gan) => new()
    {
        ["gan"] = gan,
        ["shape"] = samples.Shape,
        ["range"] = samples.Range,
        ["min"] = samples.Values.Min(),
        ["max"] = samples.Values.Max(),
        ["labels"] = samples.Labels,
    };

    private static string Csv(Samples samples)
    {
        int width = samples.Values.Length / samples.Count;
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Enumerable.Range(0, width).Select(i => $"x{i}")));
        for (int n = 0; n < samples.Count; n++)
            text.AppendLine(string.Join(",", samples.Values.Skip(n * width).Take(width).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        return text.ToString();
    }
}
