using System;
using System.CommandLine;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;

namespace GanGen.Examples.FashionMnist;

/// <summary>The declared GANs the example trains.</summary>
internal enum FashionGan
{
    /// <summary>The unconditional DCGAN (the main example).</summary>
    Dcgan,
    /// <summary>The class-conditional DCGAN.</summary>
    Conditional,
    /// <summary>The SimGAN-style refiner of rendered images.</summary>
    Refiner,
    /// <summary>The SNGAN-layout ResNet GAN (FashionResNet).</summary>
    ResNet,
    /// <summary>The ResNet GAN with SAGAN self-attention in both networks (FashionAttention).</summary>
    Attention,
    /// <summary>The class-conditional ResNet GAN: conditional batch norm and a projection critic (ConditionalResNet).</summary>
    ConditionalResNet,
    /// <summary>SimGAN's residual refiner as published (ResidualRefiner).</summary>
    ResidualRefiner,
}

/// <summary>The DCGAN's declared variants with one stabiliser each, for the stabiliser table.</summary>
internal enum FashionStabilizer
{
    /// <summary>The DCGAN as declared (FashionDcgan).</summary>
    None,
    /// <summary>FashionSpectralNorm.</summary>
    SpectralNorm,
    /// <summary>FashionR1.</summary>
    R1,
    /// <summary>FashionInstanceNoise.</summary>
    InstanceNoise,
    /// <summary>FashionFeatureMatching.</summary>
    FeatureMatching,
    /// <summary>FashionMinibatchStdDev.</summary>
    MinibatchStdDev,
    /// <summary>FashionAverage.</summary>
    Average,
}

/// <summary>Command-line options of the Fashion-MNIST example.</summary>
internal sealed record ExampleOptions(
    FashionGan Gan, FashionStabilizer Stabilizer, int Steps, int BatchSize, double? GeneratorLearningRate, double? DiscriminatorLearningRate, string? DataPath,
    string Output, long Seed, string Device, int Threads, bool Resume, bool Overwrite, int SampleEvery, int CheckpointEvery,
    int EvaluateEvery, int EvaluationSamples, string? EvaluateCheckpoint)
{
    /// <summary>What --data should hold, for its help text and errors.</summary>
    public const string DataContents = "Fashion-MNIST IDX files (train-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz]) or PNG/JPEG images";

    /// <summary>How the run treats an output folder that holds an earlier run.</summary>
    public RunStart Start => Resume ? RunStart.Resume : Overwrite ? RunStart.Overwrite : RunStart.New;

    public static RootCommand CreateCommand(Func<ExampleOptions, int> run)
    {
        var gan = NamedOption.Create("--gan", "Which declared GAN to train: dcgan (unconditional), conditional (one class per label), refiner (rendered images made realistic), resnet (the SNGAN ResNet layout), attention (resnet with SAGAN self-attention), conditionalresnet (conditional batch norm and a projection critic), residualrefiner (SimGAN's residual refiner)", FashionGan.Dcgan);
        var stabilizer = NamedOption.Create("--stabilizer", "With --gan dcgan: the DCGAN declared with one stabiliser (the stabiliser table): none, spectralnorm, r1, instancenoise, featurematching, minibatchstddev, average (EMA of the generator)", FashionStabilizer.None);
        var steps = new Option<int>("--steps") { Description = "Training steps (discriminator updates)", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch-size") { Description = "Real images per step", DefaultValueFactory = _ => 64 };
        var lrG = new Option<double?>("--lr-g") { Description = "Generator learning rate (default: the declared 2e-4, or the checkpoint's with --resume; given, it overrides both)" };
        var lrD = new Option<double?>("--lr-d") { Description = "Discriminator learning rate (default: the declared 2e-4, or the checkpoint's with --resume; given, it overrides both)" };
        var data = new Option<string?>("--data") { Description = $"Folder with {DataContents} (e.g. /usr/share/datasets/fashion-mnist for the 60,000-image training split; images are centre-cropped, resized to 28×28 grayscale); default: the embedded 10,000-image subset of the training split. Quality figures always compare with the embedded Fashion-MNIST test images" };
        var output = new Option<string?>("--output") { Description = "Folder for sample grids, metrics.csv, checkpoints and TensorBoard logs (default: runs/fashion-<gan>)" };
        var seed = new Option<long>("--seed") { Description = "Seed for initialisation, noise and data order", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "TorchSharp device: cpu, cuda, cuda:1 (CUDA needs a CUDA TorchSharp package)", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int>("--threads") { Description = $"Intra-op CPU threads (0: TorchSharp's default; at most 4 × the processors)", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue from <output>/last.ckpt (required when the output folder holds a run you want to continue)" };
        var overwrite = new Option<bool>("--overwrite") { Description = $"Delete the previous run's outputs in the output folder (exactly the files its {OutputFolder.ManifestFile} lists: checkpoints, metrics, samples, curves, TensorBoard events) and start again; other files stay" };
        var sampleEvery = new Option<int>("--sample-every") { Description = "Steps between sample grids", DefaultValueFactory = _ => 250 };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints (0: only at the end)", DefaultValueFactory = _ => 500 };
        var evaluateEvery = new Option<int>("--evaluate-every") { Description = "Steps between quality evaluations (0: only at the end)", DefaultValueFactory = _ => 500 };
        var evaluationSamples = new Option<int>("--evaluation-samples") { Description = "Generated samples per quality evaluation", DefaultValueFactory = _ => 2000 };
        var evaluateCheckpoint = new Option<string?>("--evaluate-checkpoint") { Description = "Only report the quality figures of this checkpoint (e.g. runs/fashion-dcgan/best.ckpt), without training" };

        var command = new RootCommand("Trains a declared Fashion-MNIST GAN (DCGAN, conditional DCGAN or refiner) and reports classifier-based quality figures.")
        {
            gan, stabilizer, steps, batch, lrG, lrD, data, output, seed, device, threads, resume, overwrite, sampleEvery, checkpointEvery, evaluateEvery,
            evaluationSamples, evaluateCheckpoint,
        };
        command.SetAction(result =>
        {
            var chosen = result.GetValue(gan);
            var variant = result.GetValue(stabilizer);
            string name = chosen.ToString().ToLowerInvariant() + (variant == FashionStabilizer.None ? "" : "-" + variant.ToString().ToLowerInvariant());
            var options = new ExampleOptions(
                chosen, variant, result.GetValue(steps), result.GetValue(batch), result.GetValue(lrG), result.GetValue(lrD), result.GetValue(data),
                result.GetValue(output) ?? "runs/fashion-" + name, result.GetValue(seed), result.GetValue(device)!, result.GetValue(threads), result.GetValue(resume),
                result.GetValue(overwrite), result.GetValue(sampleEvery), result.GetValue(checkpointEvery), result.GetValue(evaluateEvery),
                result.GetValue(evaluationSamples), result.GetValue(evaluateCheckpoint));
            return options.Validate() is { } problem
                ? CommandLineErrors.Usage(problem)
                : CommandLineErrors.Run(() => run(options), memoryHint: $"--batch-size (now {options.BatchSize}) or --evaluation-samples (now {options.EvaluationSamples})", resumable: true);
        });
        return command;
    }

    private string? Validate() => OptionChecks.First(
        Stabilizer != FashionStabilizer.None && Gan != FashionGan.Dcgan
            ? $"--stabilizer {Stabilizer.ToString().ToLowerInvariant()} needs --gan dcgan (the stabiliser table varies the DCGAN); got --gan {Gan.ToString().ToLowerInvariant()}"
            : null,
        OptionChecks.Between("--steps", Steps, 1, 100_000_000),
        OptionChecks.Between("--batch-size", BatchSize, 2, 1_000_000),
        OptionChecks.LearningRate("--lr-g", GeneratorLearningRate),
        OptionChecks.LearningRate("--lr-d", DiscriminatorLearningRate),
        OptionChecks.ExistingFolder("--data", DataPath, DataContents),
        OptionChecks.OutputFolder("--output", Output),
        OptionChecks.Device(Device),
        OptionChecks.Threads(Threads),
        Resume && Overwrite ? "--resume and --overwrite exclude each other: continue the run in the output folder, or replace it" : null,
        OptionChecks.Between("--sample-every", SampleEvery, 1, int.MaxValue),
        OptionChecks.Between("--checkpoint-every", CheckpointEvery, 0, int.MaxValue),
        OptionChecks.Between("--evaluate-every", EvaluateEvery, 0, int.MaxValue),
        OptionChecks.Between("--evaluation-samples", EvaluationSamples, 10, 1_000_000),
        OptionChecks.ExistingFile("--evaluate-checkpoint", EvaluateCheckpoint));
}
