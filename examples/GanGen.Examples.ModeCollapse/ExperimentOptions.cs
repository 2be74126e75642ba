using System;
using System.CommandLine;
using System.Linq;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;

namespace GanGen.Examples.ModeCollapse;

/// <summary>Command-line options of the stabiliser experiment.</summary>
internal sealed record ExperimentOptions(string[] Rows, string[] Datasets, long[] Seeds, int RingSteps, int GridSteps, int BatchSize, string Output, int Threads, bool Resume, bool Overwrite)
{
    public static readonly string[] DatasetNames = { "ring", "grid" };

    /// <summary>The results file a resumed experiment continues.</summary>
    public const string ResultsFile = "results.csv";

    /// <summary>Every file the experiment may write into --output: results, the table, one picture per row and dataset.</summary>
    public static string[] Outputs => [ResultsFile, "results.md", .. DatasetNames.SelectMany(d => Contenders.All.Select(c => ResultsTable.PictureName(c.Key, d)))];

    /// <summary>How the experiment treats an output folder that holds an earlier experiment's outputs.</summary>
    public RunStart Start => Resume ? RunStart.Resume : Overwrite ? RunStart.Overwrite : RunStart.New;

    public static RootCommand CreateCommand(Func<ExperimentOptions, int> run)
    {
        var rows = new Option<string[]>("--rows") { Description = $"Rows to run (default all): {string.Join(", ", Contenders.All.Select(c => c.Key))}", AllowMultipleArgumentsPerToken = true };
        var datasets = new Option<string[]>("--datasets") { Description = "ring, grid or both (default both)", AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<long[]>("--seeds") { Description = "Seeds of every row (default 1 2 3)", AllowMultipleArgumentsPerToken = true };
        var ringSteps = new Option<int>("--ring-steps") { Description = "Steps (discriminator updates) per ring run", DefaultValueFactory = _ => 10_000 };
        var gridSteps = new Option<int>("--grid-steps") { Description = "Steps (discriminator updates) per grid run", DefaultValueFactory = _ => 20_000 };
        var batch = new Option<int>("--batch-size") { Description = "Real and fake samples per step (a multiple of 4: PacGAN packs 4)", DefaultValueFactory = _ => 256 };
        var output = new Option<string>("--output") { Description = "Folder for results.csv, results.md and one picture per row (with --resume, its finished runs are kept, not repeated)", DefaultValueFactory = _ => "runs/mode-collapse" };
        var threads = new Option<int>("--threads") { Description = "Intra-op CPU threads (0: TorchSharp's default)", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue the experiment in --output: keep its finished runs (results.csv), run the missing ones, rewrite the table" };
        var overwrite = new Option<bool>("--overwrite") { Description = $"Delete the earlier experiment's outputs in --output (exactly the files its {OutputFolder.ManifestFile} lists) and start again; other files stay" };

        var command = new RootCommand("Trains the plain GAN and each stabiliser on the 8-Gaussian ring and the 25-Gaussian grid for a fixed step budget and several seeds; writes the mode-coverage table and a picture per row.")
        {
            rows, datasets, seeds, ringSteps, gridSteps, batch, output, threads, resume, overwrite,
        };
        command.SetAction(result =>
        {
            var options = new ExperimentOptions(
                NonEmpty(result.GetValue(rows)) ?? Contenders.All.Select(c => c.Key).ToArray(),
                NonEmpty(result.GetValue(datasets)) ?? DatasetNames,
                NonEmpty(result.GetValue(seeds)) ?? new long[] { 1, 2, 3 },
                result.GetValue(ringSteps), result.GetValue(gridSteps), result.GetValue(batch), result.GetValue(output)!, result.GetValue(threads),
                result.GetValue(resume), result.GetValue(overwrite));
            return options.Validate() is { } problem
                ? CommandLineErrors.Usage(problem)
                : CommandLineErrors.Run(() => run(options), memoryHint: $"--batch-size (now {options.BatchSize})");
        });
        return command;
    }

    private static T[]? NonEmpty<T>(T[]? values) => values is { Length: > 0 } ? values : null;

    private string? Validate() => OptionChecks.First(
        Rows.FirstOrDefault(r => Contenders.All.All(c => c.Key != r)) is { } row
            ? $"--rows: no row '{row}'; the rows are {string.Join(", ", Contenders.All.Select(c => c.Key))}"
            : null,
        Datasets.FirstOrDefault(d => !DatasetNames.Contains(d)) is { } dataset ? $"--datasets: no dataset '{dataset}'; use ring, grid or both" : null,
        Seeds.Distinct().Count() != Seeds.Length ? $"--seeds lists a seed twice: {string.Join(" ", Seeds)}" : null,
        OptionChecks.Between("--ring-steps", RingSteps, 1, 10_000_000),
        OptionChecks.Between("--grid-steps", GridSteps, 1, 10_000_000),
        OptionChecks.Between("--batch-size", BatchSize, 4, 1_000_000),
        BatchSize % 4 != 0 ? $"--batch-size must be a multiple of 4 (the PacGAN row packs 4 samples); got {BatchSize}" : null,
        OptionChecks.OutputFolder("--output", Output),
        OptionChecks.Threads(Threads),
        Resume && Overwrite ? "--resume and --overwrite exclude each other: continue the experiment in the output folder, or replace it" : null);

    public int Steps(string dataset) => dataset == "grid" ? GridSteps : RingSteps;
}
