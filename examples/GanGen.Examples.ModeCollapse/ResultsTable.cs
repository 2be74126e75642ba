using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GanGen.Examples.ModeCollapse;

/// <summary>The Markdown table of the results: per dataset, one line per row with the mean and spread over seeds.</summary>
internal static class ResultsTable
{
    /// <summary>
    /// Every run in <paramref name="results"/> at the options' budget, whichever invocation measured it, so the table
    /// grows as later invocations add rows or seeds; each row lists the seeds it ran.
    /// </summary>
    public static string Write(IReadOnlyList<RunResult> results, ExperimentOptions options)
    {
        var text = new StringBuilder();
        foreach (string dataset in options.Datasets)
        {
            int modes = dataset == "grid" ? 25 : 8;
            var measured = results.Where(r => r.Dataset == dataset && r.Steps == options.Steps(dataset) && r.BatchSize == options.BatchSize).ToList();
            if (measured.Count == 0) continue;
            text.AppendLine(CultureInfo.InvariantCulture, $"### {(dataset == "grid" ? "25-Gaussian grid" : "8-Gaussian ring")}: {options.Steps(dataset):N0} steps of {options.BatchSize}, {GanGen.Examples.Models.ModeCollapse.MixtureRun.MeasuredSamples:N0} samples measured per run");
            text.AppendLine();
            text.AppendLine("| technique | declaration | modes covered (mean ± sd) | per seed (seed: modes) | high-quality samples (mean ± sd) | picture (first seed) |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var row in Contenders.All)
            {
                // The last line of each seed wins: a rerun replaces an earlier measurement of the same run.
                var runs = measured.Where(r => r.Row == row.Key).GroupBy(r => r.Seed).Select(g => g.Last()).OrderBy(r => r.Seed).ToList();
                if (runs.Count == 0) continue;
                string perSeed = string.Join(", ", runs.Select(r => r.DivergedAt > 0 ? $"{r.Seed}: diverged at {r.DivergedAt}" : $"{r.Seed}: {r.ModesCovered}"));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Technique} | {row.Declaration} | {MeanSd(runs.Select(r => (double)r.ModesCovered), "F1")} / {modes} | {perSeed} | {MeanSd(runs.Select(r => 100 * r.HighQualityShare), "F1")} % | ![{row.Key} on the {dataset}]({PictureName(row.Key, dataset)}) |");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    public static string PictureName(string row, string dataset) => $"{dataset}-{row}.png";

    private static string MeanSd(IEnumerable<double> values, string format)
    {
        var v = values.ToArray();
        double mean = v.Average();
        double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)}");
    }
}
