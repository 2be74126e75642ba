using System;
using System.CommandLine;

namespace GanGen.Examples.FashionMnist;

/// <summary>Command-line options of the Fashion-MNIST DCGAN example.</summary>
internal sealed record ExampleOptions(
    int Steps, int BatchSize, double GeneratorLearningRate, double DiscriminatorLearningRate, string? DataPath,
    string Output, long Seed, string Device, int Threads, bool Resume, int SampleEvery, int CheckpointEvery,
    int EvaluateEvery, int EvaluationSamples, string? EvaluateCheckpoint)
{
    public static RootCommand CreateCommand(Func<ExampleOptions, int> run)
    {
        var steps = new Option<int>("--steps") { Description = "Training steps (discriminator updates)", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch-size") { Description = "Real images per step", DefaultValueFactory = _ => 64 };
        var lrG = new Option<double>("--lr-g") { Description = "Generator learning rate (declared default: 2e-4)", DefaultValueFactory = _ => 2e-4 };
        var lrD = new Option<double>("--lr-d") { Description = "Discriminator learning rate (declared default: 2e-4)", DefaultValueFactory = _ => 2e-4 };
        var data = new Option<string?>("--data") { Description = "Folder with Fashion-MNIST IDX files (e.g. /usr/share/datasets/fashion-mnist for the 60,000-image training split) or with PNG/JPEG images (centre-cropped, resized to 28×28 grayscale); default: the embedded 10,000-image test split. Quality figures always compare with the embedded Fashion-MNIST test images" };
        var output = new Option<string>("--output") { Description = "Folder for sample grids, metrics.csv, checkpoints and TensorBoard logs", DefaultValueFactory = _ => "runs/fashion-dcgan" };
        var seed = new Option<long>("--seed") { Description = "Seed for initialisation, noise and data order", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "TorchSharp device: cpu, cuda, cuda:1 (CUDA needs a CUDA TorchSharp package)", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int>("--threads") { Description = "Intra-op CPU threads (0: TorchSharp's default)", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue from <output>/last.ckpt" };
        var sampleEvery = new Option<int>("--sample-every") { Description = "Steps between sample grids", DefaultValueFactory = _ => 250 };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints", DefaultValueFactory = _ => 500 };
        var evaluateEvery = new Option<int>("--evaluate-every") { Description = "Steps between quality evaluations (0: only at the end)", DefaultValueFactory = _ => 500 };
        var evaluationSamples = new Option<int>("--evaluation-samples") { Description = "Generated samples per quality evaluation", DefaultValueFactory = _ => 2000 };
        var evaluateCheckpoint = new Option<string?>("--evaluate-checkpoint") { Description = "Only report the quality figures of this checkpoint (e.g. runs/fashion-dcgan/best.ckpt), without training" };

        var command = new RootCommand("Trains the declared Fashion-MNIST DCGAN and reports classifier-based quality figures.")
        {
            steps, batch, lrG, lrD, data, output, seed, device, threads, resume, sampleEvery, checkpointEvery, evaluateEvery, evaluationSamples,
            evaluateCheckpoint,
        };
        command.SetAction(result =>
        {
            var options = new ExampleOptions(
                result.GetValue(steps), result.GetValue(batch), result.GetValue(lrG), result.GetValue(lrD), result.GetValue(data),
                result.GetValue(output)!, result.GetValue(seed), result.GetValue(device)!, result.GetValue(threads), result.GetValue(resume),
                result.GetValue(sampleEvery), result.GetValue(checkpointEvery), result.GetValue(evaluateEvery), result.GetValue(evaluationSamples),
                result.GetValue(evaluateCheckpoint));
            if (options.Validate() is { } problem)
            {
                Console.Error.WriteLine("error: " + problem);
                return 2;
            }
            return GanGen.Examples.Models.CommandLineErrors.Run(() => run(options));
        });
        return command;
    }

    private string? Validate()
    {
        if (Steps < 1) return $"--steps must be at least 1 (got {Steps})";
        if (BatchSize < 2) return $"--batch-size must be at least 2 (got {BatchSize})";
        if (!(GeneratorLearningRate > 0) || !(DiscriminatorLearningRate > 0)) return "--lr-g and --lr-d must be positive";
        if (Threads < 0) return $"--threads must be 0 or positive (got {Threads})";
        if (SampleEvery < 1 || CheckpointEvery < 0 || EvaluateEvery < 0) return "--sample-every must be ≥ 1; --checkpoint-every and --evaluate-every ≥ 0";
        if (EvaluationSamples < 10) return $"--evaluation-samples must be at least 10 (got {EvaluationSamples})";
        return null;
    }
}
