using System;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

namespace GanGen.Examples.FashionMnist;

/// <summary>One of the example's declared GANs, run through the same command line.</summary>
internal interface IExperiment
{
    int Run(ExampleOptions options, Device device);
}

/// <summary>
/// The run every declared Fashion-MNIST GAN shares: the folder check, the layer tables, the data, the quality
/// figures before, during and after training, stop signals, progress and the run files. A subclass says which GAN it
/// builds, what its batches hold and how its quality is measured.
/// </summary>
internal abstract class Experiment<TGan, TGenerator, TDiscriminator> : IExperiment, IDisposable
    where TGan : GanTrainer<TGenerator, TDiscriminator>
    where TGenerator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
    where TDiscriminator : nn.Module, GanGen.Runtime.Kernels.IKernelChecked
{
    /// <summary>The progress bar's title.</summary>
    protected abstract string Title { get; }

    /// <summary>Both networks' layer tables.</summary>
    protected abstract string Summary();

    protected abstract TGan Create(Device device, long seed);

    /// <summary>Loads the training data; returns its description.</summary>
    protected abstract string LoadData(ExampleOptions options, Device device);

    /// <summary>The batch for a step (a pure function of the step).</summary>
    protected abstract GanBatch Batch(long step);

    /// <summary>Prepares the quality measure (classifier, real statistics).</summary>
    protected abstract void LoadQuality();

    /// <summary>The quality of <paramref name="gan"/> now; lower scores are better.</summary>
    protected abstract Evaluation Evaluate(TGan gan, int samples);

    /// <summary>The files <see cref="WriteExtras"/> writes, recorded in the run folder's manifest with the run's own.</summary>
    protected virtual string[] Extras => [];

    /// <summary>Writes what this GAN adds to the run folder after training (pictures beyond the sample grids).</summary>
    protected virtual void WriteExtras(TGan gan, string folder)
    {
    }

    public int Run(ExampleOptions options, Device device)
    {
        using var _ = this;
        if (options.EvaluateCheckpoint is { } checkpoint)
        {
            LoadQuality();
            using var trained = Create(device, options.Seed);
            trained.LoadCheckpoint(checkpoint);
            Console.WriteLine($"{checkpoint} (step {trained.StepCount}): {Evaluate(trained, options.EvaluationSamples).Report}");
            return 0;
        }
        var run = new TrainingRunOptions(
            Steps: options.Steps, OutputFolder: options.Output, LogEvery: 50, SampleEvery: options.SampleEvery,
            EvaluateEvery: options.EvaluateEvery, CheckpointEvery: options.CheckpointEvery, Start: options.Start,
            GeneratorLearningRate: options.GeneratorLearningRate, DiscriminatorLearningRate: options.DiscriminatorLearningRate,
            OtherOutputs: [CurvePlotter.FileName, .. Extras]);
        // Before the slow part (data, classifier, untrained evaluation); Fit checks again under the folder's lock.
        TrainingRun.CheckOutputFolder(run);
        Console.WriteLine(Summary());
        Console.WriteLine($"data: {LoadData(options, device)}");
        LoadQuality();
        using var gan = Create(device, options.Seed);
        if (run.Start != RunStart.Resume) Console.WriteLine($"untrained generator: {Evaluate(gan, options.EvaluationSamples).Report}");
        using (var stop = StopSignals.Register())
        {
            try
            {
                ConsoleProgress.Show(Title, observer => TrainingRun.Fit(
                    gan, Batch, run, new CurvePlotter(observer, options.Output), () => Evaluate(gan, options.EvaluationSamples),
                    cancellationToken: stop.Token));
            }
            catch (OperationCanceledException) when (stop.Received is not null)
            {
                Console.Out.Flush();
                Console.Error.WriteLine($"stopped by {stop.ReceivedName} at step {gan.StepCount} of {options.Steps}; {Path.Combine(options.Output, TrainingRun.LastCheckpoint)} holds that step: continue with --resume");
                return stop.ExitCode;
            }
        }
        Console.WriteLine($"final: {Evaluate(gan, options.EvaluationSamples).Report}");
        WriteExtras(gan, options.Output);
        Console.WriteLine($"samples/, metrics.csv, curves.png, last.ckpt, best.ckpt and TensorBoard logs are in {Path.GetFullPath(options.Output)}");
        return 0;
    }

    public abstract void Dispose();
}
