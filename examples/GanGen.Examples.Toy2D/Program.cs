using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using GanGen.Examples.Models;
using GanGen.Examples.Toy2D;
using GanGen.Runtime.Data;
using GanGen.Runtime.Training;
using static TorchSharp.torch;

return CommandLineErrors.Invoke(ExampleOptions.CreateCommand(Run), args);

static int Run(ExampleOptions options)
{
    // Before anything is allocated; the folder opens (and --overwrite deletes the earlier plots) only once there is something to write.
    OutputFolder.Check(options.Output, options.Start, options.Outputs);
    if (options.Threads > 0) set_num_threads(options.Threads);
    if (options.Dataset == "grid")
    {
        using var grid = GaussianMixture2D.Grid(seed: options.Seed);
        using var pacGan = new GridGan(seed: options.Seed);
        Console.WriteLine(GridGan.Summary());
        // Trained on the grid shrunk by 2√2 to about the ring's extent, as the WGAN-GP authors' toy script does with
        // this dataset; samples are scaled back before they are measured and plotted.
        return Train(pacGan, grid, options, scale: 2 * Math.Sqrt(2));
    }
    using var ring = GaussianMixture2D.Ring(seed: options.Seed);
    using var ringGan = new RingGan(seed: options.Seed);
    Console.WriteLine(RingGan.Summary());
    return Train(ringGan, ring, options, scale: 1);
}

static int Train<TGenerator, TDiscriminator>(GanTrainer<TGenerator, TDiscriminator> gan, GaussianMixture2D data, ExampleOptions options, double scale)
    where TGenerator : nn.Module<Tensor, Tensor>, GanGen.Runtime.Kernels.IKernelChecked
    where TDiscriminator : nn.Module<Tensor, Tensor>, GanGen.Runtime.Kernels.IKernelChecked
{
    var declaration = gan.Config;
    Console.WriteLine($"GanGen 2-D example: {data.Name}, {declaration.Name}: {declaration.Loss}, n_critic {declaration.CriticSteps}, pack {declaration.Pack}, {options.Steps} steps of {options.BatchSize}");

    var steps = new List<double>();
    var lossD = new List<double>();
    var lossG = new List<double>();
    string lastLossG = "—";
    var realScore = new List<double>();
    var fakeScore = new List<double>();
    int curveEvery = Math.Max(1, options.Steps / 200);
    var clock = Stopwatch.StartNew();
    for (int step = 1; step <= options.Steps; step++)
    {
        gan.DecayLearningRatesLinearly(options.Steps);
        using (var batch = data.Sample(options.BatchSize)) gan.Step(scale == 1 ? batch : batch.div_(scale));
        if (step % curveEvery == 0 || step == options.Steps)
        {
            // Reading metrics syncs with the device, so it happens every curveEvery steps, not every step.
            var metrics = gan.ReadMetrics();
            steps.Add(step);
            lossD.Add(metrics.DiscriminatorLoss);
            lossG.Add(metrics.GeneratorLoss ?? double.NaN); // NaN: not measured yet, left out of the plot
            realScore.Add(metrics.RealScore);
            fakeScore.Add(metrics.FakeScore);
            lastLossG = metrics.GeneratorLossText();
            if (!metrics.IsFinite)
            {
                Console.Error.WriteLine($"error: training diverged at step {step} ({metrics}); lower the learning rates in the declaration");
                return 1;
            }
        }
        if (step % options.LogEvery == 0 || step == options.Steps)
        {
            using var probe = gan.Sample(2500).mul_(scale);
            double rate = step / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"step {step,6} | loss D {lossD[^1],8:F4} | loss G {lastLossG,8} | D(x) {realScore[^1],7:F3} | D(G(z)) {fakeScore[^1],7:F3} | {data.Measure(probe).ModesCovered}/{data.ModeCount} modes | {rate:F0} steps/s");
        }
    }

    using var generated = gan.Sample(2500).mul_(scale);
    using var real = data.Sample(2500);
    var coverage = data.Measure(generated);
    var folder = OutputFolder.Open(options.Output, options.Start, options.Outputs);
    string scatter = folder.Output(options.Outputs[0]);
    string curves = folder.Output(options.Outputs[1]);
    Plots.Scatter(scatter, $"{data.Name}: real vs generated after {options.Steps} steps", ToHost(real), ToHost(generated));
    Plots.Curves(curves, steps, lossD, lossG, realScore, fakeScore);
    Console.WriteLine($"Mode coverage: {coverage}");
    Console.WriteLine($"Wrote {Path.Combine(options.Output, options.Outputs[0])} and {Path.Combine(options.Output, options.Outputs[1])} in {clock.Elapsed.TotalSeconds:F0} s");
    return 0;
}

static float[] ToHost(Tensor points)
{
    using var host = points.cpu().contiguous();
    return host.data<float>().ToArray();
}
