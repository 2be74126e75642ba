using System;
using System.IO;
using GanGen.Examples.FashionMnist;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

return ExampleOptions.CreateCommand(Run).Parse(args).Invoke();

static int Run(ExampleOptions options)
{
    if (options.Threads > 0) set_num_threads(options.Threads);
    var device = ResolveDevice(options.Device);
    Directory.CreateDirectory(options.Output);
    if (options.EvaluateCheckpoint is { } checkpoint)
    {
        using var evaluator = QualityFigures.Create();
        using var trained = new FashionDcgan(device, options.Seed);
        trained.LoadCheckpoint(checkpoint);
        using var samples = trained.Sample(options.EvaluationSamples);
        Console.WriteLine($"{checkpoint} (step {trained.StepCount}): {evaluator.Evaluate(samples)}");
        return 0;
    }
    Console.WriteLine(FashionDcgan.Summary());

    using var data = FashionData.Load(options.DataPath, options.BatchSize, options.Seed, device);
    Console.WriteLine($"data: {data.Description}");

    using var quality = QualityFigures.Create();
    using var gan = new FashionDcgan(device, options.Seed);
    gan.GeneratorOptimizer.LearningRate = options.GeneratorLearningRate;
    gan.DiscriminatorOptimizer.LearningRate = options.DiscriminatorLearningRate;
    var run = new TrainingRunOptions(
        Steps: options.Steps, OutputFolder: options.Output, LogEvery: 50, SampleEvery: options.SampleEvery,
        EvaluateEvery: options.EvaluateEvery, CheckpointEvery: options.CheckpointEvery, Start: options.Resume ? RunStart.Resume : RunStart.New);

    if (!options.Resume)
    {
        using var untrained = gan.Sample(options.EvaluationSamples);
        Console.WriteLine($"untrained generator: {quality.Evaluate(untrained)}");
    }
    ConsoleProgress.Show("Fashion-MNIST DCGAN", observer => TrainingRun.Fit(
        gan, data.Batch, run, new CurvePlotter(observer, options.Output), samples => QualityFigures.Evaluate(quality, samples), options.EvaluationSamples));

    using (var final = gan.Sample(options.EvaluationSamples))
        Console.WriteLine($"final: {quality.Evaluate(final)}");
    Console.WriteLine($"samples/, metrics.csv, curves.png, last.ckpt, best.ckpt and TensorBoard logs are in {Path.GetFullPath(options.Output)}");
    return 0;
}

// The examples reference the CPU backend only; say so, and what to reference instead, before anything loads.
static Device ResolveDevice(string name)
{
    if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !cuda.is_available())
        throw new InvalidOperationException(
            $"--device {name}: CUDA is not available here. The examples reference the CPU backend (TorchSharp-cpu); " +
            "to train on a GPU, reference a CUDA backend package such as TorchSharp-cuda-linux instead.");
    return TorchSharp.torch.device(name);
}
