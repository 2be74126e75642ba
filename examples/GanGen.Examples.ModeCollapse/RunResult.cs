using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using GanGen.Runtime.Checkpoints;

namespace GanGen.Examples.ModeCollapse;

/// <summary>One finished training run: a row on a dataset with a seed, and what its samples cover.</summary>
internal sealed record RunResult(string Row, string Dataset, long Seed, int Steps, int BatchSize, int ModesCovered, int ModeCount,
    double HighQualityShare, double Seconds, long DivergedAt)
{
    private const string Header = "row,dataset,seed,steps,batch_size,modes_covered,mode_count,high_quality_share,seconds,diverged_at_step";

    public bool SameRun(string row, string dataset, long seed, int steps, int batchSize) =>
        Row == row && Dataset == dataset && Seed == seed && Steps == steps && BatchSize == batchSize;

    /// <summary>
    /// The results already in <paramref name="path"/>; a last line cut short by a killed run is dropped (its run is
    /// repeated). A file that is not this experiment's is refused by name rather than appended to.
    /// </summary>
    public static List<RunResult> Load(string path)
    {
        var results = new List<RunResult>();
        if (!File.Exists(path)) return results;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return results;
        if (lines[0] != Header)
            throw new InvalidDataException($"{path} is not this experiment's results file (its first line is not '{Header}'); choose another --output");
        for (int i = 1; i < lines.Length; i++)
        {
            if (Parse(lines[i]) is { } result) results.Add(result);
            else if (i < lines.Length - 1)
                throw new InvalidDataException($"{path} line {i + 1} is not a result ('{lines[i]}'); fix or delete the line");
        }
        return results;
    }

    /// <summary>Rewrites <paramref name="path"/> with <paramref name="results"/> through a temporary file, so a kill never leaves half a file.</summary>
    public static void Save(string path, IEnumerable<RunResult> results)
    {
        string text = string.Concat(results.Select(r => r.ToCsv() + "\n").Prepend(Header + "\n"));
        AtomicFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static RunResult? Parse(string line)
    {
        var f = line.Split(',');
        var c = CultureInfo.InvariantCulture;
        if (f.Length != 10) return null;
        bool ok = long.TryParse(f[2], c, out long seed) & int.TryParse(f[3], c, out int steps) & int.TryParse(f[4], c, out int batch)
            & int.TryParse(f[5], c, out int covered) & int.TryParse(f[6], c, out int modes) & double.TryParse(f[7], c, out double share)
            & double.TryParse(f[8], c, out double seconds) & long.TryParse(f[9], c, out long diverged);
        return ok ? new RunResult(f[0], f[1], seed, steps, batch, covered, modes, share, seconds, diverged) : null;
    }

    private string ToCsv() => string.Create(CultureInfo.InvariantCulture,
        $"{Row},{Dataset},{Seed},{Steps},{BatchSize},{ModesCovered},{ModeCount},{HighQualityShare:F4},{Seconds:F1},{DivergedAt}");
}
