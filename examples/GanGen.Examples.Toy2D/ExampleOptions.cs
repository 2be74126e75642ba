using System;
using System.CommandLine;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;

namespace GanGen.Examples.Toy2D;

/// <summary>Command-line options of the 2-D example.</summary>
internal sealed record ExampleOptions(string Dataset, int Steps, int BatchSize, long Seed, string Output, int Threads, int LogEvery, bool Overwrite)
{
    /// <summary>The files a run writes into --output.</summary>
    public string[] Outputs => [$"{Dataset}-samples.png", $"{Dataset}-curves.png"];

    /// <summary>How the run treats an output folder that holds an earlier run's outputs.</summary>
    public RunStart Start => Overwrite ? RunStart.Overwrite : RunStart.New;

    public static RootCommand CreateCommand(Func<ExampleOptions, int> run)
    {
        var dataset = new Option<string>("--dataset") { Description = "ring (8 Gaussians) or grid (25 Gaussians)", DefaultValueFactory = _ => "ring" };
        dataset.AcceptOnlyFromAmong("ring", "grid");
        var steps = new Option<int?>("--steps") { Description = "Training steps (discriminator updates); default 12,000 for the ring, 30,000 for the grid" };
        var batch = new Option<int>("--batch-size") { Description = "Real and fake samples per step", DefaultValueFactory = _ => 256 };
        var seed = new Option<long>("--seed") { Description = "Seed for initialisation, noise and data", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output") { Description = "Folder for the PNG plots", DefaultValueFactory = _ => "runs/toy2d" };
        var threads = new Option<int>("--threads") { Description = "Intra-op CPU threads (0: TorchSharp's default; at most 4 × the processors)", DefaultValueFactory = _ => 0 };
        var logEvery = new Option<int>("--log-every") { Description = "Steps between progress lines", DefaultValueFactory = _ => 1000 };
        var overwrite = new Option<bool>("--overwrite") { Description = $"Replace an earlier run's plots in --output (exactly the files its {OutputFolder.ManifestFile} lists); other files stay" };

        var command = new RootCommand("Trains a declared GAN on a 2-D Gaussian mixture — WGAN-GP on the ring, PacGAN on the grid — and reports mode coverage.")
        {
            dataset, steps, batch, seed, output, threads, logEvery, overwrite,
        };
        command.SetAction(result =>
        {
            var options = new ExampleOptions(
                result.GetValue(dataset)!, result.GetValue(steps) ?? DefaultSteps(result.GetValue(dataset)!), result.GetValue(batch), result.GetValue(seed),
                result.GetValue(output)!, result.GetValue(threads), result.GetValue(logEvery), result.GetValue(overwrite));
            return options.Validate() is { } problem
                ? CommandLineErrors.Usage(problem)
                : CommandLineErrors.Run(() => run(options), memoryHint: $"--batch-size (now {options.BatchSize})");
        });
        return command;
    }

    /// <summary>Steps when --steps is not given: what each dataset's model needs to cover its modes.</summary>
    private static int DefaultSteps(string dataset) => dataset == "grid" ? 30_000 : 12_000;

    private string? Validate() => OptionChecks.First(
        OptionChecks.Between("--steps", Steps, 1, 100_000_000),
        OptionChecks.Between("--batch-size", BatchSize, 2, 100_000_000),
        // The grid's PacGAN judges four samples at once, so its batches are whole groups of four.
        Dataset == "grid" && BatchSize % 4 != 0 ? $"--batch-size must be a multiple of 4 for --dataset grid (PacGAN packs 4 samples); got {BatchSize}" : null,
        OptionChecks.OutputFolder("--output", Output),
        OptionChecks.Threads(Threads),
        OptionChecks.Between("--log-every", LogEvery, 1, int.MaxValue));
}
