using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GanGen.Runtime.Inspection;

/// <summary>Formats a Keras-style summary table: layer, output shape, parameters, and the total.</summary>
public static class ModelSummary
{
    /// <summary>Formats <paramref name="layers"/> of the network <paramref name="name"/> taking <paramref name="inputShape"/>.</summary>
    public static string Format(string name, long[] inputShape, IReadOnlyList<LayerSummary> layers)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(layers);
        var rows = new List<string[]> { new[] { "Layer", "Output shape", "Parameters" } };
        rows.Add(new[] { "(input)", Shape(inputShape), string.Empty });
        long total = 0;
        foreach (var layer in layers)
        {
            rows.Add(new[] { $"{layer.Name} ({layer.Description})", Shape(layer.OutputShape), layer.Parameters.ToString("N0", CultureInfo.InvariantCulture) });
            total += layer.Parameters;
        }
        var widths = new int[3];
        foreach (var row in rows)
        {
            for (int c = 0; c < 3; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        int lineWidth = widths[0] + widths[1] + widths[2] + 4;
        var text = new StringBuilder();
        text.Append(name).Append('\n');
        text.Append('=', lineWidth).Append('\n');
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            text.Append(row[0].PadRight(widths[0])).Append("  ").Append(row[1].PadRight(widths[1])).Append("  ").Append(row[2].PadLeft(widths[2])).Append('\n');
            if (r == 0) text.Append('-', lineWidth).Append('\n');
        }
        text.Append('=', lineWidth).Append('\n');
        text.Append("Total parameters: ").Append(total.ToString("N0", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    /// <summary>Formats a per-sample shape as 128×7×7.</summary>
    public static string Shape(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++) parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        return string.Join("×", parts);
    }
}
