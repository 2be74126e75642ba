using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GanGen.Runtime.Checkpoints;

namespace GanGen.Runtime.Training;

/// <summary>
/// metrics.csv: one row per metrics read, flushed as it is written, header always present. On resume the file is first
/// rewritten (atomically) to exactly the rows up to the checkpoint's step, so rows logged after the last checkpoint of
/// a crashed run are not duplicated and a file cut off before its first flush regains its header.
/// </summary>
internal sealed class MetricsLog : IDisposable
{
    public const string Header = "step,loss_d,loss_g,real_score,fake_score";
    private static readonly int Columns = Header.Split(',').Length;
    private readonly StreamWriter _writer;

    private MetricsLog(StreamWriter writer) => _writer = writer;

    /// <summary>Starts a new log at <paramref name="path"/>.</summary>
    public static MetricsLog Create(string path)
    {
        var writer = new StreamWriter(path, append: false);
        writer.WriteLine(Header);
        writer.Flush();
        return new MetricsLog(writer);
    }

    /// <summary>Keeps the rows up to <paramref name="step"/> of the log at <paramref name="path"/> (if any) and appends after them.</summary>
    public static MetricsLog Resume(string path, long step)
    {
        var kept = new StringBuilder(Header).Append('\n');
        if (File.Exists(path))
        {
            foreach (var row in File.ReadLines(path))
            {
                if (RowStep(row) is { } rowStep && rowStep <= step) kept.Append(row).Append('\n');
            }
        }
        byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(kept.ToString());
        AtomicFile.Write(path, stream => stream.Write(bytes));
        return new MetricsLog(new StreamWriter(path, append: true));
    }

    /// <summary>Appends one row; the generator loss cell stays empty before the first generator update.</summary>
    public void Write(GanStepMetrics metrics)
    {
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{metrics.Step},{metrics.DiscriminatorLoss},{(metrics.GeneratorLoss is { } g ? g.ToString(CultureInfo.InvariantCulture) : "")},{metrics.RealScore},{metrics.FakeScore}"));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The step of a complete data row; null for the header or a row cut off by a kill.</summary>
    private static long? RowStep(string row)
    {
        var cells = row.Split(',');
        if (cells.Length != Columns) return null;
        for (int i = 1; i < cells.Length; i++)
        {
            if (cells[i].Length > 0 && !double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return null;
        }
        return long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out long step) ? step : null;
    }
}
