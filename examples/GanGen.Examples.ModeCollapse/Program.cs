using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GanGen.Examples.ModeCollapse;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

return CommandLineErrors.Invoke(ExperimentOptions.CreateCommand(Run), args);

static int Run(ExperimentOptions options)
{
    if (options.Resume && !File.Exists(Path.Combine(options.Output, ExperimentOptions.ResultsFile)))
        throw new UsageException($"--resume: '{Path.GetFullPath(options.Output)}' has no {ExperimentOptions.ResultsFile} to continue; leave out --resume to start the experiment there");
    // Checked, and the earlier results read, before anything is trained or written.
    OutputFolder.Check(options.Output, options.Start, ExperimentOptions.Outputs);
    var results = options.Resume ? RunResult.Load(Path.Combine(options.Output, ExperimentOptions.ResultsFile)) : new List<RunResult>();
    if (options.Threads > 0) set_num_threads(options.Threads);
    var folder = OutputFolder.Open(options.Output, options.Start, ExperimentOptions.Outputs);
    string csv = folder.Output(ExperimentOptions.ResultsFile);
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
                    Plots.Scatter(folder.Output(ResultsTable.PictureName(row.Key, dataset)), $"{row.Key}, seed {seed}: {result.ModesCovered}/{result.ModeCount} modes",
                        real, samples, size: 400);
                }
                string outcome = result.DivergedAt > 0 ? $"diverged at step {result.DivergedAt}" : $"{result.ModesCovered}/{result.ModeCount} modes, {result.HighQualityShare:P1} high quality";
                Console.WriteLine($"{dataset} {row.Key} seed {seed}: {outcome} ({result.Seconds:F0} s)");
            }
        }
    }
    string table = folder.Output("results.md");
    File.WriteAllText(table, ResultsTable.Write(results, options));
    Console.WriteLine($"Wrote {table} and {csv}");
    return 0;
}
