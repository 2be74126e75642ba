using System;
using System.IO;
using System.Linq;
using GanGen.Examples.ModeCollapse;
using GanGen.Examples.Models;
using static TorchSharp.torch;

return CommandLineErrors.Invoke(ExperimentOptions.CreateCommand(Run), args);

static int Run(ExperimentOptions options)
{
    if (options.Threads > 0) set_num_threads(options.Threads);
    Directory.CreateDirectory(options.Output);
    string csv = Path.Combine(options.Output, "results.csv");
    var results = RunResult.Load(csv);
    var rows = Contenders.All.Where(c => options.Rows.Contains(c.Key)).ToList();
    Console.WriteLine($"GanGen stabiliser experiment: {rows.Count} rows × {options.Datasets.Length} datasets × {options.Seeds.Length} seeds into {options.Output}");
    foreach (string dataset in options.Datasets)
    {
        var real = ToyRun.RealSamples(dataset);
        foreach (var row in rows)
        {
            foreach (long seed in options.Seeds)
            {
                int steps = options.Steps(dataset);
                if (results.Any(r => r.SameRun(row.Key, dataset, seed, steps, options.BatchSize)))
                {
                    Console.WriteLine($"{dataset} {row.Key} seed {seed}: done before, kept");
                    continue;
                }
                var result = ToyRun.Train(row, dataset, seed, steps, options.BatchSize, out var samples);
                results.Add(result);
                RunResult.Save(csv, results);
                if (seed == options.Seeds[0])
                {
                    Plots.Scatter(Path.Combine(options.Output, ResultsTable.PictureName(row.Key, dataset)), $"{row.Key}, seed {seed}: {result.ModesCovered}/{result.ModeCount} modes",
                        real, samples, size: 400);
                }
                string outcome = result.DivergedAt > 0 ? $"diverged at step {result.DivergedAt}" : $"{result.ModesCovered}/{result.ModeCount} modes, {result.HighQualityShare:P1} high quality";
                Console.WriteLine($"{dataset} {row.Key} seed {seed}: {outcome} ({result.Seconds:F0} s)");
            }
        }
    }
    string table = Path.Combine(options.Output, "results.md");
    File.WriteAllText(table, ResultsTable.Write(results, options));
    Console.WriteLine($"Wrote {table} and {csv}");
    return 0;
}
