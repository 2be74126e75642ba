using System;
using System.IO;
using GanGen.Examples.FashionMnist;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

return CommandLineErrors.Invoke(ExampleOptions.CreateCommand(Run), args);

static int Run(ExampleOptions options)
{
    if (options.Threads > 0) set_num_threads(options.Threads);
    var device = ResolveDevice(options.Device);
    if (options.EvaluateCheckpoint is { } checkpoint)
    {
        using var evaluator = QualityFigures.Create();
        using var trained = new FashionDcgan(device, options.Seed);
        trained.LoadCheckpoint(checkpoint);
        using var samples = trained.Sample(options.EvaluationSamples);
        Console.WriteLine($"{checkpoint} (step {trained.StepCount}): {evaluator.Evaluate(samples)}");
        return 0;
    }
    var run = new TrainingRunOptions(
        Steps: options.Steps, OutputFolder: options.Output, LogEvery: 50, SampleEvery: options.SampleEvery,
        EvaluateEvery: options.EvaluateEvery, CheckpointEvery: options.CheckpointEvery, Start: options.Start,
        GeneratorLearningRate: options.GeneratorLearningRate, DiscriminatorLearningRate: options.DiscriminatorLearningRate);
    // Before the slow part (data, classifier, untrained evaluation); Fit checks again under the folder's lock.
    RunFolderErrors.Check(run);
    Console.WriteLine(FashionDcgan.Summary());

    using var data = FashionData.Load(options.DataPath, options.BatchSize, options.Seed, device);
    Console.WriteLine($"data: {data.Description}");

    using var quality = QualityFigures.Create();
    using var gan = new FashionDcgan(device, options.Seed);
    if (run.Start != RunStart.Resume)
    {
        using var untrained = gan.Sample(options.EvaluationSamples);
        Console.WriteLine($"untrained generator: {quality.Evaluate(untrained)}");
    }
    using (var stop = StopSignals.Register())
    {
        try
        {
            ConsoleProgress.Show("Fashion-MNIST DCGAN", observer => RunFolderErrors.Fit(() => TrainingRun.Fit(
                gan, step => data.Batch(step), run, new CurvePlotter(observer, options.Output), samples => QualityFigures.Evaluate(quality, samples),
                options.EvaluationSamples, cancellationToken: stop.Token)));
        }
        catch (OperationCanceledException) when (stop.Received is not null)
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"stopped by {stop.ReceivedName} at step {gan.StepCount} of {options.Steps}; {Path.Combine(options.Output, TrainingRun.LastCheckpoint)} holds that step: continue with --resume");
            return stop.ExitCode;
        }
    }

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
    return TorchSharp.torch.device(name.ToLowerInvariant());
}
